package dev.shelf.opensearch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shelf.index.BuildInfo;
import dev.shelf.index.ChunkHit;
import dev.shelf.index.ChunkIndex;
import dev.shelf.index.Highlights;
import dev.shelf.index.IndexFields;
import dev.shelf.index.ShelfAnalyzer;
import dev.shelf.ingest.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@link ChunkIndex} over one build's index in an OpenSearch cluster: the cluster retrieves (BM25 over the terms Shelf
 * analyzed, with the statistics of every shard; HNSW k-NN per model), Shelf does the rest as over the embedded index.
 * Bound to the build's own index, never to the alias, so a search that started on a build ends on it while the alias
 * moves. The resources are read once when it opens. A cluster that fails answers with an {@link UncheckedIOException}
 * around a {@link ClusterException}. NOTE: thread-safe.
 */
public final class OpenSearchChunkIndex implements ChunkIndex {

    /**
     * BM25 with the term statistics of every shard, not of the shard a passage fell into: with few passages per shard
     * the per-shard statistics differ enough to reorder results.
     */
    private static final String GLOBAL_STATISTICS = "?search_type=dfs_query_then_fetch";
    private static final int MORE_LIKE_TERMS = 25;
    private static final int PAGE = 1000;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final ClusterClient client;
    private final String index;
    private final BuildInfo info;
    private final Path folder;
    private final Map<String, Resource> resources;
    private final ShelfAnalyzer analyzer = new ShelfAnalyzer();

    private OpenSearchChunkIndex(ClusterClient client, String index, BuildInfo info, Path folder,
                                 Map<String, Resource> resources) {
        this.client = client;
        this.index = index;
        this.info = info;
        this.folder = folder;
        this.resources = resources;
    }

    /**
     * Opens the build of a folder (its {@code build.json} and topic map) whose passages are in the cluster index
     * {@code index}; the client stays the caller's.
     */
    public static OpenSearchChunkIndex open(ClusterClient client, String index, Path folder) throws IOException {
        BuildInfo info = BuildInfo.read(folder);
        if (info.format() != BuildInfo.FORMAT) {
            throw new IOException("the index " + index + " was built by another version of Shelf (format "
                    + info.format() + ", this version reads " + BuildInfo.FORMAT + "); run `shelf index` to rebuild it");
        }
        return new OpenSearchChunkIndex(client, index, info, folder, readResources(client, index));
    }

    private static Map<String, Resource> readResources(ClusterClient client, String index) throws IOException {
        Map<String, Resource> resources = new LinkedHashMap<>();
        ObjectNode page = ClusterQueries.resources(PAGE);
        while (true) {
            JsonNode hits = client.send("POST", "/" + index + "/_search", page).path("hits").path("hits");
            for (JsonNode hit : hits) {
                Resource r = JSON.readValue(hit.path("_source").path(IndexFields.RESOURCE_JSON).asText(), Resource.class);
                resources.put(r.id(), r);
            }
            if (hits.size() < PAGE) {
                break;
            }
            page.set("search_after", hits.get(hits.size() - 1).path("sort"));
        }
        return Collections.unmodifiableMap(resources);
    }

    /** The cluster index this build's passages are in. */
    public String clusterIndex() {
        return index;
    }

    @Override
    public List<ChunkHit> lexical(String text, Set<String> sources, int n) {
        List<String> terms = analyzer.queryTerms(text);
        if (terms.isEmpty()) {
            return List.of();
        }
        return hits(search(GLOBAL_STATISTICS, ClusterQueries.lexical(terms, sources, n)), false);
    }

    @Override
    public List<ChunkHit> semantic(String model, float[] vector, Set<String> sources, int n) {
        if (!info.searchable(model, vector)) {
            return List.of();
        }
        return hits(search("", ClusterQueries.semantic(model, vector, sources, n)), true);
    }

