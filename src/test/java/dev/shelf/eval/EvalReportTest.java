package dev.shelf.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** The report's JSON with one model's list beside the lexical run. */
    private static JsonNode withOneModel(boolean perQuery) throws Exception {
        Map<String, Evaluator.Scores> models = Map.of("model",
                new Evaluator.Scores(0.75, 0.5, 0.5, 1, Map.of(), Map.of("q1", 0.75)));
        ObjectMapper mapper = new ObjectMapper();
        return mapper.readTree(mapper.writeValueAsString(EvalReport.of(JUDGMENTS, scores(), models, perQuery)));
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

    @Test
    void each_list_alone_and_hybrid_against_the_best_follow_the_modes() throws Exception {
        JsonNode json = withOneModel(false);

        List<String> lists = new ArrayList<>();
        json.get("lists").fieldNames().forEachRemaining(lists::add);
        assertEquals(List.of("lexical", "model"), lists);
        assertEquals(0.75, json.get("lists").get("model").get("ndcg@10").asDouble());
        assertEquals(null, json.get("lists").get("model").get("perQuery"));
        var all = json.get("hybridAgainstLists").get(0);
        assertEquals("all", all.get("kind").asText());
        assertEquals("model", all.get("bestList").asText());
        assertEquals(0.25, all.get("hybridNdcg").asDouble() - all.get("bestNdcg").asDouble(), 1e-12);
        assertEquals(1, all.get("wins").asInt());
        assertEquals(0, all.get("losses").asInt());
        // one query differs, +0.25: both sign patterns are as extreme
        assertEquals(1.0, all.get("pValue").asDouble(), 1e-12);
    }

    @Test
    void each_list_alone_leaves_its_per_query_figures_out_even_when_the_modes_show_theirs() throws Exception {
        JsonNode json = withOneModel(true);

        assertEquals(1.0, json.get("modes").get("hybrid").get("perQuery").get("q1").asDouble());
        assertEquals(null, json.get("lists").get("model").get("perQuery"));
        assertEquals(null, json.get("lists").get("lexical").get("perQuery"));
    }
}
