package dev.shelf.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ClustersTest {

    @Test
    void the_count_is_the_rounded_root_of_half_the_corpus_clamped_to_two_and_forty_and_never_above_n() {
        assertEquals(0, Clusters.count(0));
        assertEquals(1, Clusters.count(1));
        assertEquals(2, Clusters.count(2));   // sqrt(1) = 1, raised to the minimum 2
        assertEquals(2, Clusters.count(10));  // sqrt(5) = 2.24
        assertEquals(5, Clusters.count(50));  // sqrt(25) = 5
        assertEquals(17, Clusters.count(556)); // sqrt(278) = 16.67, the bundled lists
        assertEquals(40, Clusters.count(100_000)); // sqrt(50000) = 223.6, lowered to the maximum 40
    }

    @Test
    void k_means_finds_three_separate_groups_and_assigns_each_point_to_its_own() {
        float[][] vectors = Synthetic.blobs(3, 30, 16, 0.05, 7);
        float[][] centroids = Clusters.centroids(vectors, 3, 42);
        int[] cluster = Clusters.assign(vectors, centroids);
        for (int blob = 0; blob < 3; blob++) {
            for (int i = 1; i < 30; i++) {
                assertEquals(cluster[blob * 30], cluster[blob * 30 + i], "every point of a blob in one cluster");
            }
        }
        assertNotEquals(cluster[0], cluster[30]);
        assertNotEquals(cluster[30], cluster[60]);
        assertNotEquals(cluster[0], cluster[60]);
        assertArrayEquals(cluster, Clusters.assign(vectors, Clusters.centroids(vectors, 3, 42)), "deterministic");
    }
}
