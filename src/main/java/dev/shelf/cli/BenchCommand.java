package dev.shelf.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.bench.Benchmark;
import dev.shelf.bench.BenchmarkReport;
import dev.shelf.eval.Judgments;
import dev.shelf.index.FileTrees;
import dev.shelf.index.ChunkIndex;
import dev.shelf.ingest.IngestResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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
            defaultValue = "../shared/eval/dev-queries.jsonl")
    private Path queries;

    @Option(names = "--rounds", description = "Times each query is timed per mode (default: ${DEFAULT-VALUE}).", defaultValue = "10")
    private int rounds;

    @Option(names = "--requests", description = "HTTP requests per concurrency level (default: ${DEFAULT-VALUE}).",
            defaultValue = "400")
    private int requests;

    @Option(names = "--scale", paramLabel = "CHUNKS",
            description = "Also build synthetic corpora of 1k, 10k, ... up to this many chunks and time them.", defaultValue = "0")
    private int scale;

    @Option(names = "--json", description = "Print the figures as JSON.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> timed = new ArrayList<>(Benchmark.PARAPHRASES);
        if (Files.isRegularFile(queries)) {
            timed.addAll(Judgments.loadQueries(queries).values());
        }
        Path scratch = Files.createTempDirectory("shelf-bench");
        try (var encoder = workspace.encoder()) {
            IngestResult lists = workspace.ingest(err);
            try (ChunkIndex ignored = workspace.openOrBuild(encoder, err)) {
                // The index is there (built if it was not); the benchmark opens its own reader.
            }
            Benchmark benchmark = new Benchmark(encoder, Workspace.OPENER, new Benchmark.Config(timed, Math.max(1, rounds),
                    Math.max(1, requests), Math.max(0, scale), scratch), step -> {
                err.println("bench: " + step);
                err.flush();
            });
            BenchmarkReport report = benchmark.run(lists, workspace.layout());
            if (json) {
                out.println(new ObjectMapper().writeValueAsString(report));
            } else {
                BenchReport.print(report, out);
            }
            out.flush();
        } finally {
            FileTrees.delete(scratch);
        }
        return 0;
    }
}
