/**
 * The index of a build: chunk text fields for BM25 and a vector field per model for kNN, with the resources stored.
 * {@link dev.shelf.index.IndexBuilder} chunks resources, embeds what the embedding cache lacks, writes a complete
 * build (with what its caller's {@link dev.shelf.index.BuildStep} adds, the topic map) and switches it in atomically
 * ({@link dev.shelf.index.IndexLayout}); where the passages live is the layout's {@link dev.shelf.index.IndexStore}:
 * {@link dev.shelf.index.LuceneStore} on disk, or the OpenSearch cluster of {@code dev.shelf.opensearch};
 * {@link dev.shelf.index.ChunkIndex} is the read interface the search layer uses, and
 * {@link dev.shelf.index.LuceneChunkIndex} the embedded implementation (a hit's resource and passage come from a
 * {@link dev.shelf.index.PassageTable} read when the build opens). How text becomes terms is decided once, in
 * {@link dev.shelf.index.ShelfAnalyzer}; field names once, in {@link dev.shelf.index.IndexFields}.
 */
package dev.shelf.index;
