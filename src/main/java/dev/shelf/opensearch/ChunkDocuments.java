package dev.shelf.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shelf.chunk.Chunk;
import dev.shelf.index.IndexFields;
import dev.shelf.index.IndexStore;
import dev.shelf.index.ShelfAnalyzer;
import dev.shelf.ingest.Resource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The cluster's document of a passage: its text fields as the terms {@link ShelfAnalyzer} makes of them, its raw
 * text for snippets, its lists, its vectors, and on a resource's first passage the resource itself.
 */
final class ChunkDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ShelfAnalyzer analyzer = new ShelfAnalyzer();

    /** The document of the i-th passage of a build. */
    ObjectNode document(Chunk chunk, Resource resource, List<IndexStore.PassageVectors> vectors, int i) {
        ObjectNode doc = ClusterClient.object();
        doc.put(IndexFields.ID, chunk.id());
        doc.put(IndexFields.RESOURCE, chunk.resourceId());
        doc.put(IndexFields.ORDINAL, chunk.ordinal());
        doc.put(IndexFields.TITLE, terms(resource.title()));
        doc.put(IndexFields.SECTION, terms(IndexFields.sectionText(resource)));
        doc.put(IndexFields.BODY, terms(chunk.body()));
        doc.put(IndexDefinition.PASSAGE, chunk.body());
        doc.put(IndexFields.META, terms(IndexFields.metaText(resource)));
        ArrayNode sources = doc.putArray(IndexFields.SOURCE);
        resource.listIds().forEach(sources::add);
        for (IndexStore.PassageVectors model : vectors) {
            float[] vector = model.vector(i);
            if (vector != null) {
                ArrayNode values = doc.putArray(IndexFields.vector(model.model()));
                for (float v : vector) {
                    values.add(v);
                }
            }
        }
        if (chunk.ordinal() == 0) {
            try {
                doc.put(IndexFields.RESOURCE_JSON, JSON.writeValueAsString(resource));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return doc;
    }

    /** The analyzed terms of a text, as the whitespace-split text the cluster indexes. */
    String terms(String text) {
        return String.join(" ", analyzer.terms(text));
    }

    /** Appends one document to a {@code _bulk} body. */
    static void appendIndexAction(ByteArrayOutputStream bulk, String id, ObjectNode doc) {
        try {
            ObjectNode action = ClusterClient.object();
            action.putObject("index").put("_id", id);
            bulk.write(JSON.writeValueAsBytes(action));
            bulk.write('\n');
            bulk.write(JSON.writeValueAsBytes(doc));
            bulk.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
