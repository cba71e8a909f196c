package dev.shelf.map;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * How well a layout keeps neighbourhoods (Venna and Kaski, 2001; scikit-learn's {@code trustworthiness}): of each
 * point's k nearest points in the layout, how far down its list of nearest points in the original space they are.
 * T(k) = 1 - 2 / (n k (2n - 3k - 1)) * sum over i of sum over j in U_i of (r(i, j) - k), where U_i are the layout's
 * k nearest of i that are not among its k nearest in the original space and r(i, j) is j's rank (1 = nearest) among
 * i's neighbours in the original space. 1 means every layout neighbour is a true neighbour; a random layout scores
 * about 0.5.
 */
public final class Trustworthiness {

    private Trustworthiness() {
    }

    /**
     * T(k) of a layout of the given points, distances Euclidean in both spaces (for unit vectors that orders
     * neighbours as cosine similarity does). Needs k < n / 2.
     */
    public static double of(double[][] original, double[][] layout, int k) {
        int n = original.length;
        if (layout.length != n || k < 1 || 2 * n - 3 * k - 1 <= 0) {
            throw new IllegalArgumentException("trustworthiness needs as many layout points as points and k < n / 2; n = "
                    + n + ", k = " + k);
        }
        double penalty = IntStream.range(0, n).parallel().mapToDouble(i -> {
            int[] rank = ranks(original, i);
            int[] nearInLayout = nearest(layout, i, k);
            double sum = 0;
            for (int j : nearInLayout) {
                sum += Math.max(0, rank[j] - k);
            }
            return sum;
        }).sum();
        return 1.0 - 2.0 / (n * (double) k * (2.0 * n - 3.0 * k - 1.0)) * penalty;
    }

    /** Each point's rank among i's neighbours, nearest 1 (i itself 0); ties broken by index. */
    private static int[] ranks(double[][] points, int i) {
        int n = points.length;
        Integer[] order = byDistance(points, i);
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }

    private static int[] nearest(double[][] points, int i, int k) {
        Integer[] order = byDistance(points, i);
        int[] near = new int[k];
        for (int r = 0; r < k; r++) {
            near[r] = order[r + 1];
        }
        return near;
    }

    /** Every point's index ordered by distance from point i, i first. */
    private static Integer[] byDistance(double[][] points, int i) {
        int n = points.length;
        double[] dist = new double[n];
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            dist[j] = j == i ? -1 : squared(points[i], points[j]);
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> dist[a] != dist[b] ? Double.compare(dist[a], dist[b]) : Integer.compare(a, b));
        return order;
    }

    private static double squared(double[] a, double[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            double x = a[d] - b[d];
            sum += x * x;
        }
        return sum;
    }
}
