package dev.shelf.search;

import java.util.Set;

/**
 * A question.
 *
 * @param query the user's text, any text at all
 * @param mode which retrievers answer
 * @param k how many results to return (1..{@value #MAX_K})
 * @param sources list ids to search in; empty for all
 */
public record SearchRequest(String query, SearchMode mode, int k, Set<String> sources) {

    public static final int MAX_K = 100;
    public static final int DEFAULT_K = 10;

    public SearchRequest {
        if (query == null) {
            throw new IllegalArgumentException("query must not be null");
        }
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("k must be between 1 and " + MAX_K + ", got " + k);
        }
        sources = sources == null ? Set.of() : Set.copyOf(sources);
    }

    public static SearchRequest of(String query, SearchMode mode, int k) {
        return new SearchRequest(query, mode, k, Set.of());
    }
}
