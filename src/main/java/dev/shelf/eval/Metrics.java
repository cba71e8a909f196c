package dev.shelf.eval;

import java.util.List;

/** Ranking metrics over graded gains (0 = not relevant). */
public final class Metrics {

    private Metrics() {
    }

    /** Normalized discounted cumulative gain at {@code k}, with gain {@code 2^grade - 1}; 0 when nothing is judged relevant. */
    public static double ndcg(List<Integer> gains, List<Integer> idealGains, int k) {
        double ideal = dcg(idealGains, k);
        return ideal == 0 ? 0 : dcg(gains, k) / ideal;
    }

    static double dcg(List<Integer> gains, int k) {
        double sum = 0;
        for (int i = 0; i < Math.min(k, gains.size()); i++) {
            sum += (Math.pow(2, gains.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return sum;
    }

    /** Share of the relevant keys found in the first {@code k} results. */
    public static double recall(List<Integer> gains, int relevant, int k) {
        if (relevant == 0) {
            return 0;
        }
        long found = gains.stream().limit(k).filter(g -> g > 0).count();
        return (double) found / relevant;
    }

    /** Reciprocal rank of the first relevant result within {@code k}, 0 when there is none. */
    public static double mrr(List<Integer> gains, int k) {
        for (int i = 0; i < Math.min(k, gains.size()); i++) {
            if (gains.get(i) > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }
}
