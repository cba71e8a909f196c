package dev.shelf.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shelf.index.IndexFields;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search requests Shelf sends the cluster, the same queries the embedded index runs, written in OpenSearch's
 * query language: a term dis-max per word over the weighted fields, a k-NN query per model, a term disjunction for
 * more-like-this. Every request asks for the resource id and ordinal of each hit from doc values, and nothing else.
 */
final class ClusterQueries {

    private ClusterQueries() {
    }

    /** BM25 over the fields, each word's best field counting most; at least one word must match. */
    static ObjectNode lexical(List<String> terms, Set<String> sources, int n) {
        ObjectNode bool = ClusterClient.object();
        ArrayNode should = bool.putArray("should");
        for (String term : terms) {
            ObjectNode disMax = should.addObject().putObject("dis_max");
            disMax.put("tie_breaker", IndexFields.TIE_BREAKER);
            ArrayNode queries = disMax.putArray("queries");
            for (Map.Entry<String, Float> field : IndexFields.LEXICAL_BOOSTS.entrySet()) {
                queries.addObject().putObject("term").putObject(field.getKey())
                        .put("value", term).put("boost", field.getValue());
            }
        }
        bool.put("minimum_should_match", 1);
        addSourceFilter(bool, sources);
        return search(n, ClusterClient.object().set("bool", bool));
    }

    /** The {@code n} passages nearest to the vector in one model's field. */
    static ObjectNode semantic(String model, float[] vector, Set<String> sources, int n) {
        ObjectNode field = ClusterClient.object();
        ArrayNode values = field.putArray("vector");
        for (float v : vector) {
            values.add(v);
        }
        field.put("k", n);
        if (sources != null && !sources.isEmpty()) {
            field.set("filter", sourceTerms(sources));
        }
        ObjectNode query = ClusterClient.object();
        query.putObject("knn").set(IndexFields.vector(model), field);
        return search(n, query);
    }

    /** Passages with any of the words in their body, the more and rarer the better (more-like-this). */
    static ObjectNode anyOf(String field, List<String> terms, int n) {
        ObjectNode bool = ClusterClient.object();
        ArrayNode should = bool.putArray("should");
        terms.forEach(term -> should.addObject().putObject("term").put(field, term));
        bool.put("minimum_should_match", 1);
        return search(n, ClusterClient.object().set("bool", bool));
    }

    /**
     * How many passages have each word in a field (its document frequency across every shard), and how many have the
     * field at all: one request, a filter aggregation per word.
     */
    static ObjectNode documentFrequencies(String field, List<String> terms) {
        ObjectNode body = ClusterClient.object();
        body.put("size", 0);
        body.put("track_total_hits", true);
        body.putObject("query").putObject("exists").put("field", field);
        ObjectNode filters = body.putObject("aggs").putObject("df").putObject("filters").putObject("filters");
        for (int i = 0; i < terms.size(); i++) {
            filters.putObject(Integer.toString(i)).putObject("term").put(field, terms.get(i));
        }
        return body;
    }

    /** Every resource, from the first passage of each, a page at a time by resource id (then {@code search_after}). */
    static ObjectNode resources(int pageSize) {
        ObjectNode body = ClusterClient.object();
        body.put("size", pageSize);
        body.putArray("_source").add(IndexFields.RESOURCE_JSON);
        body.putObject("query").putObject("term").put(IndexFields.ORDINAL, 0);
        body.putArray("sort").add(IndexFields.RESOURCE);
        return body;
    }

    private static ObjectNode search(int n, ObjectNode query) {
        ObjectNode body = ClusterClient.object();
        body.put("size", n);
        body.put("_source", false);
        body.put("track_total_hits", false);
        body.putArray("docvalue_fields").add(IndexFields.RESOURCE).add(IndexFields.ORDINAL);
        body.set("query", query);
        return body;
    }

    private static void addSourceFilter(ObjectNode bool, Set<String> sources) {
        if (sources != null && !sources.isEmpty()) {
            bool.putArray("filter").add(sourceTerms(sources));
        }
    }

    private static ObjectNode sourceTerms(Set<String> sources) {
        ObjectNode terms = ClusterClient.object();
        ArrayNode values = terms.putObject("terms").putArray(IndexFields.SOURCE);
        sources.stream().sorted().forEach(values::add);
        return terms;
    }
}
