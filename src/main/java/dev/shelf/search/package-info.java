/**
 * Answers questions: a lexical and a semantic retriever over {@link dev.shelf.index.ChunkIndex}, passages aggregated
 * to resources, fused by weighted scores (or reciprocal rank), explained and highlighted;
 * {@link dev.shelf.search.SearchService} is the public face, and {@link dev.shelf.search.ServedIndex} keeps a server's
 * service on the newest complete build. Knows nothing of HTTP or the command line.
 */
package dev.shelf.search;
