package dev.shelf.search;

/**
 * Where one retriever put a resource.
 *
 * @param rank 1-based rank among that retriever's resources
 * @param score that retriever's score (BM25, or cosine similarity)
 */
public record RankScore(int rank, double score) {
}
