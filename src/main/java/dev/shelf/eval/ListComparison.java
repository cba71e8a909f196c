package dev.shelf.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * Hybrid against the best single ranked list, on all queries and on each kind: the acceptance question "is hybrid at
 * least the best list alone?" asked the way a few dozen questions can answer it. A mean a hundredth below the best
 * list on 16 questions may be one question's luck; the p-value says how often a difference this large would turn up
 * if neither were better.
 *
 * @param kind {@code all}, or a kind of query
 * @param queries how many queries the row covers
 * @param bestList the name of the list alone with the highest mean nDCG@10 on these queries (the first on a tie)
 * @param bestNdcg that list's mean nDCG@10
 * @param hybridNdcg hybrid's mean nDCG@10 on the same queries
 * @param wins queries where hybrid scores above that list
 * @param losses queries where it scores below
 * @param pValue two-sided Wilcoxon signed-rank p-value of the paired per-query figures (1 when none differ)
 */
public record ListComparison(String kind, int queries, String bestList, double bestNdcg, double hybridNdcg, int wins,
                             int losses, double pValue) {

    /** The row over every query. */
    public static final String ALL = "all";
    /** Up to this many differing queries the p-value is exact; above it, the normal approximation (good from 20 on). */
    static final int EXACT_UP_TO = 20;
    /** Per-query figures closer than this are equal (sums of the same floating-point terms in another order). */
    private static final double EQUAL = 1e-9;

    /** Hybrid's mean minus the best list's. */
    public double difference() {
        return hybridNdcg - bestNdcg;
    }

    /**
     * A row for all the queries, then one per kind in the order kinds first appear.
     *
     * @param lists each list alone by name, in the order to prefer on a tie: its nDCG@10 per query id
     * @param hybrid hybrid's nDCG@10 per query id
     * @param kinds each query's kind (empty: the row for all queries alone)
     */
    public static List<ListComparison> of(Map<String, Map<String, Double>> lists, Map<String, Double> hybrid,
                                          Map<String, String> kinds) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put(ALL, new ArrayList<>(hybrid.keySet()));
        kinds.forEach((id, kind) -> {
            if (hybrid.containsKey(id)) {
                groups.computeIfAbsent(kind, k -> new ArrayList<>()).add(id);
            }
        });
        List<ListComparison> rows = new ArrayList<>();
        groups.forEach((kind, ids) -> {
            if (!lists.isEmpty() && !ids.isEmpty()) {
                rows.add(row(kind, ids, lists, hybrid));
            }
        });
        return rows;
    }

    private static ListComparison row(String kind, List<String> ids, Map<String, Map<String, Double>> lists,
                                      Map<String, Double> hybrid) {
        String best = null;
        double bestMean = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Map<String, Double>> list : lists.entrySet()) {
            double mean = mean(ids, list.getValue());
            if (mean > bestMean + EQUAL) {
                best = list.getKey();
                bestMean = mean;
            }
        }
        Map<String, Double> bestScores = lists.get(best);
        double[] ours = new double[ids.size()];
        double[] theirs = new double[ids.size()];
        int wins = 0;
        int losses = 0;
        for (int i = 0; i < ids.size(); i++) {
            ours[i] = hybrid.get(ids.get(i));
            theirs[i] = bestScores.getOrDefault(ids.get(i), 0.0);
            if (ours[i] > theirs[i] + EQUAL) {
                wins++;
            } else if (ours[i] < theirs[i] - EQUAL) {
                losses++;
            }
        }
        return new ListComparison(kind, ids.size(), best, bestMean, mean(ids, hybrid), wins, losses,
                signedRankP(ours, theirs));
    }

    /**
     * The two-sided Wilcoxon signed-rank p-value of paired figures, over the pairs that differ (Wilcoxon's own
     * treatment of zero differences: a query both score alike says nothing about which is better). 1 when none differ.
     */
    static double signedRankP(double[] x, double[] y) {
        List<double[]> differing = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(x[i] - y[i]) > EQUAL) {
                differing.add(new double[] {x[i], y[i]});
            }
        }
        if (differing.isEmpty()) {
            return 1;
        }
        double[] a = differing.stream().mapToDouble(p -> p[0]).toArray();
        double[] b = differing.stream().mapToDouble(p -> p[1]).toArray();
        return Math.min(1, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(a, b, a.length <= EXACT_UP_TO));
    }

    private static double mean(List<String> ids, Map<String, Double> scores) {
        double sum = 0;
        for (String id : ids) {
            sum += scores.getOrDefault(id, 0.0);
        }
        return sum / ids.size();
    }
}
