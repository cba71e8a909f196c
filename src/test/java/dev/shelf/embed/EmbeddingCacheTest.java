package dev.shelf.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {

    @Test
    void saved_vectors_come_back_after_reopening(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cache.bin");
        EmbeddingCache cache = EmbeddingCache.open(file, "m", 3);
        String key = cache.key("hello");
        cache.put(key, new float[] {1, 2, 3});
        cache.save();
        EmbeddingCache reopened = EmbeddingCache.open(file, "m", 3);
        assertArrayEquals(new float[] {1, 2, 3}, reopened.get(key));
        assertEquals(1, reopened.size());
    }

    @Test
    void keys_differ_by_model_and_a_damaged_file_is_an_empty_cache(@TempDir Path dir) throws IOException {
        assertNotEquals(EmbeddingCache.open(dir.resolve("a"), "m1", 3).key("t"), EmbeddingCache.open(dir.resolve("a"), "m2", 3).key("t"));
        Path file = dir.resolve("cache.bin");
        Files.write(file, new byte[] {1, 2, 3});
        EmbeddingCache cache = EmbeddingCache.open(file, "m", 3);
        assertEquals(0, cache.size());
        assertNull(cache.get(cache.key("t")));
    }
}
