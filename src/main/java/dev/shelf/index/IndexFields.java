package dev.shelf.index;

import dev.shelf.ingest.Resource;
import java.util.Map;

/** Field names of the index, defined once. */
public final class IndexFields {
    /** Chunk id, {@code resourceId#ordinal} (exact term, to find one passage). */
    public static final String ID = "id";
    /** Resource id of the chunk (doc values: read for every candidate without touching stored fields). */
    public static final String RESOURCE = "resource";
    /** Position of the chunk in its resource (doc values). */
    public static final String ORDINAL = "ordinal";
    /** Resource title (analyzed, boosted). */
    public static final String TITLE = "title";
    /** Heading path (analyzed). */
    public static final String SECTION = "section";
    /** The passage (analyzed, stored for snippets). */
    public static final String BODY = "body";
    /** Metadata values and URL words (analyzed). */
    public static final String META = "meta";
    /** Source list ids (exact, multi-valued; the list filter). */
    public static final String SOURCE = "source";
    /** The primary model's passage embedding as bytes, to read it back for related-article queries. */
    public static final String VECTOR_BYTES = "vector_bytes";
    /** The resource as JSON, on its first chunk only. */
    public static final String RESOURCE_JSON = "resource_json";

    /**
     * Field weights of the lexical query, each word's best field counting (a dis-max): a word in the title says most
     * about what a resource is.
     */
    public static final Map<String, Float> LEXICAL_BOOSTS = Map.of(TITLE, 3.0f, SECTION, 1.2f, BODY, 1.0f, META, 0.6f);
    /** How much the other fields of a word count besides its best field. */
    public static final float TIE_BREAKER = 0.2f;

    /** A model's passage embedding (HNSW, dot product on normalized vectors): one field per model. */
    public static String vector(String model) {
        return "vector." + model;
    }

    /** The text of a resource's {@link #SECTION} field: its heading path. */
    public static String sectionText(Resource resource) {
        return String.join(" ", resource.section());
    }

    /** The text of a resource's {@link #META} field: metadata values, then the words of its links. */
    public static String metaText(Resource resource) {
        StringBuilder meta = new StringBuilder(String.join(" ", resource.metadata().values()));
        // URL words ("arxiv", "github", "colab") are what a practitioner often remembers of a link.
        resource.links().forEach(link -> meta.append(' ').append(link.replaceAll("[/:.?=&_#%-]+", " ")));
        return meta.toString();
    }

    private IndexFields() {
    }
}
