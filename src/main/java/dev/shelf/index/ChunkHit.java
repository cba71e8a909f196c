package dev.shelf.index;

import java.util.Comparator;

/**
 * One retrieved passage, without its text: the text of the few passages shown is read afterwards with
 * {@link ChunkIndex#passage}, so a retriever's hundreds of candidates cost no stored-field reads.
 *
 * @param resourceId the resource it belongs to
 * @param ordinal its position in the resource
 * @param score the retriever's score (BM25, or cosine similarity for vectors)
 */
public record ChunkHit(String resourceId, int ordinal, float score) {

    /** Every index's order of hits: best first, ties broken by resource id and ordinal. */
    public static final Comparator<ChunkHit> BEST_FIRST = Comparator.comparingDouble((ChunkHit h) -> -h.score())
            .thenComparing(ChunkHit::resourceId).thenComparingInt(ChunkHit::ordinal);
}
