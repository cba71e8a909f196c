package dev.shelf.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small LRU of query embeddings: the UI searches as the user types, so the same prefixes come back again and again.
 * NOTE: thread-safe; returned arrays are shared and must not be modified.
 */
final class QueryVectorCache {

    private final Map<String, float[]> entries;

    QueryVectorCache(int capacity) {
        this.entries = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The query's vector, encoded only when it is not cached, and whether it came from the cache. */
    Lookup lookup(String query, Function<String, float[]> encode) {
        synchronized (entries) {
            float[] cached = entries.get(query);
            if (cached != null) {
                return new Lookup(cached, true);
            }
        }
        // Encode outside the lock: two threads may encode the same new query once each, which is harmless.
        float[] vector = encode.apply(query);
        synchronized (entries) {
            entries.put(query, vector);
        }
        return new Lookup(vector, false);
    }

    /** A query vector, and whether the cache had it. */
    record Lookup(float[] vector, boolean cached) {
    }
}
