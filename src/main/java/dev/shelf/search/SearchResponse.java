package dev.shelf.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.shelf.index.BuildInfo;
import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total how many resources matched in all (before cutting to k)
 * @param tookMs server-side time
 * @param facets per list id, how many of all matching resources it lists (over the fused results)
 * @param like the resource a request for resources like it named ("more like X"), whose related lists were fused in;
 *             left out of the JSON for other queries
 * @param profile where the time went, when asked for; left out of the JSON otherwise
 * @param partial when the build searched was published before its new passages were embedded (they are found by
 *                words, and by meaning only once the complete build follows), how far its vectors went; left out of the
 *                JSON for a complete build
 */
@JsonPropertyOrder({"query", "mode", "k", "total", "tookMs", "results", "facets", "like", "profile", "partial"})
public record SearchResponse(String query, SearchMode mode, int k, int total, double tookMs, List<SearchResult> results,
                             Map<String, Integer> facets, @JsonInclude(JsonInclude.Include.NON_NULL) Like like,
                             @JsonInclude(JsonInclude.Include.NON_NULL) SearchProfile profile,
                             @JsonInclude(JsonInclude.Include.NON_NULL) BuildInfo.Partial partial) {

    /** The resource a "more like X" query named: its id and title. */
    public record Like(String id, String title) {
    }
}
