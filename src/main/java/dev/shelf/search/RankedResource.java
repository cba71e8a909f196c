package dev.shelf.search;

/**
 * One resource in one retriever's ranking.
 *
 * @param id the resource id
 * @param score that retriever's score (BM25, or cosine similarity)
 * @param passage the ordinal of the passage that earned it (its best), whose text becomes the snippet
 */
public record RankedResource(String id, double score, int passage) {
}
