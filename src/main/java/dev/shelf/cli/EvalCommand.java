package dev.shelf.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.embed.OnnxEncoder;
import dev.shelf.eval.Evaluator;
import dev.shelf.eval.Judgments;
import dev.shelf.index.LuceneChunkIndex;
import dev.shelf.search.Fusion;
import dev.shelf.search.SearchService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code shelf eval}: search quality of every mode on judged queries. */
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

    @Option(names = "--weight", description = "Semantic weight of the weighted fusion (default: ${DEFAULT-VALUE}).", defaultValue = "0.5")
    private double weight;

    @Option(names = "--per-query", description = "Also print each query's nDCG@10 per mode.")
    private boolean perQuery;

    @Option(names = "--json", description = "Print the figures as JSON.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Judgments judgments = Judgments.load(queries, qrels);
        try (OnnxEncoder encoder = workspace.encoder();
             LuceneChunkIndex index = workspace.openOrBuild(encoder, out, spec.commandLine().getErr())) {
            Map<String, Evaluator.Scores> scores = Evaluator.evaluate(judgments,
                    fusion -> new SearchService(index, encoder, fusion, weight));
            if (json) {
                Map<String, Object> modes = new LinkedHashMap<>();
                scores.forEach((name, s) -> modes.put(name, Map.of("ndcg@10", s.ndcg10(), "recall@10", s.recall10(),
                        "recall@100", s.recall100(), "mrr@10", s.mrr10())));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("queries", judgments.queries().size());
                body.put("modes", modes);
                out.println(new ObjectMapper().writeValueAsString(body));
            } else {
                out.printf("%d queries%n%-10s %8s %10s %11s %7s%n", judgments.queries().size(), "mode", "nDCG@10",
                        "Recall@10", "Recall@100", "MRR@10");
                scores.forEach((name, s) -> out.printf("%-10s %8.3f %10.3f %11.3f %7.3f%n", name, s.ndcg10(), s.recall10(),
                        s.recall100(), s.mrr10()));
                if (perQuery) {
                    out.printf("%n%-6s %s  %s%n", "query", String.join("  ", scores.keySet()), "text");
                    for (String id : judgments.queries().keySet()) {
                        StringBuilder row = new StringBuilder(String.format("%-6s", id));
                        scores.forEach((name, s) -> row.append(String.format(" %" + name.length() + ".3f ", s.perQuery().get(id))));
                        out.println(row + " " + judgments.queries().get(id));
                    }
                }
            }
            out.flush();
        }
        return 0;
    }
}
