package dev.shelf.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.cluster.LocalCluster;
import dev.shelf.eval.DevSet;
import dev.shelf.eval.Evaluator;
import dev.shelf.eval.Judgments;
import dev.shelf.index.ChunkIndex;
import dev.shelf.index.IndexLayout;
import dev.shelf.search.BundledIndex;
import dev.shelf.search.SearchService;
import dev.shelf.search.SearchSettings;
import dev.shelf.embed.SharedEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same search on a 3-node cluster (3 shards, 1 replica) as on the embedded index: the dev and tuning sets score
 * the same nDCG@10 per mode, within 0.01, with the bundled lists and the real model.
 */
@ExtendWith(OpenSearchClusterExtension.class)
class ClusterParityIT {

    private static final Path EVAL = Files.isDirectory(Path.of(DevSet.DIR)) ? Path.of(DevSet.DIR)
            : Path.of("src/test/resources/eval");
    private static OpenSearchStore store;
    private static IndexLayout layout;
    private static ChunkIndex clusterIndex;

    @BeforeAll
    static void buildBoth(LocalCluster cluster) throws IOException {
        store = ClusterFixtures.store(cluster, OpenSearchClusterExtension.indexName(ClusterParityIT.class, "shelf"));
        layout = ClusterFixtures.layoutWithBundledVectors(store);
        ClusterFixtures.buildBundled(layout);
        clusterIndex = store.open(layout.current().orElseThrow());
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
        if (layout != null) {
            ClusterFixtures.deleteQuietly(layout.root());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "tuning"})
    void every_mode_scores_the_same_ndcg_on_the_cluster_as_embedded(String set) throws IOException {
        Judgments judgments = set.equals("dev")
                ? Judgments.load(EVAL.resolve(DevSet.QUERIES_FILE), EVAL.resolve(DevSet.QRELS_FILE))
                : Judgments.load(Path.of("src/test/resources/eval/tuning-queries.jsonl"),
                        Path.of("src/test/resources/eval/tuning-qrels.tsv"));
        Map<String, Evaluator.Scores> embedded = Evaluator.evaluate(judgments, SearchSettings.DEFAULT,
                settings -> new SearchService(BundledIndex.get().index(), SharedEncoder.get(), settings));
        Map<String, Evaluator.Scores> onCluster = Evaluator.evaluate(judgments, SearchSettings.DEFAULT,
                settings -> new SearchService(clusterIndex, SharedEncoder.get(), settings));
        assertEquals(embedded.keySet(), onCluster.keySet());
        StringBuilder table = new StringBuilder(set + " set nDCG@10, embedded / cluster:");
        embedded.forEach((run, scores) -> table.append(String.format(" %s %.4f / %.4f;", run, scores.ndcg10(),
                onCluster.get(run).ndcg10())));
        System.out.println(table);
        embedded.forEach((run, scores) -> assertTrue(Math.abs(scores.ndcg10() - onCluster.get(run).ndcg10()) <= 0.01,
                table::toString));
    }
}
