/**
 * The index in an OpenSearch cluster (2.4 or later, with k-NN), for {@code --opensearch}: the second
 * {@link dev.shelf.index.IndexStore}. {@link dev.shelf.opensearch.OpenSearchStore} writes each build into an index of
 * its own and publishes it by moving an alias (one builder at a time: {@link dev.shelf.opensearch.ClusterLock});
 * {@link dev.shelf.opensearch.OpenSearchChunkIndex} is the read seam over it; {@link dev.shelf.opensearch.ClusterClient}
 * speaks to the cluster. The cluster stores, retrieves and replicates; Shelf analyzes (the cluster indexes the terms of
 * {@link dev.shelf.index.ShelfAnalyzer} as given: {@link dev.shelf.opensearch.ChunkDocuments}), embeds, fuses and
 * highlights, so search is the same on either store. Queries: {@link dev.shelf.opensearch.ClusterQueries}; the
 * mapping: {@link dev.shelf.opensearch.IndexDefinition}; the words of more-like-this:
 * {@link dev.shelf.opensearch.MoreLikeTerms}.
 */
package dev.shelf.opensearch;
