/**
 * Answers questions. {@link dev.shelf.search.SearchService#search} reads as its stages, each decision in a small pure
 * function: retrieve the ranked lists of the question and of any typed sub-search ({@link dev.shelf.search.Retrieval},
 * {@link dev.shelf.search.SubSearch}: keywords, a hypothetical answer; a resource ranks where its best passage does:
 * {@link dev.shelf.search.Ranking#ofBestPassages}), weigh each list by the query's form
 * ({@link dev.shelf.search.QueryWeights}: Chinese queries, long questions; a share per sub-search), expand a request for resources like a named
 * one with that resource's related lists ({@link dev.shelf.search.MoreLike}), fuse the lists
 * ({@link dev.shelf.search.Fusion}: weighted min-max or reciprocal rank over any number of weighted rankings, ties by
 * id), promote an exact title ({@link dev.shelf.search.TitlePromotion}), and dress the first results with snippets
 * ({@link dev.shelf.search.Snippets}). It reaches the index and the model only through the
 * {@link dev.shelf.index.ChunkIndex} and {@link dev.shelf.embed.Encoder} interfaces, so tests run it with a fake
 * encoder; {@link dev.shelf.search.ServedIndex} keeps a server's service on the newest complete build. Knows nothing
 * of HTTP or the command line.
 */
package dev.shelf.search;
