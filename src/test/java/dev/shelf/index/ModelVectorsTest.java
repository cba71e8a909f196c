package dev.shelf.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shelf.chunk.Chunk;
import dev.shelf.embed.HashingEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelVectorsTest {

    private static final List<Chunk> CHUNKS = List.of(
            new Chunk("a#0", "a", 0, "A", "low-rank adapters for fine-tuning"),
            new Chunk("b#0", "b", 0, "B", "a file format for quantized models"));

    @TempDir
    Path dir;

    private BuildSummary.ModelBuild embed(HashingEncoder encoder) throws IOException {
        return ModelVectors.open(encoder, CHUNKS, new IndexLayout(dir)).embedMissing(false, BuildProgress.NONE);
    }

    @Test
    void unchanged_passages_come_from_the_cache_the_second_time() throws IOException {
        HashingEncoder encoder = new HashingEncoder(64, 32);
        assertEquals(2, embed(encoder).embedded());
        BuildSummary.ModelBuild again = embed(encoder);
        assertEquals(0, again.embedded());
        assertEquals(2, again.cached());
    }

    @Test
    void a_model_whose_vectors_are_made_another_way_embeds_again_under_the_same_name() throws IOException {
        embed(new HashingEncoder(64, 32));
        BuildSummary.ModelBuild changed = embed(new HashingEncoder(64, 32).variant("another passage prefix"));
        assertEquals(2, changed.embedded(), "vectors made with the old prefix are not reused");
    }
}
