/**
 * Answers questions: a lexical and a semantic retriever over {@link dev.shelf.index.ChunkIndex}, passages aggregated
 * to resources, fused by reciprocal rank (or weighted scores), explained and highlighted;
 * {@link dev.shelf.search.SearchService} is the public face. Knows nothing of HTTP or the command line.
 */
package dev.shelf.search;
