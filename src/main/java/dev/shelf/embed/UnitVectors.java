package dev.shelf.embed;

/**
 * Unit length for embedding vectors, the one place it is computed: dot-product search, the stand-in models and the
 * topic map all need vectors of length one, and all scale them the same way.
 */
public final class UnitVectors {

    private UnitVectors() {
    }

    /** Scales the vector to unit length in place (a zero vector stays zero). */
    public static void normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float norm = (float) Math.sqrt(sum);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= norm;
            }
        }
    }
}
