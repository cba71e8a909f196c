package dev.shelf.search;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one search's time went, like Elasticsearch's profile API: milliseconds per stage in the order the stages ran
 * (query encode or its cache hit, lexical retrieval, vector retrieval, fusion, snippets, facets), and the total.
 *
 * @param stagesMs milliseconds per stage
 * @param totalMs milliseconds from the start of the search to the end of the last stage
 */
@JsonPropertyOrder({"stagesMs", "totalMs"})
public record SearchProfile(Map<String, Double> stagesMs, double totalMs) {

    public SearchProfile {
        stagesMs = Collections.unmodifiableMap(new LinkedHashMap<>(stagesMs));
    }
}
