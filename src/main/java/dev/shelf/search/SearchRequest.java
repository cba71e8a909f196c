package dev.shelf.search;

import java.util.Set;

/**
 * A question.
 *
 * @param query the user's text, any text at all
 * @param mode which retrievers answer
 * @param k how many results to return (1..{@value #MAX_K})
 * @param sources list ids to search in; empty for all
 * @param profile whether the response says where the time went ({@link SearchProfile})
 */
public record SearchRequest(String query, SearchMode mode, int k, Set<String> sources, boolean profile) {

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

    /** A request without a profile. */
    public SearchRequest(String query, SearchMode mode, int k, Set<String> sources) {
        this(query, mode, k, sources, false);
    }

    public static SearchRequest of(String query, SearchMode mode, int k) {
        return new SearchRequest(query, mode, k, Set.of());
    }

    /** The same request, with or without a profile. */
    public SearchRequest withProfile(boolean wanted) {
        return new SearchRequest(query, mode, k, sources, wanted);
    }
}
