package dev.shelf.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code eval --json}'s shape, written by Jackson from hand-made scores. */
class EvalReportTest {

    private static final Judgments JUDGMENTS = new Judgments(Map.of("q1", "gguf", "q2", "merge models"), Map.of());

    private static Map<String, Evaluator.Scores> scores() {
        Map<String, Evaluator.Scores> scores = new LinkedHashMap<>();
        scores.put("lexical", new Evaluator.Scores(0.5, 0.25, 0.75, 1, Map.of(), Map.of("q1", 0.5)));
        scores.put("hybrid", new Evaluator.Scores(1, 1, 1, 1, Map.of(), Map.of("q1", 1.0)));
        return scores;
    }

    @Test
    void figures_are_named_by_metric_and_per_query_is_left_out_unless_asked() throws Exception {
        String json = new ObjectMapper().writeValueAsString(EvalReport.of(JUDGMENTS, scores(), false));
        assertEquals("{\"queries\":2,\"modes\":{"
                + "\"lexical\":{\"ndcg@10\":0.5,\"recall@10\":0.25,\"recall@100\":0.75,\"mrr@10\":1.0},"
                + "\"hybrid\":{\"ndcg@10\":1.0,\"recall@10\":1.0,\"recall@100\":1.0,\"mrr@10\":1.0}}}", json);
    }

    @Test
    void per_query_figures_follow_the_averages_when_asked() throws Exception {
        String json = new ObjectMapper().writeValueAsString(EvalReport.of(JUDGMENTS, scores(), true));
        assertEquals("{\"queries\":2,\"modes\":{"
                + "\"lexical\":{\"ndcg@10\":0.5,\"recall@10\":0.25,\"recall@100\":0.75,\"mrr@10\":1.0,"
                + "\"perQuery\":{\"q1\":0.5}},"
                + "\"hybrid\":{\"ndcg@10\":1.0,\"recall@10\":1.0,\"recall@100\":1.0,\"mrr@10\":1.0,"
                + "\"perQuery\":{\"q1\":1.0}}}}", json);
    }
}
