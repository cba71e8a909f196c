/**
 * The one on-disk Lucene index: chunk text fields for BM25, a vector field for kNN, stored resources and facets.
 * {@link dev.shelf.index.IndexBuilder} writes complete builds and switches them in atomically;
 * {@link dev.shelf.index.ChunkIndex} is the narrow read interface the search layer uses (an OpenSearch backend would
 * implement it too), with {@link dev.shelf.index.LuceneChunkIndex} as the embedded implementation.
 */
package dev.shelf.index;
