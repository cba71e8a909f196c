package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class QueryWeightsTest {

    @Test
    void the_models_share_the_semantic_weight_equally_and_lexical_takes_the_rest() {
        Map<String, Double> w = QueryWeights.of("GGUF", true, List.of("a", "b"), OptionalDouble.of(0.6), true);
        assertEquals(List.of("lexical", "a", "b"), List.copyOf(w.keySet()));
        assertEquals(0.4, w.get("lexical"), 1e-12);
        assertEquals(0.3, w.get("a"), 1e-12);
        assertEquals(0.3, w.get("b"), 1e-12);
    }

    @Test
    void a_long_question_halves_the_lexical_weight_when_query_aware() {
        String question = "how do transformers keep track of word order in text";
        assertEquals(10, QueryWeights.words(question));
        assertEquals(0.2, QueryWeights.of(question, true, List.of("a"), OptionalDouble.of(0.6), true).get("lexical"), 1e-12);
        assertEquals(0.4, QueryWeights.of(question, true, List.of("a"), OptionalDouble.of(0.6), false).get("lexical"), 1e-12);
        assertEquals(0.6, QueryWeights.of(question, true, List.of("a"), OptionalDouble.of(0.6), true).get("a"), 1e-12);
    }

    @Test
    void seven_words_are_still_keywords() {
        assertEquals(0.5, QueryWeights.of("one two three four five six seven", true, List.of("a"), OptionalDouble.of(0.5), true)
                .get("lexical"), 1e-12);
    }

    @Test
    void chinese_counts_two_characters_a_word() {
        assertEquals(3, QueryWeights.words("如何微调模型"));
        assertEquals(10, QueryWeights.words("怎样在一块显卡上微调一个七十亿参数的模型"));
    }

    @Test
    void without_a_lexical_list_the_models_share_everything_given() {
        Map<String, Double> w = QueryWeights.of("x", false, List.of("a", "b"), OptionalDouble.of(1), true);
        assertEquals(Map.of("a", 0.5, "b", 0.5), w);
    }

    @Test
    void by_default_every_list_weighs_the_same() {
        Map<String, Double> w = QueryWeights.of("GGUF", true, List.of("a", "b", "c"), OptionalDouble.empty(), false);
        assertEquals(Map.of("lexical", 0.25, "a", 0.25, "b", 0.25, "c", 0.25), w);
        assertEquals(Map.of("a", 0.5, "b", 0.5), QueryWeights.of("x", false, List.of("a", "b"), OptionalDouble.empty(), false));
    }
}
