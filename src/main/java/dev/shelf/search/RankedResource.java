package dev.shelf.search;

/**
 * One resource in one retriever's ranking.
 *
 * @param id the resource id
 * @param score that retriever's score (BM25, or cosine similarity)
 * @param passage the passage that earned it (its best), for the snippet; may be empty
 */
public record RankedResource(String id, double score, String passage) {
}
