package dev.shelf.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Hybrid against the best single ranked list, on all queries and on each kind: the acceptance question "is hybrid at
 * least the best list alone?" asked the way a few dozen questions can answer it. A mean a hundredth below the best
 * list on 16 questions may be one question's luck; the p-value says how often a difference this large would turn up
 * if neither were better. The p-values are not adjusted for the several kinds tested, and the best list is picked on
 * the same queries it is then compared on: read a small p as a hint, a large one as "no evidence either way".
 *
 * @param kind {@code all}, or a kind of query
 * @param queries how many queries the row covers
 * @param bestList the name of the list alone with the highest mean nDCG@10 on these queries (the first on a tie)
 * @param bestNdcg that list's mean nDCG@10
 * @param hybridNdcg hybrid's mean nDCG@10 on the same queries
 * @param wins queries where hybrid scores above that list
 * @param losses queries where it scores below
 * @param pValue two-sided Wilcoxon signed-rank p-value of the paired per-query figures, exact (1 when none differ)
 */
public record ListComparison(String kind, int queries, String bestList, double bestNdcg, double hybridNdcg, int wins,
                             int losses, double pValue) {

    /** The row over every query. */
    public static final String ALL = "all";
    /** Per-query figures closer than this are equal (sums of the same floating-point terms in another order). */
    private static final double EQUAL = 1e-9;

    /** Hybrid's mean minus the best list's. */
    public double difference() {
        return hybridNdcg - bestNdcg;
    }

    /**
     * A row for all the queries first, then one per kind in the order kinds first appear (a kind named {@code all} is
     * a row of its own, after the first).
     *
     * @param lists each list alone by name, in the order to prefer on a tie: its nDCG@10 per query id
     * @param hybrid hybrid's nDCG@10 per query id
     * @param kinds each query's kind (empty: the row for all queries alone)
     */
    public static List<ListComparison> of(Map<String, Map<String, Double>> lists, Map<String, Double> hybrid,
                                          Map<String, String> kinds) {
        List<ListComparison> rows = new ArrayList<>();
        if (lists.isEmpty() || hybrid.isEmpty()) {
            return rows;
        }
        rows.add(row(ALL, new ArrayList<>(hybrid.keySet()), lists, hybrid));
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        kinds.forEach((id, kind) -> {
            if (hybrid.containsKey(id)) {
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(id);
            }
        });
        byKind.forEach((kind, ids) -> rows.add(row(kind, ids, lists, hybrid)));
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
     *
     * <p>Exact for any number of pairs, ties included: the statistic's distribution is worked out over the ranks as
     * they are, averaged where absolute differences tie, each sign equally likely (the permutation distribution).
     * nDCG differences tie often (±1, ±0.5). commons-math3's exact table assumes untied ranks 1..n and its normal
     * approximation has no tie correction; commons-statistics takes the normal approximation whenever ranks tie,
     * which for a dozen questions can be off by a third (ten +1 and four -1: 0.12 against the exact 0.18). Hence this
     * by hand. Ranks are doubled so that averages stay integers.
     */
    static double signedRankP(double[] x, double[] y) {
        double[] d = IntStream.range(0, x.length).mapToDouble(i -> x[i] - y[i]).filter(v -> Math.abs(v) > EQUAL)
                .boxed().sorted(Comparator.comparingDouble(Math::abs)).mapToDouble(Double::doubleValue).toArray();
        if (d.length == 0) {
            return 1;
        }
        int[] ranks = doubledRanks(d);
        int total = 0;
        int positive = 0;
        for (int i = 0; i < d.length; i++) {
            total += ranks[i];
            positive += d[i] > 0 ? ranks[i] : 0;
        }
        // probability[s]: the chance that the ranks given a plus sign sum to s, each sign a coin toss
        double[] probability = new double[total + 1];
        probability[0] = 1;
        for (int rank : ranks) {
            for (int sum = total; sum >= 0; sum--) {
                probability[sum] = probability[sum] / 2 + (sum >= rank ? probability[sum - rank] / 2 : 0);
            }
        }
        double tail = 0;
        for (int sum = 0; sum <= Math.min(positive, total - positive); sum++) {
            tail += probability[sum];
        }
        return Math.min(1, 2 * tail);
    }

    /** Twice the rank of each difference, sorted by absolute value; ties share positions a..b's average, (a+b)/2. */
    private static int[] doubledRanks(double[] sortedByMagnitude) {
        double[] d = sortedByMagnitude;
        int[] ranks = new int[d.length];
        for (int start = 0, end; start < d.length; start = end) {
            end = start + 1;
            while (end < d.length && Math.abs(d[end]) - Math.abs(d[start]) <= EQUAL) {
                end++;
            }
            Arrays.fill(ranks, start, end, start + 1 + end);
        }
        return ranks;
    }

    private static double mean(List<String> ids, Map<String, Double> scores) {
        double sum = 0;
        for (String id : ids) {
            sum += scores.getOrDefault(id, 0.0);
        }
        return sum / ids.size();
    }
}
