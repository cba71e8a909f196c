package dev.shelf.chunk;

/**
 * A passage of a resource for retrieval.
 *
 * @param id {@code resourceId#ordinal}, stable while the resource's text is
 * @param resourceId the resource it belongs to
 * @param ordinal position among the resource's chunks, from 0
 * @param header "title — section path", what the passage belongs to
 * @param body the passage itself
 */
public record Chunk(String id, String resourceId, int ordinal, String header, String body) {

    /** What is indexed and embedded: the header, then the passage, so that both retrievers see the context. */
    public String text() {
        return body.isEmpty() ? header : header + "\n" + body;
    }
}
