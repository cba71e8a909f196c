package dev.shelf.map;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.MultiKMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * Topics as k-means++ clusters of the resource vectors (Apache Commons Math): on unit vectors Euclidean distance
 * orders pairs as cosine similarity does, so these are clusters by meaning. Deterministic for a seed and an input order.
 */
public final class Clusters {

    /** Fewest clusters for a corpus of two or more resources. */
    public static final int MIN = 2;
    /** Most clusters: more labels than this do not fit on a map a person reads. */
    public static final int MAX = 40;
    private static final int MAX_ITERATIONS = 100;
    private static final int TRIALS = 5;

    private Clusters() {
    }

    /**
     * How many clusters for a corpus of {@code n}: the rule of thumb sqrt(n / 2), rounded, clamped to
     * [{@link #MIN}, {@link #MAX}] and never more than n (0 for an empty corpus).
     */
    public static int count(int n) {
        if (n <= 0) {
            return 0;
        }
        long rule = Math.round(Math.sqrt(n / 2.0));
        return (int) Math.min(n, Math.max(MIN, Math.min(MAX, rule)));
    }

    /**
     * The centroids of {@code k} k-means++ clusters of the given vectors (the best of five runs by squared error), in
     * the clusterer's order; each centroid is
     * normalized again, since the mean of unit vectors is shorter than one.
     */
    public static float[][] centroids(float[][] vectors, int k, long seed) {
        List<Indexed> points = new ArrayList<>(vectors.length);
        for (int i = 0; i < vectors.length; i++) {
            points.add(new Indexed(i, toDoubles(vectors[i])));
        }
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(seed);
        KMeansPlusPlusClusterer<Indexed> clusterer = new KMeansPlusPlusClusterer<>(k, MAX_ITERATIONS,
                new EuclideanDistance(), random, KMeansPlusPlusClusterer.EmptyClusterStrategy.LARGEST_VARIANCE);
        // The best of a few seeded runs: one k-means++ run now and then merges two topics and splits another.
        List<CentroidCluster<Indexed>> clusters = new MultiKMeansPlusPlusClusterer<>(clusterer, TRIALS).cluster(points);
        float[][] centroids = new float[clusters.size()][];
        for (int c = 0; c < clusters.size(); c++) {
            double[] centre = clusters.get(c).getCenter().getPoint();
            float[] unit = new float[centre.length];
            for (int d = 0; d < centre.length; d++) {
                unit[d] = (float) centre[d];
            }
            centroids[c] = Vectors.normalized(unit);
        }
        return centroids;
    }

    /** For each vector, the index of the most similar centroid (ties to the lower index). */
    public static int[] assign(float[][] vectors, float[][] centroids) {
        return IntStream.range(0, vectors.length).parallel().map(i -> {
            int best = 0;
            float bestScore = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < centroids.length; c++) {
                float score = Vectors.dot(vectors[i], centroids[c]);
                if (score > bestScore) {
                    bestScore = score;
                    best = c;
                }
            }
            return best;
        }).toArray();
    }

    private static double[] toDoubles(float[] vector) {
        double[] point = new double[vector.length];
        for (int d = 0; d < vector.length; d++) {
            point[d] = vector[d];
        }
        return point;
    }

    /** A vector that remembers its place in the input. */
    private record Indexed(int index, double[] point) implements Clusterable {
        @Override
        public double[] getPoint() {
            return point;
        }
    }
}