    @Override
    public List<ChunkHit> moreLikeThis(String resourceId, int n) {
        Resource resource = resources.get(resourceId);
        if (resource == null) {
            return List.of();
        }
        Map<String, Integer> frequencies =
                MoreLikeTerms.frequencies(analyzer.terms(resource.title() + "\n" + resource.description()));
        if (frequencies.isEmpty()) {
            return List.of();
        }
        List<String> words = new ArrayList<>(frequencies.keySet());
        JsonNode answer = search("", ClusterQueries.documentFrequencies(IndexFields.BODY, words));
        long docCount = answer.path("hits").path("total").path("value").asLong();
        JsonNode buckets = answer.path("aggregations").path("df").path("buckets");
        Map<String, Long> documentFrequencies = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            documentFrequencies.put(words.get(i), buckets.path(Integer.toString(i)).path("doc_count").asLong());
        }
        List<String> chosen = MoreLikeTerms.select(frequencies, documentFrequencies, docCount, MORE_LIKE_TERMS);
        if (chosen.isEmpty()) {
            return List.of();
        }
        return hits(search(GLOBAL_STATISTICS, ClusterQueries.anyOf(IndexFields.BODY, chosen, n)), false);
    }

    @Override
    public Optional<String> passage(String resourceId, int ordinal) {
        return source(resourceId + "#" + ordinal, IndexDefinition.PASSAGE).map(JsonNode::asText);
    }

    /** One {@code _mget} for every passage asked: a page of results costs one round trip, not one per result. */
    @Override
    public Map<String, String> passages(Map<String, Integer> ordinals) {
        if (ordinals.isEmpty()) {
            return Map.of();
        }
        ObjectNode body = ClusterClient.object();
        var ids = body.putArray("ids");
        ordinals.forEach((id, ordinal) -> ids.add(id + "#" + ordinal));
        JsonNode answer;
        try {
            answer = client.send("POST", "/" + index + "/_mget?_source_includes=" + IndexDefinition.PASSAGE, body);
        } catch (ClusterException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> texts = new HashMap<>();
        for (JsonNode doc : answer.path("docs")) {
            JsonNode text = doc.path("_source").path(IndexDefinition.PASSAGE);
            String chunkId = doc.path("_id").asText();
            int hash = chunkId.lastIndexOf('#');
            if (doc.path("found").asBoolean() && text.isTextual() && hash > 0) {
                texts.put(chunkId.substring(0, hash), text.asText());
            }
        }
        return texts;
    }

    @Override
    public Optional<float[]> vector(String resourceId) {
        String field = IndexFields.vector(info.model());
        return source(resourceId + "#0", field).filter(JsonNode::isArray).map(values -> {
            float[] vector = new float[values.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) values.get(i).asDouble();
            }
            return vector;
        });
    }

    /** One field of a passage's stored source; a dotted field is an object path there. */
    private Optional<JsonNode> source(String chunkId, String field) {
        String endpoint = "/" + index + "/_source/" + URLEncoder.encode(chunkId, StandardCharsets.UTF_8)
                + "?_source_includes=" + URLEncoder.encode(field, StandardCharsets.UTF_8);
        try {
            return client.get(endpoint).map(source -> {
                JsonNode value = source.get(field);
                if (value == null) {
                    value = source;
                    for (String part : field.split("\\.")) {
                        value = value.path(part);
                    }
                }
                return value.isMissingNode() || value.isNull() ? null : value;
            });
        } catch (ClusterException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Resource> resource(String id) {
        return Optional.ofNullable(resources.get(id));
    }

    @Override
    public Collection<Resource> resources() {
        return resources.values();
    }

    @Override
    public Function<String, Optional<String>> highlighter(String query) {
        return Highlights.of(analyzer, query);
    }

    @Override
    public BuildInfo info() {
        return info;
    }

    @Override
    public Optional<Path> folder() {
        return Optional.of(folder);
    }

    private JsonNode search(String parameters, ObjectNode body) {
        try {
            return client.send("POST", "/" + index + "/_search" + parameters, body);
        } catch (ClusterException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hits as passages, best first, ties broken by resource id and ordinal. */
    private static List<ChunkHit> hits(JsonNode answer, boolean vectorScores) {
        JsonNode found = answer.path("hits").path("hits");
        List<ChunkHit> hits = new ArrayList<>(found.size());
        for (JsonNode hit : found) {
            JsonNode fields = hit.path("fields");
            float score = (float) hit.path("_score").asDouble();
            // Lucene scores cosine similarity as (1 + cos) / 2; the search layer takes the cosine, as embedded.
            hits.add(new ChunkHit(fields.path(IndexFields.RESOURCE).path(0).asText(),
                    fields.path(IndexFields.ORDINAL).path(0).asInt(), vectorScores ? 2 * score - 1 : score));
        }
        hits.sort(ChunkHit.BEST_FIRST);
        return hits;
    }


    @Override
    public void close() {
        // The client is shared by every build a process opens, and closed by its owner.
    }
}
