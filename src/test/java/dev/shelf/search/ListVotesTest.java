package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListVotesTest {

    private static Fused fused(String id, double score) {
        return new Fused(id, score, Map.of());
    }

    @Test
    void an_entry_two_lists_chose_gains_beta_of_its_score_and_may_pass_a_single_list_entry() {
        // b: 0.5 * (1 + 0.25 * 1) = 0.625 > a's 0.6; c, in three lists: 0.36 * (1 + 0.25 * 2) = 0.54, still below a.
        List<Fused> ranked = List.of(fused("a", 0.6), fused("b", 0.5), fused("c", 0.36));
        Map<String, Integer> lists = Map.of("a", 1, "b", 2, "c", 3);
        List<Fused> lifted = ListVotes.lift(ranked, lists::get, 0.25);
        assertEquals(List.of("b", "a", "c"), lifted.stream().map(Fused::id).toList());
        assertEquals(0.625, lifted.get(0).score(), 1e-12);
        assertEquals(0.6, lifted.get(1).score(), 1e-12);
        assertEquals(0.54, lifted.get(2).score(), 1e-12);
    }

    @Test
    void with_beta_zero_or_single_list_entries_the_ranking_is_unchanged() {
        List<Fused> ranked = List.of(fused("a", 0.6), fused("b", 0.5));
        assertSame(ranked, ListVotes.lift(ranked, id -> 3, 0));
        assertEquals(ranked, ListVotes.lift(ranked, id -> 1, 0.5));
        assertEquals(ranked, ListVotes.lift(ranked, id -> 0, 0.5)); // unknown to the index: no lift, no penalty
    }
}
