package dev.shelf.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The metrics against values worked out by hand. */
class MetricsTest {

    @Test
    void ndcg_at_10_matches_a_hand_computed_example() {
        // DCG = (2^2-1)/log2(2) + 0 + (2^1-1)/log2(4) = 3 + 0.5 = 3.5
        // IDCG = (2^2-1)/log2(2) + (2^1-1)/log2(3) = 3 + 0.63093 = 3.63093
        assertEquals(3.5 / 3.6309297535714578, Metrics.ndcg(List.of(2, 0, 1), List.of(2, 1), 10), 1e-9);
        assertEquals(1.0, Metrics.ndcg(List.of(2, 1), List.of(2, 1), 10), 1e-12);
        assertEquals(0.0, Metrics.ndcg(List.of(0, 0), List.of(2), 10), 1e-12);
        assertEquals(0.0, Metrics.ndcg(List.of(2), List.of(), 10), 1e-12, "nothing judged relevant");
    }

    @Test
    void ndcg_only_counts_the_first_k_results() {
        List<Integer> late = new java.util.ArrayList<>(java.util.Collections.nCopies(10, 0));
        late.add(2);
        assertEquals(0.0, Metrics.ndcg(late, List.of(2), 10), 1e-12);
    }

    @Test
    void recall_and_mrr_match_hand_computed_examples() {
        assertEquals(2.0 / 3, Metrics.recall(List.of(0, 1, 0, 2), 3, 10), 1e-12);
        assertEquals(1.0 / 3, Metrics.recall(List.of(0, 1, 0, 2), 3, 2), 1e-12);
        assertEquals(0.5, Metrics.mrr(List.of(0, 1, 2), 10), 1e-12);
        assertEquals(0.0, Metrics.mrr(List.of(0, 0, 1), 2), 1e-12);
    }
}
