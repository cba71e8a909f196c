package dev.shelf.map;

/** The first two principal components of a set of vectors, by power iteration: UMAP's starting layout. */
final class Pca {

    private static final int ITERATIONS = 100;
    /** umap-learn scales its initial layout to this extent. */
    private static final double EXTENT = 10.0;

    private Pca() {
    }

    /** Each vector projected on the first two principal components, scaled so the layout spans {@link #EXTENT}. */
    static double[][] project2(float[][] vectors) {
        int n = vectors.length;
        int dim = vectors[0].length;
        double[] mean = new double[dim];
        for (float[] v : vectors) {
            for (int d = 0; d < dim; d++) {
                mean[d] += v[d] / (double) n;
            }
        }
        double[] first = component(vectors, mean, null);
        double[] second = component(vectors, mean, first);
        double[][] y = new double[n][2];
        double max = 1e-12;
        for (int i = 0; i < n; i++) {
            y[i][0] = projection(vectors[i], mean, first);
            y[i][1] = projection(vectors[i], mean, second);
            max = Math.max(max, Math.max(Math.abs(y[i][0]), Math.abs(y[i][1])));
        }
        for (double[] p : y) {
            p[0] *= EXTENT / max;
            p[1] *= EXTENT / max;
        }
        return y;
    }

    /** The leading eigenvector of the covariance (orthogonal to {@code not}, when given), as X^T X v without forming it. */
    private static double[] component(float[][] vectors, double[] mean, double[] not) {
        int dim = mean.length;
        double[] v = new double[dim];
        // A fixed, unsymmetric start: deterministic, and unlikely to be orthogonal to the answer.
        for (int d = 0; d < dim; d++) {
            v[d] = 1.0 + (d % 7) / 7.0;
        }
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            if (not != null) {
                removeProjection(v, not);
            }
            normalize(v);
            double[] next = new double[dim];
            for (float[] x : vectors) {
                double p = projection(x, mean, v);
                for (int d = 0; d < dim; d++) {
                    next[d] += p * (x[d] - mean[d]);
                }
            }
            v = next;
        }
        if (not != null) {
            removeProjection(v, not);
        }
        normalize(v);
        return v;
    }

    private static double projection(float[] x, double[] mean, double[] direction) {
        double sum = 0;
        for (int d = 0; d < direction.length; d++) {
            sum += (x[d] - mean[d]) * direction[d];
        }
        return sum;
    }

    private static void removeProjection(double[] v, double[] unit) {
        double dot = 0;
        for (int d = 0; d < v.length; d++) {
            dot += v[d] * unit[d];
        }
        for (int d = 0; d < v.length; d++) {
            v[d] -= dot * unit[d];
        }
    }

    private static void normalize(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int d = 0; d < v.length; d++) {
                v[d] /= norm;
            }
        }
    }
}
