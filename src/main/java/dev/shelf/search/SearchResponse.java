package dev.shelf.search;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total how many resources matched in all (before cutting to k)
 * @param tookMs server-side time
 * @param facets per list id, how many of all matching resources it lists (over the fused results)
 */
@JsonPropertyOrder({"query", "mode", "k", "total", "tookMs", "results", "facets"})
public record SearchResponse(String query, SearchMode mode, int k, int total, double tookMs, List<SearchResult> results,
                             Map<String, Integer> facets) {
}
