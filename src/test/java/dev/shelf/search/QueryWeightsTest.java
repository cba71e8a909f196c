package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class QueryWeightsTest {

    @Test
    void by_default_every_list_weighs_the_same() {
        Map<String, Double> w = QueryWeights.of("GGUF", true, List.of("a", "b", "c"), OptionalDouble.empty(), false,
                "");
        assertEquals(List.of("lexical", "a", "b", "c"), List.copyOf(w.keySet()));
        assertEquals(Map.of("lexical", 0.25, "a", 0.25, "b", 0.25, "c", 0.25), w);
    }

    @Test
    void a_given_semantic_weight_is_shared_by_the_models_and_lexical_takes_the_rest() {
        Map<String, Double> w = QueryWeights.of("GGUF", true, List.of("a", "b"), OptionalDouble.of(0.6), false, "");
        assertEquals(0.4, w.get("lexical"), 1e-12);
        assertEquals(0.3, w.get("a"), 1e-12);
        assertEquals(0.3, w.get("b"), 1e-12);
    }

    @Test
    void query_aware_a_chinese_query_weighs_lexical_as_much_as_all_the_models() {
        Map<String, Double> w = QueryWeights.of("如何微调模型", true, List.of("a", "b", "c", "zh"), OptionalDouble.empty(),
                true, "");
        assertEquals(0.5, w.get("lexical"), 1e-12);
        assertEquals(0.125, w.get("zh"), 1e-12);
        assertEquals(0.2, QueryWeights.of("如何微调模型", true, List.of("a", "b", "c", "zh"), OptionalDouble.empty(),
                false, "")
                .get("lexical"), 1e-12, "not query-aware: five equal lists");
    }

    @Test
    void query_aware_leaves_english_queries_and_given_weights_alone() {
        assertEquals(0.25, QueryWeights.of("how do I fine-tune on one GPU", true, List.of("a", "b", "c"),
                OptionalDouble.empty(), true, "").get("lexical"), 1e-12);
        assertEquals(0.3, QueryWeights.of("如何微调模型", true, List.of("a"), OptionalDouble.of(0.7), true, "")
                .get("lexical"), 1e-12);
    }

    @Test
    void without_a_lexical_list_the_models_share_everything() {
        assertEquals(Map.of("a", 0.5, "b", 0.5),
                QueryWeights.of("x", false, List.of("a", "b"), OptionalDouble.empty(), true, ""));
    }

    private static final String LONG = "how can I make a model handle much longer documents";
    private static final List<String> MODELS = List.of("bge", "e5", "minilm");

    @Test
    void a_question_of_eight_words_or_more_is_long_one_of_seven_is_not_and_chinese_never_is() {
        assertFalse(QueryWeights.isLongQuestion("one two three four five six seven"));
        assertTrue(QueryWeights.isLongQuestion("  one two three\tfour five six seven   eight "));
        assertFalse(QueryWeights.isLongQuestion("如何 让 模型 处理 更长 的 文档 而 不用 重新 训练"));
        assertFalse(QueryWeights.isLongQuestion("   "));
    }

    @Test
    void query_aware_a_long_question_gives_the_question_model_as_much_as_all_the_other_lists() {
        Map<String, Double> w = QueryWeights.of(LONG, true, MODELS, OptionalDouble.empty(), true, "minilm");
        assertEquals(List.of("lexical", "bge", "e5", "minilm"), List.copyOf(w.keySet()));
        assertEquals(0.5, w.get("minilm"), 1e-12);
        assertEquals(1.0 / 6, w.get("lexical"), 1e-12);
        assertEquals(1.0 / 6, w.get("e5"), 1e-12);
        assertEquals(Map.of("bge", 0.25, "e5", 0.25, "minilm", 0.5),
                QueryWeights.of(LONG, false, MODELS, OptionalDouble.empty(), true, "minilm"), "semantic mode");
    }

    @Test
    void a_long_question_keeps_equal_weights_without_query_awareness_a_given_weight_or_its_model() {
        Map<String, Double> equal = Map.of("lexical", 0.25, "bge", 0.25, "e5", 0.25, "minilm", 0.25);
        assertEquals(equal, QueryWeights.of(LONG, true, MODELS, OptionalDouble.empty(), false, "minilm"));
        assertEquals(equal, QueryWeights.of(LONG, true, MODELS, OptionalDouble.empty(), true, ""));
        assertEquals(equal, QueryWeights.of(LONG, true, MODELS, OptionalDouble.empty(), true, "absent"));
        assertEquals(0.5, QueryWeights.of(LONG, true, MODELS, OptionalDouble.of(0.5), true, "minilm")
                .get("lexical"), 1e-12);
        assertEquals(Map.of("minilm", 1.0), QueryWeights.of(LONG, false, List.of("minilm"), OptionalDouble.empty(),
                true, "minilm"), "one list weighs everything");
        assertEquals(0.25, QueryWeights.of("a short query", true, MODELS, OptionalDouble.empty(), true, "minilm")
                .get("minilm"), 1e-12);
    }

    @Test
    void typed_sub_searches_have_the_same_share_each_shared_among_their_lists_in_the_order_given() {
        List<String> lists = List.of("lexical", "bge", "e5", "minilm", "keywords lexical", "answer bge", "answer e5");
        Map<String, Double> w = QueryWeights.typed(lists);
        assertEquals(lists, List.copyOf(w.keySet()));
        assertEquals(1.0 / 12, w.get("lexical"), 1e-12);
        assertEquals(1.0 / 12, w.get("minilm"), 1e-12);
        assertEquals(1.0 / 3, w.get("keywords lexical"), 1e-12);
        assertEquals(1.0 / 6, w.get("answer e5"), 1e-12);
        assertEquals(Map.of("keywords lexical", 0.5, "answer bge", 0.5),
                QueryWeights.typed(List.of("keywords lexical", "answer bge")));
        assertEquals(Map.of("answer bge", 0.5, "answer e5", 0.5), QueryWeights.typed(List.of("answer bge", "answer e5")),
                "one sub-search alone weighs everything");
    }
}
