package dev.shelf.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hybrid against the best list alone, per kind, worked out by hand. */
class ListComparisonTest {

    private static Map<String, Double> scores(double q1, double q2, double q3, double q4) {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("q1", q1);
        s.put("q2", q2);
        s.put("q3", q3);
        s.put("q4", q4);
        return s;
    }

    @Test
    void each_kind_is_compared_with_its_own_best_list() {
        Map<String, Map<String, Double>> lists = new LinkedHashMap<>();
        // lexical: plain mean 0.2, keyword 1.0; model: plain mean 0.5, keyword 0.5
        lists.put("lexical", scores(0.1, 0.2, 0.3, 1.0));
        lists.put("model", scores(0.4, 0.5, 0.6, 0.5));
        Map<String, Double> hybrid = scores(0.5, 0.7, 0.9, 0.8);

        List<ListComparison> rows = ListComparison.of(lists, hybrid, new LinkedHashMap<>(Map.of("q1", "plain",
                "q2", "plain", "q3", "plain", "q4", "keyword")));

        // all: lexical 1.6/4 = 0.4, model 2.0/4 = 0.5, hybrid 2.9/4 = 0.725
        ListComparison all = rows.get(0);
        assertEquals(ListComparison.ALL, all.kind());
        assertEquals("model", all.bestList());
        assertEquals(0.5, all.bestNdcg(), 1e-12);
        assertEquals(0.725, all.hybridNdcg(), 1e-12);
        assertEquals(4, all.wins());
        assertEquals(0, all.losses());
        // differences +0.1 +0.2 +0.3 +0.3: W- = 0 of n = 4, so 2 of the 16 sign patterns are as extreme
        assertEquals(2.0 / 16, all.pValue(), 1e-12);

        ListComparison plain = rows.stream().filter(r -> r.kind().equals("plain")).findFirst().orElseThrow();
        assertEquals("model", plain.bestList());
        assertEquals(0.7 - 0.5, plain.difference(), 1e-12);
        assertEquals(3, plain.queries());
        // +0.1 +0.2 +0.3, all above: 2 of 8 sign patterns
        assertEquals(0.25, plain.pValue(), 1e-12);

        ListComparison keyword = rows.stream().filter(r -> r.kind().equals("keyword")).findFirst().orElseThrow();
        assertEquals("lexical", keyword.bestList());
        assertEquals(-0.2, keyword.difference(), 1e-12);
        assertEquals(0, keyword.wins());
        assertEquals(1, keyword.losses());
        assertEquals(1.0, keyword.pValue(), 1e-12);
    }

    @Test
    void queries_scored_alike_say_nothing_and_a_tie_goes_to_the_first_list() {
        Map<String, Map<String, Double>> lists = new LinkedHashMap<>();
        lists.put("lexical", scores(0.5, 0.5, 0.5, 0.5));
        lists.put("model", scores(0.5, 0.5, 0.5, 0.5));

        ListComparison all = ListComparison.of(lists, scores(0.5, 0.5, 0.5, 0.5), Map.of()).get(0);

        assertEquals("lexical", all.bestList());
        assertEquals(0, all.wins());
        assertEquals(0, all.losses());
        assertEquals(1.0, all.pValue(), 1e-12);
        assertEquals(1, ListComparison.of(lists, scores(0.5, 0.5, 0.5, 0.5), Map.of()).size());
    }

    @Test
    void the_p_value_counts_only_the_queries_that_differ() {
        // +1, -2, +3, -4 and two ties: ranks 1-4, W+ = 4, W- = 6; P(W <= 4) = 7/16 for n = 4, two-sided 14/16.
        double[] hybrid = {1, 0, 3, 0, 0.5, 0.5};
        double[] list = {0, 2, 0, 4, 0.5, 0.5};
        assertEquals(14.0 / 16, ListComparison.signedRankP(hybrid, list), 1e-12);
    }

    @Test
    void tied_differences_take_their_average_rank_and_the_p_value_stays_exact() {
        // ten queries +1 and four -1: every rank is 7.5, so W+ is 7.5 times the number of wins and the test is the
        // sign test: P(wins <= 4 of 14) = (1 + 14 + 91 + 364 + 1001) / 2^14, two-sided twice that.
        double[] hybrid = new double[14];
        double[] list = new double[14];
        for (int i = 0; i < 14; i++) {
            hybrid[i] = i < 10 ? 1 : 0;
            list[i] = i < 10 ? 0 : 1;
        }
        assertEquals(2 * 1471.0 / 16384, ListComparison.signedRankP(hybrid, list), 1e-12);
    }

    @Test
    void the_p_value_is_the_share_of_sign_patterns_at_least_as_extreme() {
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + random.nextInt(12);
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                // halves from -1 to 1, so that absolute differences tie often, as nDCG's do
                d[i] = (random.nextInt(5) - 2) / 2.0;
            }
            assertEquals(bySignPatterns(d), ListComparison.signedRankP(d, new double[n]), 1e-12, "trial " + trial);
        }
    }

    @Test
    void a_kind_named_all_is_a_row_of_its_own() {
        Map<String, Map<String, Double>> lists = new LinkedHashMap<>();
        lists.put("lexical", scores(0.1, 0.2, 0.3, 0.4));
        Map<String, Double> hybrid = scores(0.2, 0.3, 0.4, 0.5);

        List<ListComparison> rows = ListComparison.of(lists, hybrid, new LinkedHashMap<>(Map.of("q1", "all",
                "q2", "all", "q3", "plain", "q4", "plain")));

        assertEquals(List.of(4, 2, 2), rows.stream().map(ListComparison::queries).toList());
        assertEquals(4, rows.get(0).wins());
        assertEquals(2, rows.stream().filter(r -> r.kind().equals("all")).toList().get(1).wins());
    }

    /**
     * Every assignment of signs to the nonzero differences' average ranks, counting those whose smaller rank sum is
     * at most the observed one: the definition, by brute force.
     */
    private static double bySignPatterns(double[] d) {
        double[] nonzero = Arrays.stream(d).filter(v -> v != 0).toArray();
        int n = nonzero.length;
        if (n == 0) {
            return 1;
        }
        double[] rank = new double[n];
        for (int i = 0; i < n; i++) {
            double below = 0;
            double same = 0;
            for (double other : nonzero) {
                if (Math.abs(other) < Math.abs(nonzero[i])) {
                    below++;
                } else if (Math.abs(other) == Math.abs(nonzero[i])) {
                    same++;
                }
            }
            rank[i] = below + (same + 1) / 2;
        }
        double total = Arrays.stream(rank).sum();
        double observed = 0;
        for (int i = 0; i < n; i++) {
            observed += nonzero[i] > 0 ? rank[i] : 0;
        }
        double smaller = Math.min(observed, total - observed);
        int asExtreme = 0;
        for (int pattern = 0; pattern < 1 << n; pattern++) {
            double positive = 0;
            for (int i = 0; i < n; i++) {
                positive += (pattern >> i & 1) == 1 ? rank[i] : 0;
            }
            if (Math.min(positive, total - positive) <= smaller + 1e-9) {
                asExtreme++;
            }
        }
        return Math.min(1, (double) asExtreme / (1 << n));
    }
}
