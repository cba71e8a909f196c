package dev.shelf.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resource after fusion.
 *
 * @param id the resource id
 * @param score the fused score (a single retriever's own score when only one answered)
 * @param ranks where each input ranking put it, by retriever name, in input order; absent where it was not found
 */
public record Fused(String id, double score, Map<String, RankScore> ranks) {

    public Fused {
        ranks = Collections.unmodifiableMap(new LinkedHashMap<>(ranks));
    }

    /** Where the named retriever put it, or null when it did not find it (the API's explain fields). */
    public RankScore rank(String retriever) {
        return ranks.get(retriever);
    }

    /** The same resource with another score. */
    public Fused withScore(double newScore) {
        return new Fused(id, newScore, ranks);
    }
}
