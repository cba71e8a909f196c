package dev.shelf.cli;

import dev.shelf.bench.ApiServer;
import dev.shelf.bench.Benchmark;
import dev.shelf.bench.BenchmarkReport;
import dev.shelf.bench.StoreComparison;
import dev.shelf.embed.Encoders;
import dev.shelf.eval.DevSet;
import dev.shelf.eval.Judgments;
import dev.shelf.index.FileTrees;
import dev.shelf.index.LuceneStore;
import dev.shelf.ingest.IngestResult;
import dev.shelf.opensearch.ClusterAddress;
import dev.shelf.opensearch.OpenSearchStore;
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
import java.util.Map;
import java.util.Optional;
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
            Optional<ClusterAddress> cluster = workspace.clusterAddress();
            if (cluster.isPresent()) {
                compareStores(cluster.get(), encoders, encodes, lists, scratch, err);
                return 0;
            }
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

    /**
     * The same corpora built into the embedded index and into the cluster (under the alias with "-bench" added, its
     * builds removed at the end), timed in turn: what the cluster costs or gains against one machine.
     */
    private void compareStores(ClusterAddress address, Encoders encoders, ExecutorService encodes, IngestResult lists,
                               Path scratch, PrintWriter err) throws Exception {
        ClusterAddress bench = new ClusterAddress(address.nodes(), address.alias() + "-bench", address.user(),
                address.password());
        try (OpenSearchStore store = Workspace.clusterStore(bench)) {
            store.client().checkUsable();
            Benchmark.Config config = new Benchmark.Config(timedQueries(), Math.max(1, rounds), Math.max(1, requests),
                    Math.max(0, scale), scratch);
            List<StoreComparison.Row> rows;
            try {
                rows = new StoreComparison(encoders, encodes, config, step -> {
                    err.println("bench: " + step);
                    err.flush();
                }).run(lists, List.of(new StoreComparison.Contender("embedded", new LuceneStore()),
                        new StoreComparison.Contender("opensearch", store)));
            } finally {
                store.removeAll();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json.enabled()) {
                JsonOutput.print(Map.of("stores", rows), out);
            } else {
                out.println("corpus          store       chunks   build s  lexical p50  semantic p50  hybrid p50"
                        + "  q/s at 16");
                for (StoreComparison.Row row : rows) {
                    out.printf("%-15s %-10s %7d %9.1f %10.2f ms %10.2f ms %8.2f ms %10.1f%n", row.corpus(),
                            row.store(), row.chunks(), row.buildSeconds(), row.lexicalP50Ms(), row.semanticP50Ms(),
                            row.hybridP50Ms(), row.queriesPerSecond16());
                }
            }
            out.flush();
        }
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
