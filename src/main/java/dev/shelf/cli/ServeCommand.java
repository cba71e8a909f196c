package dev.shelf.cli;

import dev.shelf.embed.Encoders;
import dev.shelf.embed.ModelLoader;
import dev.shelf.index.ShelfAnalyzer;
import dev.shelf.library.FolderWatcher;
import dev.shelf.library.Library;
import dev.shelf.mcp.ShelfTools;
import dev.shelf.mcp.StreamableHttp;
import dev.shelf.search.SearchSettings;
import dev.shelf.search.SearchService;
import dev.shelf.search.ServedIndex;
import dev.shelf.web.McpMount;
import dev.shelf.web.SearchLimiter;
import dev.shelf.web.SourceRoutes;
import dev.shelf.web.WebApp;
import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shelf serve}: the web UI, the JSON API and the MCP tools at {@code /mcp} (streamable HTTP). Starts answering at once; when there is no index yet it builds one in
 * the background and the API answers 503 meanwhile. Lists added or removed through the API, or saved, changed or
 * deleted in a sources folder by anyone, are re-indexed in the background (one build at a time), the previous build
 * serving meanwhile; a re-index by {@code shelf index} from another terminal is picked up too. Stops cleanly on
 * SIGTERM or Ctrl-C.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the web UI and the JSON API.")
final class ServeCommand implements java.util.concurrent.Callable<Integer> {

    /** How often the server looks for a newer build; reading one small file, so cheap. */
    private static final Duration WATCH_PERIOD = Duration.ofSeconds(2);
    /** How long after a change to the lists a re-index starts: a burst of saves becomes one build. */
    private static final Duration QUIET_TIME = Duration.ofSeconds(1);

    @Spec
    private CommandSpec spec;

    @Mixin
    private Workspace workspace;

    @Option(names = "--host", description = "Address to bind (default: ${DEFAULT-VALUE}). Anything but loopback"
            + " exposes your lists: the API has no authentication.", defaultValue = "127.0.0.1")
    private String host;

    @Option(names = "--port", description = "Port; 0 takes a free one (default: ${DEFAULT-VALUE}).", defaultValue = "7070")
    private int port;

    @Option(names = "--web", paramLabel = "DIR", description = "Folder of the UI's files (default: ${DEFAULT-VALUE}).",
            defaultValue = "web")
    private Path web;

    @Option(names = "--max-searches", paramLabel = "N", description = "Searches run at once; up to 64 more wait"
            + " briefly, the rest get 503 (default: two per core).")
    private Integer maxSearches;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // A cluster that cannot be used at all is one line now; one that fails later is a 503 per search.
        workspace.checkStore();
        Logging.speedHint().ifPresent(out::println);
        CompletableFuture<Void> analyzer = CompletableFuture.runAsync(ShelfAnalyzer::prepare);
        // The models load while the server starts listening and opens the index; a search waits for the ones it needs.
        Encoders encoders = workspace.modelLoader().loadInBackground();
        ExecutorService encodes = Workspace.encodePool();
        ServedIndex served = new ServedIndex(workspace.layout(), workspace.layout().store()::open,
                index -> new SearchService(index, encoders, SearchSettings.DEFAULT, encodes), message -> {
            out.println(message);
            out.flush();
        });
        int cores = Runtime.getRuntime().availableProcessors();
        SearchLimiter limiter = maxSearches == null ? SearchLimiter.forCores(cores) : SearchLimiter.running(maxSearches);
        Library library = new Library(workspace.sources, workspace.layout(), encoders, QUIET_TIME, served::refresh,
                message -> {
                    PrintWriter to = message.startsWith("error:") || message.startsWith("skipped:") ? err : out;
                    to.println(message);
                    to.flush();
                });
        // The same tools as `shelf mcp`, over streamable HTTP: the lists' states are the library's.
        StreamableHttp mcp = new StreamableHttp(new ShelfTools(served::lease, info -> library.lists()),
                spec.root().version()[0].replace("shelf ", ""));
        Javalin app = WebApp.create(served::lease, limiter, web, new SourceRoutes(library, host),
                new McpMount(mcp.servlet(), StreamableHttp.PATH, host));
        if (!isLoopback(host)) {
            err.println("warning: serving on " + host + ": the API has no authentication; anyone who can reach this"
                    + " address can read your reading lists.");
            err.flush();
        }
        FolderWatcher watcher = FolderWatcher.start(library.folders(), library::changed);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Reverse order of opening: stop taking requests and changes, let a build finish, close the index, the model.
            mcp.close();
            app.stop();
            try {
                watcher.close();
            } catch (IOException e) {
                // the watcher's thread ends with the process anyway
            }
            library.close();
            served.close();
            workspace.close();
            encodes.close();
            encoders.close();
            stopped.countDown();
        }, "shelf-shutdown"));
        startListening(app, host, port, encoders);
        out.printf("Shelf is serving http://%s:%d/%n", host.contains(":") ? "[" + host + "]" : host, app.port());
        out.flush();
        // Serve what there is now; the library builds the first index, or catches up with lists changed since.
        analyzer.join();
        if (!workspace.layout().needsBuild(encoders.names())) {
            served.refresh(); // the library replaces a build of another format or without a model in use
        }
        // A build another server published to a shared cluster brings its lists into this server's folder.
        served.watch(WATCH_PERIOD, build -> library.adopt(build));
        library.start();
        // A model that cannot be loaded stops the server, as it would have before listening.
        ModelLoader.awaitLoaded(encoders);
        stopped.await();
        return 0;
    }

    /**
     * Starts the server, a port someone else holds being a failure the user can act on (one line, no stack trace),
     * not a bug. Before giving up it lets the models finish loading: ONNX Runtime frees its environment in a shutdown
     * hook of its own, and a session still being created then crashes the process.
     */
    private static void startListening(Javalin app, String host, int port, Encoders encoders) throws IOException {
        try {
            app.start(host, port);
        } catch (JavalinBindException e) {
            try {
                ModelLoader.awaitLoaded(encoders);
            } catch (RuntimeException modelFailure) {
                e.addSuppressed(modelFailure);
            }
            throw new IOException("port " + port + " on " + host + " is in use: stop what holds it, or give --port"
                    + " another (--port 0 takes a free one)", e);
        }
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }
}
