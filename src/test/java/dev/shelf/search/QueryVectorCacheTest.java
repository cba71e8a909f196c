package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The LRU of query vectors: what it asks the encoder for, and what it forgets. */
class QueryVectorCacheTest {

    /** An encoder that records every query it is asked to encode. */
    private final List<String> encoded = new ArrayList<>();
    private final Function<String, float[]> encoder = query -> {
        encoded.add(query);
        return new float[] {query.length()};
    };

    @Test
    void a_query_seen_before_is_not_encoded_again_and_gets_the_same_vector() {
        QueryVectorCache cache = new QueryVectorCache(4);
        float[] first = cache.lookup("gguf", encoder).vector();
        float[] second = cache.lookup("gguf", encoder).vector();
        assertSame(first, second);
        assertEquals(List.of("gguf"), encoded);
    }

    @Test
    void at_capacity_the_least_recently_used_query_is_forgotten() {
        QueryVectorCache cache = new QueryVectorCache(2);
        cache.lookup("a", encoder).vector(); // miss: [a]
        cache.lookup("b", encoder).vector(); // miss: [a, b]
        cache.lookup("a", encoder).vector(); // hit, a is now the most recent: [b, a]
        cache.lookup("c", encoder).vector(); // miss, b (least recent) goes: [a, c]
        cache.lookup("a", encoder).vector(); // hit
        cache.lookup("b", encoder).vector(); // miss again: it was forgotten
        assertEquals(List.of("a", "b", "c", "b"), encoded);
    }

    @Test
    void capacity_0_encodes_every_query() {
        QueryVectorCache cache = new QueryVectorCache(0);
        cache.lookup("a", encoder).vector();
        cache.lookup("a", encoder).vector();
        cache.lookup("a", encoder).vector();
        assertEquals(List.of("a", "a", "a"), encoded);
    }
}
