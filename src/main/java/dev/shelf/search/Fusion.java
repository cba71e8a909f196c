package dev.shelf.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How hybrid mode merges any number of ranked lists, each with a weight, into one ranking. Pure functions: the result
 * depends only on the inputs, ties are broken by id, and nothing depends on how many results are shown.
 *
 * <p>{@link #RRF}: reciprocal rank fusion, {@code sum of w / (60 + rank)}, blind to score scales.
 * {@link #WEIGHTED}: {@code sum of w * (score - min) / (max - min)}, each list min-max normalized over its own
 * entries (a list whose scores are all equal normalizes to 1).
 */
public enum Fusion {
    RRF,
    WEIGHTED;

    /** The RRF constant of the original paper (Cormack et al. 2009), which damps the head of each list. */
    public static final int RRF_K = 60;

    /**
     * The rankings fused by this method, best first.
     *
     * @param weights each ranking's weight, by its retriever's name
     */
    public List<Fused> fuse(List<Ranking> rankings, Map<String, Double> weights) {
        return switch (this) {
            case RRF -> reciprocalRank(rankings, weights, RRF_K);
            case WEIGHTED -> weightedMinMax(rankings, weights);
        };
    }

    /** Reciprocal rank fusion with constant {@code k}: each list adds {@code weight / (k + rank)}. */
    public static List<Fused> reciprocalRank(List<Ranking> rankings, Map<String, Double> weights, int k) {
        double[] w = weightsOf(rankings, weights);
        return combine(rankings, (list, entry, rank) -> w[list] / (k + rank));
    }

    /** Weighted sum of min-max normalized scores. */
    public static List<Fused> weightedMinMax(List<Ranking> rankings, Map<String, Double> weights) {
        double[] w = weightsOf(rankings, weights);
        double[] mins = new double[rankings.size()];
        double[] maxs = new double[rankings.size()];
        for (int i = 0; i < rankings.size(); i++) {
            mins[i] = Double.POSITIVE_INFINITY;
            maxs[i] = Double.NEGATIVE_INFINITY;
            for (Ranking.Entry e : rankings.get(i).entries()) {
                mins[i] = Math.min(mins[i], e.score());
                maxs[i] = Math.max(maxs[i], e.score());
            }
        }
        return combine(rankings, (list, entry, rank) -> {
            double normalized = maxs[list] > mins[list]
                    ? (entry.score() - mins[list]) / (maxs[list] - mins[list]) : 1.0;
            return w[list] * normalized;
        });
    }

    /** One ranking as it is: its own scores, its own order (single-retriever modes). */
    public static List<Fused> single(Ranking ranking) {
        return combine(List.of(ranking), (list, entry, rank) -> entry.score());
    }

    /** Each ranking's weight, in the rankings' order; every ranking must have one. */
    private static double[] weightsOf(List<Ranking> rankings, Map<String, Double> weights) {
        double[] w = new double[rankings.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights.get(rankings.get(i).retriever());
        }
        return w;
    }

    /** What one list, given by its position among the rankings, adds to a resource's fused score. */
    private interface Contribution {
        double of(int list, Ranking.Entry entry, int rank);
    }

    private static List<Fused> combine(List<Ranking> rankings, Contribution contribution) {
        int most = rankings.stream().mapToInt(ranking -> ranking.entries().size()).sum();
        Map<String, Double> scores = LinkedHashMap.newLinkedHashMap(most);
        Map<String, Map<String, RankScore>> ranks = LinkedHashMap.newLinkedHashMap(most);
        for (int n = 0; n < rankings.size(); n++) {
            Ranking ranking = rankings.get(n);
            List<Ranking.Entry> entries = ranking.entries();
            for (int i = 0; i < entries.size(); i++) {
                Ranking.Entry entry = entries.get(i);
                scores.merge(entry.id(), contribution.of(n, entry, i + 1), Double::sum);
                ranks.computeIfAbsent(entry.id(), id -> LinkedHashMap.newLinkedHashMap(rankings.size()))
                        .put(ranking.retriever(), new RankScore(i + 1, entry.score()));
            }
        }
        List<Fused> fused = new ArrayList<>(scores.size());
        scores.forEach((id, score) -> fused.add(new Fused(id, score, ranks.get(id))));
        fused.sort(BEST_FIRST);
        return fused;
    }

    /** Higher score first, then smaller id: deterministic whatever the input order. */
    public static final Comparator<Fused> BEST_FIRST =
            Comparator.comparingDouble((Fused f) -> -f.score()).thenComparing(Fused::id);
}
