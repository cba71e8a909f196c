package dev.shelf.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.shelf.ingest.Kind;
import dev.shelf.ingest.Mention;
import dev.shelf.ingest.Resource;
import java.util.List;
import java.util.Map;

/**
 * One answer, in the API's RESULT shape: the resource's fields, a snippet, and the explain data.
 *
 * @param snippet HTML-escaped passage in which only {@code <mark>} is markup
 * @param score the fused score (or the single retriever's score)
 * @param lexical where BM25 ranked it, or null when it did not find it
 * @param semantic where the primary model's vector search ranked it, or null
 * @param copies the same work's other copies (a mirror, the PDF of a paper...), shown under it and not again
 * @param lists every list fused for the query, with its weight and where it ranked the result ("Why this result")
 */
@JsonPropertyOrder({"id", "title", "url", "links", "description", "snippet", "kind", "section", "sources", "metadata",
        "copies", "score", "lexical", "semantic", "lists"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SearchResult(String id, String title, String url, List<String> links, String description, String snippet,
                           Kind kind, List<String> section, List<Mention> sources, Map<String, String> metadata,
                           List<Copy> copies, double score, RankScore lexical, RankScore semantic,
                           List<ListScore> lists) {

    public SearchResult {
        copies = copies == null ? List.of() : List.copyOf(copies);
        lists = lists == null ? List.of() : List.copyOf(lists);
    }

    /**
     * Another address of the same work ("also at" on the page).
     *
     * @param id the copy's resource id
     * @param url its address
     * @param title its title as its list gives it
     * @param sources where it is listed
     */
    @JsonPropertyOrder({"id", "url", "title", "sources"})
    public record Copy(String id, String url, String title, List<Mention> sources) {
        public Copy {
            sources = List.copyOf(sources);
        }

        /** The copy that a resource is. */
        public static Copy of(Resource r) {
            return new Copy(r.id(), r.url(), r.title(), r.sources());
        }
    }

    /**
     * The result of a fused resource: its fields, its work's other copies, the snippet, its fused score, the lexical and primary model's ranks,
     * and every list's weight and rank.
     */
    static SearchResult of(Resource r, List<Copy> copies, String snippet, Fused fused, String primaryModel,
                           Map<String, Double> weights) {
        return new SearchResult(r.id(), r.title(), r.url(), r.links(), r.description(), snippet, r.kind(), r.section(),
                r.sources(), r.metadata(), copies, fused.score(), fused.rank(Retrieval.LEXICAL), fused.rank(primaryModel),
                ListScore.of(fused, weights));
    }

    /**
     * What one ranked list said of a result, for "Why this result": the list (lexical, or a model), the weight it had
     * in this query's fusion, and where it ranked the result with what score (both null when it did not find it).
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
}
