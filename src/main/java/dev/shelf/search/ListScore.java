package dev.shelf.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * What one ranked list said of a result, for "Why this result": the list (lexical, or a model), the weight it had in
 * this query's fusion, and where it ranked the result with what score (both null when it did not find it).
 *
 * @param list {@code lexical} or a model id
 * @param weight its fusion weight for this query
 * @param rank 1-based rank, or null
 * @param score BM25 or cosine similarity, or null
 */
@JsonPropertyOrder({"list", "weight", "rank", "score"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ListScore(String list, double weight, Integer rank, Double score) {

    /** What each weighted list said of the fused resource, in the lists' order. */
    static List<ListScore> of(Fused fused, Map<String, Double> weights) {
        return weights.entrySet().stream().map(w -> {
            RankScore rank = fused.rank(w.getKey());
            return new ListScore(w.getKey(), w.getValue(), rank == null ? null : rank.rank(),
                    rank == null ? null : rank.score());
        }).toList();
    }
}
