package dev.shelf.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles against values worked out by hand, passes of samples joined, and the scale sizes. */
class TimingsTest {

    @Test
    void nearest_rank_percentiles_of_five_values() {
        // Sorted: 15 20 35 40 50. Rank = ceil(p/100 * 5): p5 -> 1, p30 -> 2, p40 -> 2, p50 -> 3, p95 -> 5.
        double[] values = {40, 15, 50, 35, 20};
        assertEquals(15, Timings.percentile(values, 5));
        assertEquals(20, Timings.percentile(values, 30));
        assertEquals(20, Timings.percentile(values, 40));
        assertEquals(35, Timings.percentile(values, 50));
        assertEquals(50, Timings.percentile(values, 95));
        assertEquals(50, Timings.percentile(values, 100));
        assertEquals(15, Timings.percentile(values, 0), "rank 0 is the smallest value, not an error");
        assertArrayEquals(new double[] {40, 15, 50, 35, 20}, values, "the input is left unsorted");
    }

    @Test
    void percentiles_of_one_to_a_hundred_are_the_values_themselves() {
        double[] values = IntStream.rangeClosed(1, 100).mapToDouble(i -> 101 - i).toArray();
        assertEquals(50, Timings.percentile(values, 50));
        assertEquals(95, Timings.percentile(values, 95));
        assertEquals(99, Timings.percentile(values, 99));
        assertEquals(100, Timings.percentile(values, 99.5), "rank ceil(99.5) = 100");
    }

    @Test
    void one_value_is_every_percentile_and_no_value_is_nan() {
        assertEquals(7, Timings.percentile(new double[] {7}, 1));
        assertEquals(7, Timings.percentile(new double[] {7}, 99));
        assertTrue(Double.isNaN(Timings.percentile(new double[0], 50)));
    }

    @Test
    void passes_joined_keep_their_order_and_a_stage_missing_from_a_pass_counts_zero_there() {
        Timings.Samples first = new Timings.Samples(new double[] {10, 12},
                Map.of("encode", new double[] {8, 9}));
        Timings.Samples second = new Timings.Samples(new double[] {1.5},
                Map.of("encode cache hit", new double[] {0.1}));
        Timings.Samples joined = Timings.Samples.concat(List.of(first, second));
        assertArrayEquals(new double[] {10, 12, 1.5}, joined.totalMs());
        assertArrayEquals(new double[] {8, 9, 0}, joined.stagesMs().get("encode"));
        assertArrayEquals(new double[] {0, 0, 0.1}, joined.stagesMs().get("encode cache hit"));
        assertEquals(2, joined.stagesMs().size());
    }

    @Test
    void scale_sizes_grow_tenfold_from_a_thousand_up_to_the_limit() {
        assertEquals(List.of(1000), ScaleBenchmark.sizes(1000));
        assertEquals(List.of(1000, 10000, 25000), ScaleBenchmark.sizes(25000));
        assertEquals(List.of(1000, 10000, 100000), ScaleBenchmark.sizes(100000));
        assertEquals(List.of(500), ScaleBenchmark.sizes(500), "a limit under a thousand is the only size");
    }
}
