package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class QueryWeightsTest {

    @Test
    void by_default_every_list_weighs_the_same() {
        Map<String, Double> w = QueryWeights.of("GGUF", true, List.of("a", "b", "c"), OptionalDouble.empty(), false);
        assertEquals(List.of("lexical", "a", "b", "c"), List.copyOf(w.keySet()));
        assertEquals(Map.of("lexical", 0.25, "a", 0.25, "b", 0.25, "c", 0.25), w);
    }

    @Test
    void a_given_semantic_weight_is_shared_by_the_models_and_lexical_takes_the_rest() {
        Map<String, Double> w = QueryWeights.of("GGUF", true, List.of("a", "b"), OptionalDouble.of(0.6), false);
        assertEquals(0.4, w.get("lexical"), 1e-12);
        assertEquals(0.3, w.get("a"), 1e-12);
        assertEquals(0.3, w.get("b"), 1e-12);
    }

    @Test
    void query_aware_a_chinese_query_weighs_lexical_as_much_as_all_the_models() {
        Map<String, Double> w = QueryWeights.of("如何微调模型", true, List.of("a", "b", "c", "zh"), OptionalDouble.empty(), true);
        assertEquals(0.5, w.get("lexical"), 1e-12);
        assertEquals(0.125, w.get("zh"), 1e-12);
        assertEquals(0.2, QueryWeights.of("如何微调模型", true, List.of("a", "b", "c", "zh"), OptionalDouble.empty(), false)
                .get("lexical"), 1e-12, "not query-aware: five equal lists");
    }

    @Test
    void query_aware_leaves_english_queries_and_given_weights_alone() {
        assertEquals(0.25, QueryWeights.of("how do I fine-tune on one GPU", true, List.of("a", "b", "c"),
                OptionalDouble.empty(), true).get("lexical"), 1e-12);
        assertEquals(0.3, QueryWeights.of("如何微调模型", true, List.of("a"), OptionalDouble.of(0.7), true)
                .get("lexical"), 1e-12);
    }

    @Test
    void without_a_lexical_list_the_models_share_everything() {
        assertEquals(Map.of("a", 0.5, "b", 0.5), QueryWeights.of("x", false, List.of("a", "b"), OptionalDouble.empty(), true));
    }
}
