package dev.shelf.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.embed.Encoder;
import dev.shelf.eval.BeirCollection;
import dev.shelf.eval.EvalReport;
import dev.shelf.eval.Evaluator;
import dev.shelf.eval.Judgments;
import dev.shelf.index.FileTrees;
import dev.shelf.index.IndexLayout;
import dev.shelf.index.ChunkIndex;
import dev.shelf.search.SearchService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code shelf eval}: search quality of every mode on judged queries, over the reading lists or a BEIR collection. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Print nDCG@10, Recall@10, Recall@100 and MRR@10 of each mode on judged queries.")
final class EvalCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Workspace workspace;

    @Option(names = "--queries", paramLabel = "FILE", description = "Queries, JSON lines {\"id\", \"query\"} (default: ${DEFAULT-VALUE}).",
            defaultValue = "../shared/eval/dev-queries.jsonl")
    private Path queries;

    @Option(names = "--qrels", paramLabel = "FILE", description = "Judgments, TSV query_id, key, grade (default: ${DEFAULT-VALUE}).",
            defaultValue = "../shared/eval/dev-qrels.tsv")
    private Path qrels;

    @Option(names = "--beir", paramLabel = "DIR",
            description = "A BEIR collection (corpus.jsonl, queries.jsonl, qrels/test.tsv), indexed in a temporary folder.")
    private Path beir;

    @Mixin
    private RankingOptions ranking;

    @Option(names = "--per-query", description = "Also print each query's nDCG@10 per mode.")
    private boolean perQuery;

    @Option(names = "--json", description = "Print the figures as JSON.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Encoder encoder = workspace.encoder()) {
            if (beir == null) {
                Judgments judgments = Judgments.load(queries, qrels);
                try (ChunkIndex index = workspace.openOrBuild(encoder, err)) {
                    report(judgments, index, encoder, out);
                }
                return 0;
            }
            BeirCollection collection = BeirCollection.load(beir);
            Path temp = Files.createTempDirectory("shelf-beir");
            try {
                IndexLayout layout = new IndexLayout(temp);
                Workspace.build(encoder, layout, collection.resources(), java.util.List.of(collection.source()), false, err);
                try (ChunkIndex index = Workspace.open(layout)) {
                    report(collection.judgments(), index, encoder, out);
                }
            } finally {
                FileTrees.delete(temp);
            }
        }
        return 0;
    }

    private void report(Judgments judgments, ChunkIndex index, Encoder encoder, PrintWriter out) throws IOException {
        EvalReport report = EvalReport.of(judgments, Evaluator.evaluate(judgments, ranking.settings(),
                settings -> new SearchService(index, encoder, settings)), perQuery);
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(report));
        } else {
            print(report, judgments.queries(), out);
        }
        out.flush();
    }

    /** The table of averages, then with {@code --per-query} each query's nDCG@10 by run and its text. */
    private void print(EvalReport report, Map<String, String> queries, PrintWriter out) {
        out.printf("%d queries%n%-10s %8s %10s %11s %7s%n", report.queries(), "mode", "nDCG@10", "Recall@10",
                "Recall@100", "MRR@10");
        report.modes().forEach((name, s) -> out.printf("%-10s %8.3f %10.3f %11.3f %7.3f%n", name, s.ndcg10(),
                s.recall10(), s.recall100(), s.mrr10()));
        if (perQuery) {
            out.printf("%n%-8s %s  %s%n", "query", String.join("  ", report.modes().keySet()), "text");
            for (Map.Entry<String, String> query : queries.entrySet()) {
                StringBuilder row = new StringBuilder(String.format("%-8s", query.getKey()));
                report.modes().forEach((name, s) -> row.append(String.format(" %" + name.length() + ".3f ",
                        s.perQuery().get(query.getKey()))));
                out.println(row + " " + query.getValue());
            }
        }
    }
}
