package dev.shelf.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicLabelsTest {

    @Test
    void c_tf_idf_matches_a_hand_computed_example() {
        // Class 0: a a b; class 1: a c c c. Words 7 over 2 classes, so A = 3.5; f(a) = 3, f(b) = 1, f(c) = 3.
        List<Map<String, Double>> scores = TopicLabels.cTfIdf(List.of(Map.of("a", 2, "b", 1), Map.of("a", 1, "c", 3)));
        // a in class 0: 2/3 * ln(1 + 3.5/3) = 0.66667 * 0.77319 = 0.51546
        assertEquals(0.51546, scores.get(0).get("a"), 1e-5);
        // b in class 0: 1/3 * ln(1 + 3.5/1) = 0.33333 * 1.50408 = 0.50136
        assertEquals(0.50136, scores.get(0).get("b"), 1e-5);
        // a in class 1: 1/4 * 0.77319 = 0.19330; c in class 1: 3/4 * 0.77319 = 0.57989
        assertEquals(0.19330, scores.get(1).get("a"), 1e-5);
        assertEquals(0.57989, scores.get(1).get("c"), 1e-5);
        assertEquals(Set.of("a", "c"), scores.get(1).keySet());
    }

    @Test
    void a_word_common_to_every_class_scores_below_the_words_that_set_a_class_apart() {
        List<Map<String, Double>> scores = TopicLabels.cTfIdf(List.of(
                Map.of("model", 5, "quantization", 3), Map.of("model", 5, "merging", 3)));
        assertTrue(scores.get(0).get("quantization") > scores.get(0).get("model"));
        assertTrue(scores.get(1).get("merging") > scores.get(1).get("model"));
    }

    @Test
    void terms_are_words_and_adjacent_pairs_without_links_stop_words_numbers_or_excluded_words() {
        Set<String> words = TopicLabels.words("The Guide to QLoRA fine-tuning on 1 GPU: https://github.com/x/qlora-repo "
                + "(café edition) from Borch", Set.of("borch"));
        assertEquals(Set.of("qlora", "finetuning", "qlora finetuning", "gpu", "cafe", "edition", "cafe edition"), words);
    }

    @Test
    void labels_take_each_class_s_best_words_largest_class_first_and_never_reuse_a_word_or_its_plural() {
        List<Map<String, Integer>> counts = List.of(
                Map.of("quantization", 4, "gguf", 3, "model", 4, "llama", 2),
                Map.of("merging", 4, "models", 3, "mergekit", 2, "llama", 2),
                Map.of("agents", 3, "tools", 2, "model", 2));
        List<String> labels = TopicLabels.labels(counts, new int[] {10, 8, 5});
        // Words 13, 11 and 7, so A = 31/3. Class 0: quantization 4/13 * ln(1 + A/4) = 0.393, gguf 3/13 * ln(1 + A/3)
        // = 0.344, model 4/13 * ln(1 + A/6) = 0.308, llama 2/13 * ln(1 + A/4) = 0.196.
        assertEquals("quantization, gguf, model", labels.get(0));
        // Class 1: merging 0.464, models 0.407 (the plural of class 0's "model": skipped), mergekit 0.331, llama 0.232.
        assertEquals("merging, mergekit, llama", labels.get(1));
        // Class 2: agents 0.639, tools 0.520, model (used) 0.286.
        assertEquals("agents, tools", labels.get(2));
    }

    @Test
    void a_pair_counts_as_two_words_of_a_label_and_hides_its_own_words() {
        List<String> labels = TopicLabels.labels(List.of(Map.of("hugging face", 5, "hugging", 4, "face", 5, "hub", 3),
                Map.of("face", 4, "vision", 4)), new int[] {5, 4});
        // Words 17 and 8, A = 12.5. Class 0: "hugging face" 5/17 * ln(1 + A/5) = 0.368, hugging 4/17 * ln(1 + A/4)
        // = 0.333 (in the pair: refused), hub 3/17 * ln(1 + A/3) = 0.290, face 5/17 * ln(1 + A/9) = 0.256 (refused).
        assertEquals("hugging face, hub", labels.get(0));
        // Class 1 may not repeat "face": one word is all it has left.
        assertEquals("vision", labels.get(1));
    }

    @Test
    void two_chosen_words_that_mostly_come_as_a_pair_become_the_pair() {
        // A = 10. "face" 4/10 * ln(1 + 10/4) = 0.501 goes first; "hugging face" (3/10 * ln(1 + 10/3) = 0.440) repeats
        // it and is refused; "hugging" (0.440) is taken. The pair accounts for all of hugging's uses, so they merge.
        List<String> labels = TopicLabels.labels(List.of(Map.of("face", 4, "hugging", 3, "hugging face", 3)), new int[] {4});
        assertEquals("hugging face", labels.get(0));
    }

    @Test
    void a_word_used_once_in_a_class_is_taken_only_when_the_class_has_too_few_words_used_twice() {
        List<String> labels = TopicLabels.labels(List.of(Map.of("rare", 1, "common", 2, "other", 2),
                Map.of("single", 1, "alone", 1)), new int[] {3, 1});
        assertEquals("common, other", labels.get(0));
        assertEquals("alone, single", labels.get(1));
    }
}
