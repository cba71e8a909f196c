package dev.shelf.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UmapTest {

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    @Test
    void separate_groups_stay_apart_and_neighbourhoods_are_kept() {
        float[][] vectors = Synthetic.blobs(4, 40, 32, 0.08, 3);
        double[][] layout = Umap.layout(vectors, 42);
        double within = 0;
        double between = 0;
        int w = 0;
        int b = 0;
        for (int i = 0; i < vectors.length; i++) {
            for (int j = i + 1; j < vectors.length; j++) {
                if (i / 40 == j / 40) {
                    within += distance(layout[i], layout[j]);
                    w++;
                } else {
                    between += distance(layout[i], layout[j]);
                    b++;
                }
            }
        }
        assertTrue(between / b > 3 * (within / w), "groups far apart: within " + within / w + ", between " + between / b);
        double[][] original = new double[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            original[i] = new double[vectors[i].length];
            for (int d = 0; d < vectors[i].length; d++) {
                original[i][d] = vectors[i][d];
            }
        }
        double t = Trustworthiness.of(original, layout, 10);
        assertTrue(t > 0.85, "trustworthiness " + t);
    }

    @Test
    void the_same_vectors_and_seed_give_the_same_layout() {
        float[][] vectors = Synthetic.blobs(3, 25, 16, 0.2, 9);
        double[][] first = Umap.layout(vectors, 42);
        double[][] second = Umap.layout(vectors, 42);
        for (int i = 0; i < vectors.length; i++) {
            assertArrayEquals(first[i], second[i]);
            assertTrue(Double.isFinite(first[i][0]) && Double.isFinite(first[i][1]));
        }
    }

    @Test
    void tiny_inputs_get_a_layout_too() {
        assertTrue(Umap.layout(new float[0][], 1).length == 0);
        assertTrue(Umap.layout(Synthetic.blobs(1, 2, 4, 0.1, 1), 1).length == 2);
        assertTrue(Umap.layout(Synthetic.blobs(1, 3, 4, 0.1, 1), 1).length == 3);
    }
}
