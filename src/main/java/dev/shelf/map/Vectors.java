package dev.shelf.map;

import dev.shelf.embed.UnitVectors;
import java.util.List;

/** Small arithmetic on embedding vectors. */
public final class Vectors {

    private Vectors() {
    }

    /** The vector scaled to length one (a zero vector stays zero). */
    public static float[] normalized(float[] vector) {
        float[] unit = vector.clone();
        UnitVectors.normalize(unit);
        return unit;
    }

    /** The normalized mean of the given vectors of equal length: a resource's vector from its passages' vectors. */
    public static float[] normalizedMean(List<float[]> vectors) {
        float[] sum = new float[vectors.get(0).length];
        for (float[] v : vectors) {
            for (int d = 0; d < sum.length; d++) {
                sum[d] += v[d];
            }
        }
        return normalized(sum);
    }

    /**
     * The dot product, summed in a fixed order in four lanes. Not Lucene's SIMD one: its lane reduction order is
     * unspecified, and the layout's optimisation magnifies a last-bit difference into another picture.
     */
    public static float dot(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int d = 0;
        for (; d + 3 < a.length; d += 4) {
            s0 += a[d] * b[d];
            s1 += a[d + 1] * b[d + 1];
            s2 += a[d + 2] * b[d + 2];
            s3 += a[d + 3] * b[d + 3];
        }
        for (; d < a.length; d++) {
            s0 += a[d] * b[d];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
