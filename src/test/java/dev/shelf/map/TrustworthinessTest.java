package dev.shelf.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrustworthinessTest {

    private static double[][] line(double... xs) {
        double[][] points = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            points[i] = new double[] {xs[i], 0};
        }
        return points;
    }

    @Test
    void a_layout_that_keeps_every_neighbour_scores_one() {
        double[][] points = line(0, 1, 3, 7, 12);
        assertEquals(1.0, Trustworthiness.of(points, line(0, 2, 6, 14, 24), 1), 1e-12);
    }

    @Test
    void swapping_two_points_costs_what_the_formula_says_by_hand() {
        // Original 0, 1, 3, 7, 12; layout swaps the last two: 0, 1, 3, 12, 7. With k = 1, only two layout neighbours
        // are false: point 3's (now 4, its 2nd nearest originally) and point 4's (now 2, its 2nd nearest).
        // T = 1 - 2 / (n k (2n - 3k - 1)) * sum (r - k) = 1 - 2 / (5 * 1 * 6) * (1 + 1) = 13/15.
        double t = Trustworthiness.of(line(0, 1, 3, 7, 12), line(0, 1, 3, 12, 7), 1);
        assertEquals(13.0 / 15.0, t, 1e-12);
    }

    @Test
    void a_random_layout_of_structured_points_scores_far_below_one() {
        SplittableRandom random = new SplittableRandom(1);
        int n = 200;
        double[][] points = new double[n][];
        double[][] shuffled = new double[n][];
        for (int i = 0; i < n; i++) {
            points[i] = new double[] {i, (i % 10) * 0.01};
            shuffled[i] = new double[] {random.nextDouble(), random.nextDouble()};
        }
        double t = Trustworthiness.of(points, shuffled, 10);
        assertTrue(t > 0.4 && t < 0.6, "random layouts score about 0.5, got " + t);
    }

    @Test
    void k_must_be_below_half_of_n() {
        assertThrows(IllegalArgumentException.class, () -> Trustworthiness.of(line(0, 1, 2), line(0, 1, 2), 2));
    }
}
