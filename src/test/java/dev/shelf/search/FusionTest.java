package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fusion of weighted rankings against scores worked out by hand (after Anserini's ScoredDocsFuser tests): a few ids
 * per list, every expected number written as the sum it is.
 */
class FusionTest {

    private static final double EPS = 1e-9;

    /** A ranking of the given ids, best first, with the given scores. */
    private static Ranking ranking(String retriever, List<String> ids, double... scores) {
        List<Ranking.Entry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            entries.add(new Ranking.Entry(ids.get(i), scores[i], 0));
        }
        return new Ranking(retriever, entries);
    }

    private static List<String> ids(List<Fused> fused) {
        return fused.stream().map(Fused::id).toList();
    }

    private static double score(List<Fused> fused, String id) {
        return fused.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow().score();
    }

    // --- reciprocal rank fusion

    @Test
    void rrf_of_one_list_scores_each_resource_its_weight_over_60_plus_its_rank() {
        List<Fused> fused = Fusion.reciprocalRank(List.of(ranking("lexical", List.of("a", "b", "c"), 9, 5, 1)),
                Map.of("lexical", 1.0), Fusion.RRF_K);
        assertEquals(List.of("a", "b", "c"), ids(fused));
        assertEquals(1.0 / 61, score(fused, "a"), EPS);
        assertEquals(1.0 / 62, score(fused, "b"), EPS);
        assertEquals(1.0 / 63, score(fused, "c"), EPS);
    }

    @Test
    void rrf_of_two_lists_adds_what_each_list_gives_and_breaks_ties_by_id() {
        Ranking lexical = ranking("lexical", List.of("c", "b", "a"), 9, 5, 1);
        Ranking semantic = ranking("semantic", List.of("a", "d", "c"), 0.9, 0.5, 0.1);
        List<Fused> fused = Fusion.reciprocalRank(List.of(lexical, semantic),
                Map.of("lexical", 0.5, "semantic", 0.5), 60);
        // a: rank 3 lexical, rank 1 semantic = 0.5/63 + 0.5/61; c: rank 1 and rank 3 = 0.5/61 + 0.5/63, the same.
        // b: 0.5/62 (lexical only); d: 0.5/62 (semantic only), the same. Equal scores go by id: a before c, b before d.
        assertEquals(List.of("a", "c", "b", "d"), ids(fused));
        assertEquals(0.5 / 61 + 0.5 / 63, score(fused, "a"), EPS);
        assertEquals(0.5 / 61 + 0.5 / 63, score(fused, "c"), EPS);
        assertEquals(0.5 / 62, score(fused, "b"), EPS);
        assertEquals(0.5 / 62, score(fused, "d"), EPS);
    }

    @Test
    void rrf_weights_decide_between_the_lists() {
        Ranking lexical = ranking("lexical", List.of("a", "b"), 9, 5);
        Ranking semantic = ranking("semantic", List.of("b", "a"), 0.9, 0.5);
        List<Fused> fused = Fusion.reciprocalRank(List.of(lexical, semantic),
                Map.of("lexical", 0.3, "semantic", 0.7), 60);
        // a = 0.3/61 + 0.7/62 = 0.016209; b = 0.3/62 + 0.7/61 = 0.016314: the heavier list's first wins.
        assertEquals(List.of("b", "a"), ids(fused));
        assertEquals(0.3 / 61 + 0.7 / 62, score(fused, "a"), EPS);
        assertEquals(0.3 / 62 + 0.7 / 61, score(fused, "b"), EPS);
    }

    @Test
    void rrf_of_three_lists_with_a_smaller_constant() {
        Ranking one = ranking("one", List.of("a", "b"), 2, 1);
        Ranking two = ranking("two", List.of("b", "c"), 2, 1);
        Ranking three = ranking("three", List.of("c", "a", "b"), 3, 2, 1);
        List<Fused> fused = Fusion.reciprocalRank(List.of(one, two, three),
                Map.of("one", 1.0, "two", 1.0, "three", 2.0), 1);
        // k = 1: rank r gives w / (1 + r).
        // a = 1/2 + 2/3 = 1.1667; b = 1/3 + 1/2 + 2/4 = 1.3333; c = 1/3 + 2/2 = 1.3333 (b before c by id)
        assertEquals(List.of("b", "c", "a"), ids(fused));
        assertEquals(1.0 / 2 + 2.0 / 3, score(fused, "a"), EPS);
        assertEquals(1.0 / 3 + 1.0 / 2 + 2.0 / 4, score(fused, "b"), EPS);
        assertEquals(1.0 / 3 + 2.0 / 2, score(fused, "c"), EPS);
    }

    @Test
    void rrf_is_the_fusion_of_the_rrf_method() {
        Ranking lexical = ranking("lexical", List.of("a", "b"), 9, 5);
        Ranking semantic = ranking("semantic", List.of("b"), 0.9);
        List<Ranking> rankings = List.of(lexical, semantic);
        Map<String, Double> weights = Map.of("lexical", 0.5, "semantic", 0.5);
        assertEquals(Fusion.reciprocalRank(rankings, weights, 60), Fusion.RRF.fuse(rankings, weights));
        assertEquals(Fusion.weightedMinMax(rankings, weights), Fusion.WEIGHTED.fuse(rankings, weights));
    }

    // --- weighted min-max

    @Test
    void weighted_min_max_normalizes_each_list_to_0_1_then_adds_the_weighted_values() {
        Ranking lexical = ranking("lexical", List.of("a", "b", "c"), 10, 6, 2);
        Ranking semantic = ranking("semantic", List.of("b", "a", "d"), 0.9, 0.7, 0.5);
        List<Fused> fused = Fusion.weightedMinMax(List.of(lexical, semantic), Map.of("lexical", 0.4, "semantic", 0.6));
        // lexical over [2, 10]: a (10-2)/8 = 1, b (6-2)/8 = 0.5, c 0
        // semantic over [0.5, 0.9]: b 1, a (0.7-0.5)/0.4 = 0.5, d 0
        // a = 0.4*1 + 0.6*0.5 = 0.7; b = 0.4*0.5 + 0.6*1 = 0.8; c = 0; d = 0 (c before d by id)
        assertEquals(List.of("b", "a", "c", "d"), ids(fused));
        assertEquals(0.4 * 0.5 + 0.6 * 1, score(fused, "b"), EPS);
        assertEquals(0.4 * 1 + 0.6 * 0.5, score(fused, "a"), EPS);
        assertEquals(0.0, score(fused, "c"), EPS);
        assertEquals(0.0, score(fused, "d"), EPS);
    }

    @Test
    void a_list_whose_scores_are_all_equal_normalizes_to_1() {
        Ranking lexical = ranking("lexical", List.of("a", "b"), 3, 3);
        Ranking semantic = ranking("semantic", List.of("a"), 0.42);
        List<Fused> fused = Fusion.weightedMinMax(List.of(lexical, semantic), Map.of("lexical", 0.5, "semantic", 0.5));
        // lexical: max = min = 3, both 1; semantic: one entry, 1. a = 0.5*1 + 0.5*1 = 1; b = 0.5*1 = 0.5
        assertEquals(List.of("a", "b"), ids(fused));
        assertEquals(1.0, score(fused, "a"), EPS);
        assertEquals(0.5, score(fused, "b"), EPS);
    }

    @Test
    void weighted_min_max_of_three_lists() {
        Ranking one = ranking("one", List.of("a", "b", "c"), 4, 2, 0);
        Ranking two = ranking("two", List.of("c", "b"), 8, 4);
        Ranking three = ranking("three", List.of("b"), 1);
        List<Fused> fused = Fusion.weightedMinMax(List.of(one, two, three),
                Map.of("one", 0.2, "two", 0.3, "three", 0.5));
        // one over [0, 4]: a 1, b 0.5, c 0; two over [4, 8]: c 1, b 0; three: b alone, 1
        // a = 0.2*1 = 0.2; b = 0.2*0.5 + 0.3*0 + 0.5*1 = 0.6; c = 0.2*0 + 0.3*1 = 0.3
        assertEquals(List.of("b", "c", "a"), ids(fused));
        assertEquals(0.2 * 0.5 + 0.5 * 1, score(fused, "b"), EPS);
        assertEquals(0.3 * 1, score(fused, "c"), EPS);
        assertEquals(0.2 * 1, score(fused, "a"), EPS);
    }

    // --- what every fusion shares

    @Test
    void a_resource_missing_from_a_list_gets_nothing_from_it_and_no_rank_in_it() {
        Ranking lexical = ranking("lexical", List.of("a", "b"), 8, 4);
        Ranking semantic = ranking("semantic", List.of("b", "c"), 0.8, 0.6);
        List<Fused> rrf = Fusion.reciprocalRank(List.of(lexical, semantic),
                Map.of("lexical", 0.5, "semantic", 0.5), 60);
        // a is only lexical rank 1: 0.5/61 and nothing from semantic; c is only semantic rank 2: 0.5/62.
        assertEquals(0.5 / 61, score(rrf, "a"), EPS);
        assertEquals(0.5 / 62, score(rrf, "c"), EPS);
        Fused a = rrf.stream().filter(f -> f.id().equals("a")).findFirst().orElseThrow();
        assertNull(a.rank("semantic"));
        List<Fused> weighted = Fusion.weightedMinMax(List.of(lexical, semantic),
                Map.of("lexical", 0.5, "semantic", 0.5));
        // a: lexical 1 (its max) * 0.5 = 0.5; c: semantic 0 (its min) * 0.5 = 0
        assertEquals(0.5, score(weighted, "a"), EPS);
        assertEquals(0.0, score(weighted, "c"), EPS);
    }

    @Test
    void explain_data_gives_each_retrievers_rank_and_own_score_in_input_order() {
        Ranking lexical = ranking("lexical", List.of("a", "b"), 7.5, 3.25);
        Ranking semantic = ranking("semantic", List.of("c", "b"), 0.8, 0.6);
        List<Fused> fused = Fusion.weightedMinMax(List.of(lexical, semantic), Map.of("lexical", 0.5, "semantic", 0.5));
        Fused b = fused.stream().filter(f -> f.id().equals("b")).findFirst().orElseThrow();
        assertEquals(new RankScore(2, 3.25), b.rank("lexical"));
        assertEquals(new RankScore(2, 0.6), b.rank("semantic"));
        assertEquals(List.of("lexical", "semantic"), List.copyOf(b.ranks().keySet()));
        Fused c = fused.stream().filter(f -> f.id().equals("c")).findFirst().orElseThrow();
        assertEquals(new RankScore(1, 0.8), c.rank("semantic"));
        assertNull(c.rank("lexical"));
    }

    @Test
    void single_keeps_the_rankings_own_scores_and_order_with_its_ranks() {
        Ranking semantic = ranking("semantic", List.of("b", "a", "c"), 0.9, 0.7, 0.7);
        List<Fused> fused = Fusion.single(semantic);
        assertEquals(List.of("b", "a", "c"), ids(fused));
        assertEquals(List.of(0.9, 0.7, 0.7), fused.stream().map(Fused::score).toList());
        assertEquals(new RankScore(3, 0.7), fused.get(2).rank("semantic"));
        assertNull(fused.get(0).rank("lexical"));
    }

    @Test
    void the_ranking_does_not_depend_on_the_order_of_the_inputs_or_of_equal_entries() {
        Ranking lexical = ranking("lexical", List.of("d", "c", "b", "a"), 5, 5, 1, 1);
        Ranking lexicalSwapped = ranking("lexical", List.of("c", "d", "a", "b"), 5, 5, 1, 1);
        Ranking semantic = ranking("semantic", List.of("a", "e"), 0.5, 0.5);
        List<Fused> forward = Fusion.weightedMinMax(List.of(lexical, semantic),
                Map.of("lexical", 0.5, "semantic", 0.5));
        List<Fused> backward = Fusion.weightedMinMax(List.of(semantic, lexicalSwapped),
                Map.of("semantic", 0.5, "lexical", 0.5));
        // lexical over [1, 5]: c, d 1; a, b 0. semantic all equal: a, e 1.
        // c = d = 0.5; a = 0 + 0.5 = 0.5; e = 0.5; b = 0. Four ties at 0.5 go by id.
        assertEquals(List.of("a", "c", "d", "e", "b"), ids(forward));
        assertEquals(ids(forward), ids(backward));
        assertEquals(forward.stream().map(Fused::score).toList(), backward.stream().map(Fused::score).toList());
    }
}
