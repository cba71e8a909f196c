package dev.shelf.index;

/**
 * One retrieved passage.
 *
 * @param resourceId the resource it belongs to
 * @param ordinal its position in the resource
 * @param score the retriever's score (BM25, or cosine similarity for vectors)
 * @param body the passage text
 */
public record ChunkHit(String resourceId, int ordinal, float score, String body) {
}
