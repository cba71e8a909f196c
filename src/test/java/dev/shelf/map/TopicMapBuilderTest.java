package dev.shelf.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicMapBuilderTest {

    /** Seven topics, as many as the count rule gives for 91 resources (sqrt(45.5) = 6.7). */
    private static final String[][] TOPICS = {
            {"quantization", "gguf", "bits"}, {"merging", "mergekit", "weights"}, {"agents", "tools", "planning"},
            {"retrieval", "rag", "embeddings"}, {"diffusion", "images", "unet"}, {"speech", "audio", "whisper"},
            {"reinforcement", "reward", "policy"}};
    private static final int PER_TOPIC = 13;

    /** Each topic's resources have its own words and their own blob of vectors. */
    private static List<MapInput> corpus() {
        float[][] vectors = Synthetic.blobs(TOPICS.length, PER_TOPIC, 24, 0.05, 5);
        List<MapInput> inputs = new ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            String[] words = TOPICS[i / PER_TOPIC];
            String title = words[i % 3] + " and " + words[(i + 1) % 3] + " for the model";
            inputs.add(new MapInput("r" + i, title, "A guide to " + words[(i + 2) % 3] + " https://example.org/model",
                    List.of("list"), vectors[i]));
        }
        return inputs;
    }

    @Test
    void each_topic_becomes_a_cluster_labelled_by_its_own_words_and_everything_fits_the_unit_square() {
        TopicMap map = TopicMapBuilder.build(corpus(), Set.of(), 42);
        int n = TOPICS.length * PER_TOPIC;
        assertEquals(n, map.points().size());
        assertEquals(TOPICS.length, map.clusters().size());
        for (TopicMap.Point p : map.points()) {
            assertTrue(p.x() >= 0 && p.x() <= 1 && p.y() >= 0 && p.y() <= 1, p::toString);
        }
        Set<String> labels = new HashSet<>();
        for (TopicMap.Cluster c : map.clusters()) {
            assertTrue(labels.add(c.label()), "distinct labels: " + map.clusters());
            // The label of the cluster of a topic's first resource is made of that topic's words: no "model", no link.
            int topic = map.points().indexOf(map.points().stream().filter(p -> p.cluster() == c.id()).findFirst()
                    .orElseThrow()) / PER_TOPIC;
            assertEquals(Set.of(TOPICS[topic]), Set.of(c.label().split(", ")), c::toString);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(i / PER_TOPIC == j / PER_TOPIC, map.points().get(i).cluster() == map.points().get(j).cluster(),
                        "one cluster per topic");
            }
        }
        int sizes = map.clusters().stream().mapToInt(TopicMap.Cluster::size).sum();
        assertEquals(n, sizes);
        for (int c = 1; c < map.clusters().size(); c++) {
            assertTrue(map.clusters().get(c - 1).size() >= map.clusters().get(c).size(), "largest first");
        }
    }

    @Test
    void the_same_inputs_give_the_same_map_and_fingerprint_and_it_survives_the_file(@TempDir Path build) throws Exception {
        TopicMap first = TopicMapBuilder.build(corpus(), Set.of(), 42);
        TopicMap second = TopicMapBuilder.build(corpus(), Set.of(), 42);
        assertEquals(first, second);
        first.write(build);
        assertEquals(first, TopicMap.read(build).orElseThrow());
        List<MapInput> changed = new ArrayList<>(corpus());
        changed.remove(0);
        assertNotEquals(first.inputs(), TopicMapBuilder.fingerprint(changed, Set.of(), 42));
    }

    @Test
    void a_build_folder_without_a_map_reads_as_none(@TempDir Path build) {
        assertTrue(TopicMap.read(build).isEmpty());
    }

    @Test
    void clusters_are_renumbered_largest_first_and_the_sample_is_sorted_and_seeded() {
        assertArrayEquals(new int[] {1, 0, 0, 2, 0, 1}, TopicMapBuilder.bySize(new int[] {2, 0, 0, 1, 0, 2}));
        int[] sample = TopicMapBuilder.sample(TopicMapBuilder.SAMPLE * 3, 7);
        assertEquals(TopicMapBuilder.SAMPLE, sample.length);
        for (int i = 1; i < sample.length; i++) {
            assertTrue(sample[i - 1] < sample[i]);
        }
        assertArrayEquals(sample, TopicMapBuilder.sample(TopicMapBuilder.SAMPLE * 3, 7));
    }
}
