package dev.shelf.cli;

import dev.shelf.embed.Encoder;
import dev.shelf.embed.Encoders;
import java.util.concurrent.ExecutorService;
import dev.shelf.eval.BeirCollection;
import dev.shelf.eval.DevSet;
import dev.shelf.eval.EvalReport;
import dev.shelf.eval.Evaluator;
import dev.shelf.eval.RewriteEvaluation;
import dev.shelf.eval.Rewrites;
import dev.shelf.eval.Judgments;
import dev.shelf.eval.ListComparison;
import dev.shelf.index.ChunkIndex;
import dev.shelf.index.FileTrees;
import dev.shelf.index.IndexLayout;
import dev.shelf.search.SearchService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shelf eval}: search quality of every mode on judged queries, over the reading lists or a BEIR collection. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Print nDCG@10, Recall@10, Recall@100 and MRR@10 of each mode on judged queries.")
final class EvalCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Workspace workspace;

    @Option(names = "--queries", paramLabel = "FILE", description = "Queries, JSON lines {\"id\", \"query\"} (default: ${DEFAULT-VALUE}).",
            defaultValue = DevSet.QUERIES)
    private Path queries;

    @Option(names = "--qrels", paramLabel = "FILE", description = "Judgments, TSV query_id, key, grade (default: ${DEFAULT-VALUE}).",
            defaultValue = DevSet.QRELS)
    private Path qrels;

    @Option(names = "--beir", paramLabel = "DIR",
            description = "A BEIR collection (corpus.jsonl, queries.jsonl, qrels/test.tsv), indexed in a temporary folder.")
    private Path beir;

    @Mixin
    private JsonOutput json;

    @Mixin
    private RankingOptions ranking;

    @Option(names = "--per-query", description = "Also print each query's nDCG@10 per mode.")
    private boolean perQuery;

    @Option(names = "--separate-copies", description = "Rank each copy of a work as a result of its own, as before"
            + " works were shown once (judged alike: a copy ranked again earns nothing).")
    private boolean separateCopies;

    @Option(names = "--rewrites", paramLabel = "FILE", description = "Also score the queries as typed sub-searches:"
            + " JSON lines {\"id\", \"keywords\", \"answer\"}, each form against the question as asked.")
    private Path rewrites;

    @Override
    public Integer call() throws Exception {
        if (beir != null && rewrites != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--rewrites rewrites the judged queries of --queries; a --beir collection has none");
        }
        if (beir != null) {
            return evaluateBeir();
        }
        // The judgments first: a missing dev set is an error before the model is loaded, not after.
        for (Path file : List.of(queries, qrels)) {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString(), null, "no such file: give --queries FILE and --qrels FILE"
                        + " (the tuning set is in src/test/resources/eval/ of the repository)");
            }
        }
        Judgments judgments = Judgments.load(queries, qrels);
        Rewrites typed = rewrites == null ? null : Rewrites.load(rewrites);
        if (typed != null) {
            List<String> unknown = typed.byId().keySet().stream().filter(id -> !judgments.queries().containsKey(id))
                    .sorted().toList();
            if (!unknown.isEmpty()) {
                spec.commandLine().getErr().println("warning: " + rewrites + " rewrites " + unknown.size()
                        + " queries that are not among the judged ones: " + String.join(", ", unknown));
            }
        }
        try (Encoders encoders = workspace.encoders();
             ExecutorService encodes = Workspace.encodePool();
             ChunkIndex index = workspace.openOrBuild(encoders, spec.commandLine().getErr())) {
            report(judgments, typed, index, encoders, encodes);
        }
        return 0;
    }

    /** Scores the runs on a BEIR collection, indexed in a temporary folder that is deleted afterwards. */
    private int evaluateBeir() throws IOException {
        BeirCollection collection = BeirCollection.load(beir);
        Path temp = Files.createTempDirectory("shelf-beir");
        try (Encoders encoders = workspace.encoders(); ExecutorService encodes = Workspace.encodePool()) {
            IndexLayout layout = new IndexLayout(temp);
            Workspace.build(encoders, layout, collection.resources(), List.of(collection.source()), false,
                    spec.commandLine().getErr());
            try (ChunkIndex index = Workspace.open(layout)) {
                report(collection.judgments(), null, index, encoders, encodes);
            }
        } finally {
            FileTrees.delete(temp);
        }
        return 0;
    }

    private void report(Judgments judgments, Rewrites typed, ChunkIndex index, Encoders encoders,
                        ExecutorService encodes) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, SearchService> models = new LinkedHashMap<>();
        for (Encoder model : encoders.all()) {
            // A model for one language alone (the Chinese one) cannot answer the other queries, so it is no list to
            // beat. The one-model set is a view of an open encoder, closed with the whole set, not here.
            if (model.scope().embedsEveryPassage()) {
                models.put(model.name(), new SearchService(index, Encoders.of(model), ranking.settings(), encodes));
            }
        }
        EvalReport report = EvalReport.of(judgments, Evaluator.evaluate(judgments, ranking.settings(),
                settings -> new SearchService(index, encoders, settings, encodes), separateCopies),
                Evaluator.evaluateModels(judgments, models, separateCopies), perQuery);
        if (typed != null) {
            report = report.withRewrites(RewriteEvaluation.of(judgments, typed,
                    new SearchService(index, encoders, ranking.settings(), encodes)), perQuery);
        }
        if (json.enabled()) {
            JsonOutput.print(report, out);
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
        Map<String, Double> firstKinds = report.modes().values().iterator().next().perKind();
        if (!firstKinds.isEmpty()) {
            out.printf("%nnDCG@10 by kind%n%-12s %s%n", "kind", String.join("  ", report.modes().keySet()));
            for (String kind : firstKinds.keySet()) {
                StringBuilder row = new StringBuilder(String.format("%-12s", kind));
                report.modes().forEach((name, s) -> row.append(String.format(" %" + name.length() + ".3f ",
                        s.perKind().get(kind))));
                out.println(row);
            }
        }
        printLists(report, out);
        if (report.rewrites() != null) {
            RewritesTable.print(report.rewrites(), out);
        }
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

    /** Each list alone by kind, then hybrid against the best of them, with how sure the difference is. */
    static void printLists(EvalReport report, PrintWriter out) {
        if (report.lists().isEmpty()) {
            return;
        }
        List<ListComparison> rows = report.hybridAgainstLists();
        out.printf("%nnDCG@10 of each list alone%n%-12s %s%n", "kind", String.join("  ", report.lists().keySet()));
        for (int i = 0; i < rows.size(); i++) {
            String kind = rows.get(i).kind();
            boolean overall = i == 0; // the first row is every query's, whatever the kinds are named
            StringBuilder line = new StringBuilder(String.format("%-12s", kind));
            report.lists().forEach((name, s) -> line.append(String.format(" %" + name.length() + ".3f ",
                    overall ? s.ndcg10() : s.perKind().get(kind))));
            out.println(line);
        }
        out.printf("%nhybrid against the best list alone (p: two-sided Wilcoxon signed-rank test over the queries "
                + "where they differ)%n%-12s %7s  %-20s %6s %7s %7s %5s %7s %6s%n",
                "kind", "queries", "best list alone", "list", "hybrid", "diff", "wins", "losses", "p");
        for (ListComparison row : rows) {
            out.printf("%-12s %7d  %-20s %6.3f %7.3f %+7.3f %5d %7d %6s%n", row.kind(), row.queries(),
                    row.bestList(), row.bestNdcg(), row.hybridNdcg(), row.difference(), row.wins(), row.losses(),
                    row.pValue() < 0.001 ? "<0.001" : String.format("%.3f", row.pValue()));
        }
    }
}
