/**
 * Answers questions. {@link dev.shelf.search.SearchService} feeds small pure functions, and each decision lives in
 * one of them: passages to resources ({@link dev.shelf.search.Ranking#ofBestPassages}: a resource ranks where its
 * best passage does), the fused score ({@link dev.shelf.search.Fusion}: weighted min-max or reciprocal rank over any
 * number of weighted rankings, ties by id), each list's weight by the query's form ({@link dev.shelf.search.QueryWeights}:
 * Chinese queries, long questions), a request for resources like a named one ({@link dev.shelf.search.MoreLike}), the
 * exact-title rule ({@link dev.shelf.search.TitlePromotion}) and the snippet ({@link dev.shelf.search.Snippets}). It reaches the index and the model only through the
 * {@link dev.shelf.index.ChunkIndex} and {@link dev.shelf.embed.Encoder} interfaces, so tests run it with a fake
 * encoder; {@link dev.shelf.search.ServedIndex} keeps a server's service on the newest complete build. Knows nothing
 * of HTTP or the command line.
 */
package dev.shelf.search;
