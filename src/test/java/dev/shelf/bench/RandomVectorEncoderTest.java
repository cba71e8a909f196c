package dev.shelf.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.chunk.Chunker;
import dev.shelf.ingest.Kind;
import dev.shelf.ingest.Resource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's stand-in model: repeatable unit vectors, and the token counts (so the chunks) of the real one. */
class RandomVectorEncoderTest {

    /** One token a word: enough to check that counting is delegated. */
    private static int words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    private final RandomVectorEncoder encoder = new RandomVectorEncoder("test", 384, 64, RandomVectorEncoderTest::words);

    @Test
    void the_same_text_gets_the_same_vector_in_any_call_and_any_instance() {
        RandomVectorEncoder other = new RandomVectorEncoder("test", 384, 64, RandomVectorEncoderTest::words);
        float[] first = encoder.encode(List.of("quantize a model", "merge two models")).get(0);
        assertArrayEquals(first, encoder.encode(List.of("quantize a model")).get(0));
        assertArrayEquals(first, other.encodeQuery("quantize a model"));
        assertFalse(Arrays.equals(first, encoder.encodeQuery("merge two models")), "different texts, different vectors");
    }

    @Test
    void every_vector_has_unit_length_and_the_configured_dimensions() {
        for (String text : List.of("", "a", "a passage about retrieval", "ünïcödé ✓")) {
            float[] v = encoder.encodeQuery(text);
            assertEquals(384, v.length);
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            assertEquals(1.0, Math.sqrt(norm), 1e-5, text);
        }
    }

    @Test
    void tokens_and_budget_come_from_the_given_counter_so_chunks_are_the_real_ones() {
        assertEquals(3, encoder.tokenCount("three short words"));
        assertEquals(64, encoder.chunkTokens());
        String description = "A sentence of exactly seven words here. ".repeat(40).strip();
        Resource passage = new Resource("r", "Title", null, List.of(), description, Kind.SECTION, List.of(), List.of(),
                Map.of());
        var expected = new Chunker(RandomVectorEncoderTest::words, 64).chunk(passage);
        assertTrue(expected.size() > 1, "the budget splits the passage");
        assertEquals(expected, new Chunker(encoder::tokenCount, encoder.chunkTokens()).chunk(passage));
    }

    @Test
    void like_keeps_the_models_name_and_shape_but_never_its_vector_identity() {
        RandomVectorEncoder like = RandomVectorEncoder.like(encoder);
        assertEquals("test", like.name(), "its vectors go in the model's field, which the model's queries search");
        assertEquals("test+random", like.vectorIdentity(), "and never into the model's embedding cache");
        assertEquals(384, like.dimensions());
        assertEquals(64, like.chunkTokens());
        assertEquals(2, like.tokenCount("two words"));
    }
}
