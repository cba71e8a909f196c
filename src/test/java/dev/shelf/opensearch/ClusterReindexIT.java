package dev.shelf.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.cluster.LocalCluster;
import dev.shelf.embed.Encoders;
import dev.shelf.index.BuildProgress;
import dev.shelf.index.IndexLayout;
import dev.shelf.pipeline.ListIndexer;
import dev.shelf.search.SearchMode;
import dev.shelf.search.SearchRequest;
import dev.shelf.search.SearchResponse;
import dev.shelf.search.SearchService;
import dev.shelf.search.ServedIndex;
import dev.shelf.search.ServiceLease;
import dev.shelf.embed.SharedEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A re-index in the cluster while clients search through a server's {@link ServedIndex}: no search fails, the
 * previous build answers until the alias moves, the new build after, and only those two builds' indexes remain (an
 * orphan a killed build left is removed).
 */
@ExtendWith(OpenSearchClusterExtension.class)
class ClusterReindexIT {

    @Test
    void a_rebuild_while_clients_search_fails_none_and_the_new_build_is_served_after_the_swap(LocalCluster cluster)
            throws Exception {
        String alias = OpenSearchClusterExtension.indexName(ClusterReindexIT.class, "shelf");
        try (OpenSearchStore store = ClusterFixtures.store(cluster, alias)) {
            IndexLayout layout = ClusterFixtures.layoutWithBundledVectors(store);
            Path lists = Files.createDirectories(layout.root().resolve("sources"));
            Files.copy(Path.of("index/sources/llm-powerhouse.md"), lists.resolve("llm-powerhouse.md"));
            ListIndexer indexer = new ListIndexer(layout, Encoders.of(SharedEncoder.get()));
            try {
                indexer.index(List.of(lists), false, ingested -> { }, BuildProgress.NONE);
                try (ServedIndex served = new ServedIndex(layout, store::open,
                        index -> new SearchService(index, SharedEncoder.get()), line -> { })) {
                    served.refresh();
                    Path first = served.build().orElseThrow();
                    assertTrue(search(served, "zanzibarite").results().isEmpty(), "no such word before");
                    try (SearchLoad load = new SearchLoad(8, request -> {
                        try (ServiceLease lease = served.lease().orElseThrow()) {
                            return lease.service().search(request);
                        }
                    })) {
                        // What a build killed half way leaves: an index the alias never named.
                        store.client().send("PUT", "/" + alias + "-build-1-1", null);
                        Files.writeString(lists.resolve("new.md"), "# New\n\n- [The zanzibarite tokenizer]"
                                + "(https://example.org/zanzibarite) - a tokenizer for rare minerals\n");
                        indexer.index(List.of(lists), false, ingested -> { }, BuildProgress.NONE);
                        assertTrue(served.refresh(), "the new build was not picked up");
                        Thread.sleep(2_000);
                        load.close();
                        System.out.printf("re-index test: %d searches, %d failed%n", load.searches(),
                                load.failures().size());
                        assertTrue(load.failures().isEmpty(), () -> "failed searches: " + load.failures());
                    }
                    assertNotEquals(first, served.build().orElseThrow());
                    assertEquals("The zanzibarite tokenizer",
                            search(served, "zanzibarite").results().get(0).title());
                }
                long builds = store.client().send("GET", "/_cat/indices/" + alias + "-build-*?format=json", null)
                        .size();
                assertEquals(2, builds, "the served build and the one before it; the killed build's index is gone");
            } finally {
                ClusterFixtures.deleteQuietly(layout.root());
            }
        }
    }

    private static SearchResponse search(ServedIndex served, String query) {
        try (ServiceLease lease = served.lease().orElseThrow()) {
            // By its words: a semantic list always has a nearest passage, even for a word no list holds.
            return lease.service().search(SearchRequest.of(query, SearchMode.LEXICAL, 5));
        }
    }
}
