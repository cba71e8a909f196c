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

    /** A ranking with the weight its scores carry in fusion. */
    public record Input(Ranking ranking, double weight) {
    }

    /** The inputs fused by this method, best first. */
    public List<Fused> fuse(List<Input> inputs) {
        return switch (this) {
            case RRF -> reciprocalRank(inputs, RRF_K);
            case WEIGHTED -> weightedMinMax(inputs);
        };
    }

    /** Reciprocal rank fusion with constant {@code k}: each list adds {@code weight / (k + rank)}. */
    public static List<Fused> reciprocalRank(List<Input> inputs, int k) {
        return combine(inputs, (input, entry, rank) -> inputs.get(input).weight() / (k + rank));
    }

    /** Weighted sum of min-max normalized scores. */
    public static List<Fused> weightedMinMax(List<Input> inputs) {
        double[] mins = new double[inputs.size()];
        double[] maxs = new double[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            mins[i] = Double.POSITIVE_INFINITY;
            maxs[i] = Double.NEGATIVE_INFINITY;
            for (RankedResource e : inputs.get(i).ranking().entries()) {
                mins[i] = Math.min(mins[i], e.score());
                maxs[i] = Math.max(maxs[i], e.score());
            }
        }
        return combine(inputs, (input, entry, rank) -> {
            double normalized = maxs[input] > mins[input]
                    ? (entry.score() - mins[input]) / (maxs[input] - mins[input]) : 1.0;
            return inputs.get(input).weight() * normalized;
        });
    }

    /** One ranking as it is: its own scores, its own order (single-retriever modes). */
    public static List<Fused> single(Ranking ranking) {
        return combine(List.of(new Input(ranking, 1)), (input, entry, rank) -> entry.score());
    }

    /**
     * What one list adds to a resource's fused score; the list is given by its position among the inputs (a record
     * input as a map key would hash its whole ranking on every lookup).
     */
    private interface Contribution {
        double of(int input, RankedResource entry, int rank);
    }

    private static List<Fused> combine(List<Input> inputs, Contribution contribution) {
        int most = inputs.stream().mapToInt(input -> input.ranking().entries().size()).sum();
        Map<String, Double> scores = LinkedHashMap.newLinkedHashMap(most);
        Map<String, Map<String, RankScore>> ranks = LinkedHashMap.newLinkedHashMap(most);
        for (int n = 0; n < inputs.size(); n++) {
            Input input = inputs.get(n);
            List<RankedResource> entries = input.ranking().entries();
            for (int i = 0; i < entries.size(); i++) {
                RankedResource entry = entries.get(i);
                scores.merge(entry.id(), contribution.of(n, entry, i + 1), Double::sum);
                ranks.computeIfAbsent(entry.id(), id -> LinkedHashMap.newLinkedHashMap(inputs.size()))
                        .put(input.ranking().retriever(), new RankScore(i + 1, entry.score()));
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
