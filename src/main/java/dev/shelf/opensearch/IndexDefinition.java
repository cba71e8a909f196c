package dev.shelf.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shelf.index.IndexFields;
import dev.shelf.index.IndexStore;
import java.util.List;

/**
 * The settings and mappings of a build's index in the cluster. Text fields hold terms Shelf analyzed already (joined
 * by spaces, split again by the whitespace tokenizer), so the cluster indexes exactly the terms and lengths of the
 * embedded index: no analysis chain of its own, no ICU plugin needed for Traditional/Simplified folding. Vectors are
 * HNSW k-NN fields on the Lucene engine (the plugin's native engines need libraries the Maven Central zip lacks).
 */
final class IndexDefinition {

    /** The analyzer of every text field: split at spaces, nothing else, since the terms arrive analyzed. */
    static final String TERMS_ANALYZER = "shelf_terms";
    /** The raw passage text, for snippets; not indexed. */
    static final String PASSAGE = "passage";
    /** A file of the build folder (build.json, the topic map), on documents of its own. */
    static final String FILE_NAME = "file_name";
    static final String FILE_CONTENT = "file_content";
    /** Replicas: one where the cluster has a second node, none on a single node. */
    static final String REPLICAS = "0-1";

    private IndexDefinition() {
    }

    /**
     * The body of the create-index request.
     *
     * @param shards primary shards
     * @param models the build's models
     */
    static ObjectNode of(int shards, List<IndexStore.PassageVectors> models) {
        ObjectNode body = ClusterClient.object();
        ObjectNode index = body.putObject("settings").putObject("index");
        index.put("number_of_shards", shards);
        // One copy of each shard on another node when there is another node: a single-node cluster stays green.
        index.put("auto_expand_replicas", REPLICAS);
        index.put("knn", true);
        // Written once, in bulk, then refreshed before the alias names it: no refresh while it is written.
        index.put("refresh_interval", "-1");
        index.putObject("analysis").putObject("analyzer").putObject(TERMS_ANALYZER)
                .put("type", "custom").put("tokenizer", "whitespace");

        ObjectNode mappings = body.putObject("mappings");
        mappings.put("dynamic", "strict");
        ObjectNode properties = mappings.putObject("properties");
        keyword(properties, IndexFields.ID);
        keyword(properties, IndexFields.RESOURCE);
        properties.putObject(IndexFields.ORDINAL).put("type", "integer");
        for (String field : List.of(IndexFields.TITLE, IndexFields.SECTION, IndexFields.BODY, IndexFields.META)) {
            properties.putObject(field).put("type", "text").put("analyzer", TERMS_ANALYZER);
        }
        properties.putObject(PASSAGE).put("type", "text").put("index", false);
        keyword(properties, IndexFields.SOURCE);
        properties.putObject(IndexFields.RESOURCE_JSON).put("type", "text").put("index", false);
        keyword(properties, FILE_NAME);
        properties.putObject(FILE_CONTENT).put("type", "binary");
        for (IndexStore.PassageVectors model : models) {
            vectorField(properties, IndexFields.vector(model.model()), model.dimensions());
        }
        return body;
    }

    private static void keyword(ObjectNode properties, String field) {
        properties.putObject(field).put("type", "keyword");
    }

    /** A k-NN field; a dotted name ("vector.model") is an object path in OpenSearch mappings. */
    private static void vectorField(ObjectNode properties, String field, int dimensions) {
        ObjectNode parent = properties;
        String[] path = field.split("\\.", 2);
        if (path.length == 2) {
            ObjectNode object = parent.has(path[0]) ? (ObjectNode) parent.get(path[0]) : parent.putObject(path[0]);
            parent = object.has("properties") ? (ObjectNode) object.get("properties") : object.putObject("properties");
            field = path[1];
        }
        ObjectNode vector = parent.putObject(field);
        vector.put("type", "knn_vector");
        vector.put("dimension", dimensions);
        vector.putObject("method").put("name", "hnsw").put("engine", "lucene").put("space_type", "cosinesimil");
    }
}
