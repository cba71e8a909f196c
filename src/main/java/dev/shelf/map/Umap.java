package dev.shelf.map;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A 2-D layout of unit vectors by UMAP (McInnes, Healy and Melville, 2018), written here because no well-kept Java port
 * with a permissive licence is on Maven Central (the tag.bio port is not published there; Smile's is GPL). It follows
 * umap-learn's defaults: 15 exact cosine nearest neighbours, the fuzzy simplicial set (smooth kNN distances, fuzzy
 * union), min_dist 0.1 (a = 1.577, b = 0.895), negative sampling rate 5, a linearly decaying learning rate, and moves
 * both ends of an edge. Two deliberate differences: the initial layout is the data's first two principal components
 * (umap-learn uses a spectral embedding), and the optimisation runs on one thread with its sums in a fixed order
 * ({@link Vectors#dot}, not a SIMD reduction whose order is unspecified), so the same input and seed give the same
 * layout bit for bit on a given JVM (tested): the optimisation magnifies any last-bit difference into another picture.
 * It runs 200 epochs (umap-learn's choice above 10,000 points; it takes 500 below): 500 took 2.5 times as long.
 */
public final class Umap {

    /** Neighbours per point in the graph (umap-learn's n_neighbors). */
    public static final int NEIGHBOURS = 15;
    private static final double A = 1.577;
    private static final double B = 0.8951;
    private static final int NEGATIVE_RATE = 5;
    /** Passes of the optimisation (see above). */
    private static final int EPOCHS = 200;
    private static final double CLIP = 4.0;

    private Umap() {
    }

    /**
     * The layout of the given unit vectors, one {@code [x, y]} per vector, in input order; deterministic for a seed.
     * Costs n² dot products for the neighbours, so callers lay out a sample of a large corpus.
     */
    public static double[][] layout(float[][] vectors, long seed) {
        int n = vectors.length;
        double[][] y = new double[n][2];
        if (n < 3) {
            for (int i = 0; i < n; i++) {
                y[i][0] = i;
            }
            return y;
        }
        int k = Math.min(NEIGHBOURS, n - 1);
        Neighbours knn = Neighbours.exact(vectors, k);
        Graph graph = Graph.fuzzy(knn, n);
        double[][] init = Pca.project2(vectors);
        optimize(init, graph, EPOCHS, new SplittableRandom(seed));
        return init;
    }

    /** Stochastic gradient descent on the cross entropy between the graph and the layout (umap-learn's optimize_layout_euclidean). */
    private static void optimize(double[][] y, Graph graph, int epochs, SplittableRandom random) {
        int edges = graph.heads.length;
        double max = Arrays.stream(graph.weights).max().orElse(1);
        double[] perSample = new double[edges];
        double[] nextSample = new double[edges];
        double[] perNegative = new double[edges];
        double[] nextNegative = new double[edges];
        for (int e = 0; e < edges; e++) {
            perSample[e] = max / graph.weights[e];
            nextSample[e] = perSample[e];
            perNegative[e] = perSample[e] / NEGATIVE_RATE;
            nextNegative[e] = perNegative[e];
        }
        int n = y.length;
        for (int epoch = 0; epoch < epochs; epoch++) {
            double alpha = 1.0 - (double) epoch / epochs;
            for (int e = 0; e < edges; e++) {
                if (nextSample[e] > epoch) {
                    continue;
                }
                double[] current = y[graph.heads[e]];
                double[] other = y[graph.tails[e]];
                double d2 = dist2(current, other);
                double powB1 = d2 > 0 ? Math.pow(d2, B - 1.0) : 0;
                double attract = d2 > 0 ? (-2.0 * A * B * powB1) / (A * powB1 * d2 + 1.0) : 0;
                for (int d = 0; d < 2; d++) {
                    double grad = clip(attract * (current[d] - other[d])) * alpha;
                    current[d] += grad;
                    other[d] -= grad;
                }
                nextSample[e] += perSample[e];
                int negatives = (int) ((epoch - nextNegative[e]) / perNegative[e]);
                for (int s = 0; s < negatives; s++) {
                    int j = random.nextInt(n);
                    if (j == graph.heads[e]) {
                        continue;
                    }
                    double[] far = y[j];
                    double f2 = dist2(current, far);
                    double repel = f2 > 0 ? (2.0 * B) / ((0.001 + f2) * (A * Math.pow(f2, B) + 1.0)) : 0;
                    for (int d = 0; d < 2; d++) {
                        current[d] += (repel > 0 ? clip(repel * (current[d] - far[d])) : CLIP) * alpha;
                    }
                }
                nextNegative[e] += negatives * perNegative[e];
            }
        }
    }

    private static double clip(double value) {
        return Math.max(-CLIP, Math.min(CLIP, value));
    }

    private static double dist2(double[] a, double[] b) {
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        return dx * dx + dy * dy;
    }

    /** Each point's k nearest other points by cosine distance, nearest first. */
    record Neighbours(int[][] index, double[][] distance) {

        static Neighbours exact(float[][] vectors, int k) {
            int n = vectors.length;
            int[][] index = new int[n][];
            double[][] distance = new double[n][];
            // Rows are independent, so they run in parallel without changing the result.
            IntStream.range(0, n).parallel().forEach(i -> {
                double[] sims = new double[n];
                for (int j = 0; j < n; j++) {
                    sims[j] = j == i ? Double.NEGATIVE_INFINITY : Vectors.dot(vectors[i], vectors[j]);
                }
                int[] best = Nearest.top(sims, k);
                index[i] = best;
                distance[i] = new double[k];
                for (int r = 0; r < k; r++) {
                    distance[i][r] = Math.max(0, 1.0 - sims[best[r]]);
                }
            });
            return new Neighbours(index, distance);
        }
    }

    /** The symmetric fuzzy graph as a list of directed edges (both directions of each pair), weights in (0, 1]. */
    record Graph(int[] heads, int[] tails, double[] weights) {

        static Graph fuzzy(Neighbours knn, int n) {
            Map<Long, Double> directed = new HashMap<>();
            int k = knn.index()[0].length;
            double target = StrictMath.log(k) / StrictMath.log(2);
            for (int i = 0; i < n; i++) {
                double[] dist = knn.distance()[i];
                double rho = dist[0];
                double sigma = sigma(dist, rho, target);
                for (int r = 0; r < k; r++) {
                    double w = StrictMath.exp(-Math.max(0, dist[r] - rho) / sigma);
                    directed.put(key(i, knn.index()[i][r]), w);
                }
            }
            TreeMap<Long, Double> symmetric = new TreeMap<>();
            for (var entry : directed.entrySet()) {
                int i = (int) (entry.getKey() >>> 32);
                int j = (int) (long) entry.getKey();
                double a = entry.getValue();
                double b = directed.getOrDefault(key(j, i), 0.0);
                double w = a + b - a * b; // fuzzy union
                symmetric.put(key(i, j), w);
                symmetric.put(key(j, i), w);
            }
            double max = symmetric.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
            // umap-learn drops edges too weak to be sampled even once in the run.
            double floor = max / 500;
            int[] heads = new int[symmetric.size()];
            int[] tails = new int[symmetric.size()];
            double[] weights = new double[symmetric.size()];
            int m = 0;
            for (var entry : symmetric.entrySet()) {
                if (entry.getValue() >= floor) {
                    heads[m] = (int) (entry.getKey() >>> 32);
                    tails[m] = (int) (long) entry.getKey();
                    weights[m++] = entry.getValue();
                }
            }
            return new Graph(Arrays.copyOf(heads, m), Arrays.copyOf(tails, m), Arrays.copyOf(weights, m));
        }

        private static long key(int i, int j) {
            return ((long) i << 32) | (j & 0xffffffffL);
        }

        /** The sigma at which the point's neighbour weights sum to log2(k), by bisection (umap-learn's smooth_knn_dist). */
        private static double sigma(double[] dist, double rho, double target) {
            double lo = 0;
            double hi = Double.POSITIVE_INFINITY;
            double mid = 1.0;
            for (int iteration = 0; iteration < 64; iteration++) {
                double sum = 0;
                for (int r = 1; r < dist.length; r++) {
                    double d = dist[r] - rho;
                    sum += d > 0 ? StrictMath.exp(-d / mid) : 1.0;
                }
                if (Math.abs(sum - target) < 1e-5) {
                    break;
                }
                if (sum > target) {
                    hi = mid;
                    mid = (lo + hi) / 2;
                } else {
                    lo = mid;
                    mid = hi == Double.POSITIVE_INFINITY ? mid * 2 : (lo + hi) / 2;
                }
            }
            return Math.max(mid, 1e-3 * meanOf(dist));
        }

        private static double meanOf(double[] values) {
            return Arrays.stream(values).average().orElse(1);
        }
    }
}
