package dev.shelf.cli;

import dev.shelf.bench.ApiServer;
import dev.shelf.bench.Benchmark;
import dev.shelf.bench.BenchmarkReport;
import dev.shelf.embed.Encoders;
import dev.shelf.eval.DevSet;
import dev.shelf.eval.Judgments;
import dev.shelf.index.FileTrees;
import dev.shelf.ingest.IngestResult;
import dev.shelf.search.SearchService;
import dev.shelf.web.ServiceProvider;
import dev.shelf.web.WebApp;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shelf bench}: speed, memory and scale figures of the current index and machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time encoding, searching, indexing, serving and start-up; with --scale, growth with corpus size.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Workspace workspace;

    @Option(names = "--queries", paramLabel = "FILE",
            description = "Timed queries, JSON lines {\"id\", \"query\"}, besides built-in paraphrases (default: ${DEFAULT-VALUE}).",
            defaultValue = DevSet.QUERIES)
    private Path queries;

    @Option(names = "--rounds", description = "Times each query is timed per mode (default: ${DEFAULT-VALUE}).", defaultValue = "10")
    private int rounds;

    @Option(names = "--requests", description = "HTTP requests per concurrency level (default: ${DEFAULT-VALUE}).",
            defaultValue = "400")
    private int requests;

    @Option(names = "--scale", paramLabel = "CHUNKS",
            description = "Also build synthetic corpora of 1k, 10k, ... up to this many chunks and time them.", defaultValue = "0")
    private int scale;

    @Mixin
    private JsonOutput json;

    @Override
    public Integer call() throws Exception {
        List<String> timed = timedQueries();
        PrintWriter err = spec.commandLine().getErr();
        Path scratch = Files.createTempDirectory("shelf-bench");
        try (Encoders encoders = workspace.encoders(); ExecutorService encodes = Workspace.encodePool()) {
            IngestResult lists = workspace.ingest(err);
            // The index must be there (built if it was not); the benchmark opens its own reader.
            workspace.buildIfMissing(encoders, err);
            Benchmark.Config config = new Benchmark.Config(timed, Math.max(1, rounds), Math.max(1, requests),
                    Math.max(0, scale), scratch);
            BenchmarkReport report = new Benchmark(encoders, encodes, workspace.layout().store()::open, BenchCommand::serve, config,
                    step -> {
                        err.println("bench: " + step);
                        err.flush();
                    }).run(lists, workspace.layout());
            PrintWriter out = spec.commandLine().getOut();
            if (json.enabled()) {
                JsonOutput.print(report, out);
            } else {
                BenchReport.print(report, out);
            }
            out.flush();
        } finally {
            FileTrees.delete(scratch);
        }
        return 0;
    }

    /** The web app over one search service, as {@code shelf serve} runs it, on a free loopback port. */
    private static ApiServer.Started serve(SearchService service) {
        Javalin app = WebApp.create(ServiceProvider.of(service), Path.of("web")).start("127.0.0.1", 0);
        return new ApiServer.Started(app.port(), app::stop);
    }

    /** The built-in paraphrases, and the queries of the {@code --queries} file when there is one. */
    private List<String> timedQueries() throws IOException {
        List<String> timed = new ArrayList<>(Benchmark.PARAPHRASES);
        if (Files.isRegularFile(queries)) {
            timed.addAll(Judgments.loadQueries(queries).values());
        }
        return timed;
    }
}
