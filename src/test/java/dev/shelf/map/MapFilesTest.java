package dev.shelf.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.chunk.Chunk;
import dev.shelf.ingest.Kind;
import dev.shelf.ingest.Mention;
import dev.shelf.ingest.Resource;
import dev.shelf.ingest.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapFilesTest {

    private static final Source LIST = new Source("awesome-llm", "Awesome LLM Reading", Path.of("list.md"), "markdown");

    private static Resource resource(int i) {
        return new Resource("r" + i, "Title " + i, "https://example.org/" + i, List.of("https://example.org/" + i),
                "About quantization " + i, Kind.LINK, List.of("Section"),
                List.of(new Mention(LIST.id(), LIST.name(), List.of("Section"), i + 1)), Map.of());
    }

    @Test
    void a_resource_s_vector_is_the_normalized_mean_of_its_passages_and_resources_without_passages_are_left_out() {
        List<Resource> resources = List.of(resource(0), resource(1));
        List<Chunk> chunks = List.of(new Chunk("r0#0", "r0", 0, "h", "a"), new Chunk("r0#1", "r0", 1, "h", "b"));
        float[][] vectors = {{1, 0}, {0, 1}};
        List<MapInput> inputs = MapFiles.inputs(resources, chunks, i -> vectors[i]);
        assertEquals(1, inputs.size());
        float half = (float) Math.sqrt(0.5);
        assertArrayEquals(new float[] {half, half}, inputs.get(0).vector(), 1e-6f);
        assertEquals(List.of("awesome-llm"), inputs.get(0).sources());
    }

    @Test
    void the_words_of_the_lists_names_and_their_plurals_are_kept_out_of_labels() {
        assertTrue(MapFiles.listWords(List.of(LIST)).containsAll(Set.of("llm", "llms")));
    }

    @Test
    void an_unchanged_corpus_copies_the_previous_build_s_map_and_a_changed_one_computes_it(@TempDir Path dir)
            throws Exception {
        List<Resource> resources = new ArrayList<>();
        List<Chunk> chunks = new ArrayList<>();
        float[][] vectors = Synthetic.blobs(2, 10, 8, 0.1, 1);
        for (int i = 0; i < 20; i++) {
            resources.add(resource(i));
            chunks.add(new Chunk("r" + i + "#0", "r" + i, 0, "h", "text " + i));
        }
        Path first = Files.createDirectories(dir.resolve("first"));
        assertTrue(MapFiles.write(first, null, resources, List.of(LIST), chunks, i -> vectors[i]), "computed");
        // Mark the first build's map, to tell a copy from a recomputation.
        TopicMap map = TopicMap.read(first).orElseThrow();
        new TopicMap(map.version(), map.inputs(), map.points(), List.of(new TopicMap.Cluster(0, "marked", 20, 0, 0)))
                .write(first);

        Path second = Files.createDirectories(dir.resolve("second"));
        assertFalse(MapFiles.write(second, first, resources, List.of(LIST), chunks, i -> vectors[i]), "copied");
        assertEquals("marked", TopicMap.read(second).orElseThrow().clusters().get(0).label());

        Path third = Files.createDirectories(dir.resolve("third"));
        List<Resource> changed = new ArrayList<>(resources);
        changed.set(3, new Resource("r3", "Another title", null, List.of(), "", Kind.CONCEPT, List.of(),
                List.of(new Mention(LIST.id(), LIST.name(), List.of(), 4)), Map.of()));
        assertTrue(MapFiles.write(third, second, changed, List.of(LIST), chunks, i -> vectors[i]), "computed again");
        assertFalse(TopicMap.read(third).orElseThrow().clusters().get(0).label().equals("marked"));
    }
}
