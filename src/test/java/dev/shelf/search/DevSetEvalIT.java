package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.eval.Judgments;
import dev.shelf.eval.Metrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** nDCG@10 of every mode on the dev set (../shared/eval, or its copy in src/test/resources/eval), real model, bundled lists. */
class DevSetEvalIT {

    /** The shared dev set when it is beside the checkout (the newest), else the copy kept with the tests. */
    private static final Path EVAL = Files.isDirectory(Path.of("../shared/eval")) ? Path.of("../shared/eval")
            : Path.of("src/test/resources/eval");
    private static final Map<SearchMode, Double> NDCG = new EnumMap<>(SearchMode.class);

    @BeforeAll
    static void evaluateEveryMode() throws IOException {
        Judgments judgments = Judgments.load(EVAL.resolve("dev-queries.jsonl"), EVAL.resolve("dev-qrels.tsv"));
        SearchService service = BundledIndex.get().service();
        for (SearchMode mode : SearchMode.values()) {
            double sum = 0;
            for (Map.Entry<String, String> q : judgments.queries().entrySet()) {
                List<SearchResult> results = service.search(SearchRequest.of(q.getValue(), mode, 10)).results();
                sum += Metrics.ndcg(judgments.gains(q.getKey(), results), judgments.idealGains(q.getKey()), 10);
            }
            NDCG.put(mode, sum / judgments.queries().size());
        }
        System.out.printf("dev set nDCG@10: hybrid %.3f, lexical %.3f, semantic %.3f%n",
                NDCG.get(SearchMode.HYBRID), NDCG.get(SearchMode.LEXICAL), NDCG.get(SearchMode.SEMANTIC));
    }

    @Test
    void hybrid_ndcg_at_10_is_at_least_0_70() {
        assertTrue(NDCG.get(SearchMode.HYBRID) >= 0.70, NDCG::toString);
    }

    @Test
    void hybrid_is_at_least_as_good_as_the_better_single_mode() {
        double better = Math.max(NDCG.get(SearchMode.LEXICAL), NDCG.get(SearchMode.SEMANTIC));
        assertTrue(NDCG.get(SearchMode.HYBRID) >= better, NDCG::toString);
    }
}
