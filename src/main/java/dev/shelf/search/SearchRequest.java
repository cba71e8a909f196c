package dev.shelf.search;

import java.util.Set;

/**
 * A question, as asked and optionally also typed: a search may carry the question as asked, a few keywords for the
 * lexical list only, and a short hypothetical answer for the models' lists only ({@link SubSearch}); each given one
 * adds its lists to the same fusion.
 *
 * @param query the user's text, any text at all; empty when only typed sub-searches are given
 * @param keywords a few terms searched by the lexical list alone; empty for none
 * @param answer a short passage such as an article would hold, searched by the models alone; empty for none
 * @param mode which retrievers answer
 * @param k how many results to return (1..{@value #MAX_K})
 * @param sources list ids to search in; empty for all
 * @param profile whether the response says where the time went ({@link SearchProfile})
 * @param separateCopies whether each copy of a work is a result of its own, where it ranks (by default a work is
 *                       shown once, at its best-ranked copy, with the others as its copies)
 */
public record SearchRequest(String query, String keywords, String answer, SearchMode mode, int k, Set<String> sources,
                            boolean profile, boolean separateCopies) {

    public static final int MAX_K = 100;
    public static final int DEFAULT_K = 10;

    public SearchRequest {
        if (query == null) {
            throw new IllegalArgumentException("query must not be null");
        }
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("k must be between 1 and " + MAX_K + ", got " + k);
        }
        keywords = keywords == null ? "" : keywords;
        answer = answer == null ? "" : answer;
        sources = sources == null ? Set.of() : Set.copyOf(sources);
    }

    /** A request that shows each work once. */
    public SearchRequest(String query, String keywords, String answer, SearchMode mode, int k, Set<String> sources,
                         boolean profile) {
        this(query, keywords, answer, mode, k, sources, profile, false);
    }

    /** A request with the question as asked only. */
    public SearchRequest(String query, SearchMode mode, int k, Set<String> sources, boolean profile) {
        this(query, "", "", mode, k, sources, profile);
    }

    /** A request with the question as asked only, without a profile. */
    public SearchRequest(String query, SearchMode mode, int k, Set<String> sources) {
        this(query, mode, k, sources, false);
    }

    public static SearchRequest of(String query, SearchMode mode, int k) {
        return new SearchRequest(query, mode, k, Set.of());
    }

    /** The same request, with or without a profile. */
    public SearchRequest withProfile(boolean wanted) {
        return new SearchRequest(query, keywords, answer, mode, k, sources, wanted, separateCopies);
    }

    /** The same request, each copy of a work a result of its own or not. */
    public SearchRequest withSeparateCopies(boolean separate) {
        return new SearchRequest(query, keywords, answer, mode, k, sources, profile, separate);
    }

    /** The text of one sub-search, stripped; empty when it is not given. */
    public String text(SubSearch sub) {
        return switch (sub) {
            case QUERY -> query.strip();
            case KEYWORDS -> keywords.strip();
            case ANSWER -> answer.strip();
        };
    }
}
