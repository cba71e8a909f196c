package dev.shelf.cli;

import dev.shelf.embed.OnnxEncoder;
import dev.shelf.index.LuceneChunkIndex;
import dev.shelf.search.SearchService;
import dev.shelf.web.WebApp;
import io.javalin.Javalin;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code shelf serve}: the web UI and JSON API. Starts answering at once; when there is no index yet it builds one in
 * the background and the API answers 503 meanwhile. Stops cleanly on SIGTERM or Ctrl-C.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the web UI and the JSON API.")
final class ServeCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Workspace workspace;

    @Option(names = "--host", description = "Address to bind (default: ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
    private String host;

    @Option(names = "--port", description = "Port; 0 takes a free one (default: ${DEFAULT-VALUE}).", defaultValue = "7070")
    private int port;

    @Option(names = "--web", paramLabel = "DIR", description = "Folder of the UI's files (default: ${DEFAULT-VALUE}).",
            defaultValue = "web")
    private Path web;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OnnxEncoder encoder = workspace.encoder();
        AtomicReference<LuceneChunkIndex> index = new AtomicReference<>();
        AtomicReference<SearchService> service = new AtomicReference<>();
        Javalin app = WebApp.create(() -> Optional.ofNullable(service.get()), web);
        if (!isLoopback(host)) {
            err.println("warning: serving on " + host + ": the API has no authentication; anyone who can reach this"
                    + " address can read your reading lists.");
            err.flush();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Reverse order of opening: stop taking requests, then close the index, then the model.
            app.stop();
            LuceneChunkIndex open = index.get();
            if (open != null) {
                open.close();
            }
            encoder.close();
            stopped.countDown();
        }, "shelf-shutdown"));
        app.start(host, port);
        out.printf("Shelf is serving http://%s:%d/%n", host.contains(":") ? "[" + host + "]" : host, app.port());
        out.flush();
        if (workspace.layout().current().isPresent()) {
            open(encoder, index, service, out, err);
        } else {
            Thread builder = new Thread(() -> {
                try {
                    open(encoder, index, service, out, err);
                } catch (Exception e) {
                    err.println("error: the first index build failed: " + e.getMessage());
                    err.flush();
                }
            }, "shelf-first-build");
            builder.setDaemon(true);
            builder.start();
        }
        stopped.await();
        return 0;
    }

    private void open(OnnxEncoder encoder, AtomicReference<LuceneChunkIndex> index, AtomicReference<SearchService> service,
                      PrintWriter out, PrintWriter err) throws Exception {
        LuceneChunkIndex opened = workspace.openOrBuild(encoder, out, err);
        index.set(opened);
        service.set(new SearchService(opened, encoder));
        out.printf("Ready: %d resources from %d lists, indexed %s%n", opened.info().resources(),
                opened.info().sources().size(), opened.info().indexedAt());
        out.flush();
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }
}
