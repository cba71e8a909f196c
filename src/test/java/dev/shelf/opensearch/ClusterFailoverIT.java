package dev.shelf.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.cluster.LocalCluster;
import dev.shelf.index.ChunkIndex;
import dev.shelf.index.IndexLayout;
import dev.shelf.search.SearchService;
import dev.shelf.embed.SharedEncoder;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node of the 3-node cluster SIGKILLed while 16 clients search: no search fails, the cluster goes yellow (every
 * shard still has a copy), and green again once the node is back.
 */
@ExtendWith(OpenSearchClusterExtension.class)
class ClusterFailoverIT {

    private static final int CLIENTS = 16;

    @Test
    void searches_keep_answering_while_a_node_is_killed_and_restarted(LocalCluster cluster) throws Exception {
        try (OpenSearchStore store = ClusterFixtures.store(cluster,
                OpenSearchClusterExtension.indexName(ClusterFailoverIT.class, "shelf"))) {
            IndexLayout layout = ClusterFixtures.layoutWithBundledVectors(store);
            try {
                ClusterFixtures.buildBundled(layout);
                try (ChunkIndex index = store.open(layout.current().orElseThrow())) {
                    SearchService service = new SearchService(index, SharedEncoder.get());
                    long before;
                    long afterKill;
                    try (SearchLoad load = new SearchLoad(CLIENTS, service::search)) {
                        Thread.sleep(3_000);
                        before = load.searches();
                        cluster.kill(1);
                        cluster.awaitStatus("yellow", Duration.ofMinutes(2));
                        String whileDown = cluster.health();
                        Thread.sleep(5_000);
                        afterKill = load.searches();
                        cluster.restart(1);
                        cluster.awaitStatus("green", Duration.ofMinutes(4));
                        Thread.sleep(2_000);
                        load.close();
                        System.out.printf("kill test: %d searches before the kill, %d by 5 s after it, %d in all;"
                                + " %d failed; health with the node down: %s%n", before, afterKill, load.searches(),
                                load.failures().size(), whileDown);
                        assertEquals("yellow", whileDown);
                        assertTrue(load.failures().isEmpty(), () -> "failed searches: " + load.failures());
                        assertTrue(afterKill > before, "searches stopped after the kill");
                    }
                }
            } finally {
                ClusterFixtures.deleteQuietly(layout.root());
            }
        }
    }
}
