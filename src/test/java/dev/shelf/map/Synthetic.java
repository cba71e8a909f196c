package dev.shelf.map;

import java.util.SplittableRandom;

/** Made-up unit vectors with known structure. */
final class Synthetic {

    private Synthetic() {
    }

    /** {@code groups} blobs of {@code size} unit vectors each, in order, around random centres, spread by {@code noise}. */
    static float[][] blobs(int groups, int size, int dim, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] vectors = new float[groups * size][];
        for (int g = 0; g < groups; g++) {
            float[] centre = random(dim, random);
            for (int i = 0; i < size; i++) {
                float[] v = new float[dim];
                for (int d = 0; d < dim; d++) {
                    v[d] = (float) (centre[d] + noise * gaussian(random));
                }
                vectors[g * size + i] = Vectors.normalized(v);
            }
        }
        return vectors;
    }

    /** A random unit vector. */
    static float[] random(int dim, SplittableRandom random) {
        float[] v = new float[dim];
        for (int d = 0; d < dim; d++) {
            v[d] = (float) gaussian(random);
        }
        return Vectors.normalized(v);
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
