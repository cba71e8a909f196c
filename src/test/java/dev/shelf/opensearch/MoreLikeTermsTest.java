package dev.shelf.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MoreLikeTermsTest {

    @Test
    void idf_is_classic_tf_idfs() {
        // 1 + ln((9 + 1) / (1 + 1)) = 1 + ln 5
        assertEquals((float) (1 + Math.log(5)), MoreLikeTerms.idf(1, 9));
    }

    @Test
    void words_rank_by_frequency_times_idf_and_unseen_words_are_dropped() {
        // docCount 9: "merg" tf 1, df 1 -> 1 + ln 5 = 2.609; "model" tf 2, df 8 -> 2 * (1 + ln(10/9)) = 2.211;
        // "lora" tf 1, df 4 -> 1 + ln 2 = 1.693; "zzz" df 0 -> dropped.
        Map<String, Integer> tf = MoreLikeTerms.frequencies(List.of("model", "merg", "model", "lora", "zzz"));
        assertEquals(Map.of("model", 2, "merg", 1, "lora", 1, "zzz", 1), tf);
        Map<String, Long> df = Map.of("model", 8L, "merg", 1L, "lora", 4L);
        assertEquals(List.of("merg", "model", "lora"), MoreLikeTerms.select(tf, df, 9, 25));
        assertEquals(List.of("merg", "model"), MoreLikeTerms.select(tf, df, 9, 2));
    }
}
