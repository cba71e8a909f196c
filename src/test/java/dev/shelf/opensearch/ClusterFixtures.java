package dev.shelf.opensearch;

import dev.shelf.cluster.LocalCluster;
import dev.shelf.embed.Encoders;
import dev.shelf.index.BuildProgress;
import dev.shelf.index.FileTrees;
import dev.shelf.index.IndexLayout;
import dev.shelf.pipeline.ListIndexer;
import dev.shelf.search.BundledIndex;
import dev.shelf.embed.SharedEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds for the cluster tests: a store on the test cluster under an alias of the test's own. */
final class ClusterFixtures {

    private ClusterFixtures() {
    }

    /** A store of the test cluster's nodes (every node's URL, as a user would list them) under the alias. */
    static OpenSearchStore store(LocalCluster cluster, String alias) {
        String urls = String.join(",", cluster.urls().stream().map(Object::toString).toList());
        return new OpenSearchStore(ClusterClient.connect(ClusterAddress.parse(urls, alias, Map.of())),
                line -> System.out.println("[cluster] " + line));
    }

    /**
     * A layout in a new folder whose embedding cache is the bundled index's, so that a cluster build of the bundled
     * lists embeds nothing again.
     */
    static IndexLayout layoutWithBundledVectors(OpenSearchStore store) throws IOException {
        Path root = Files.createTempDirectory("shelf-cluster-build");
        Path vectors = BundledIndex.get().root().resolve("embeddings");
        if (Files.isDirectory(vectors)) {
            Files.createDirectories(root.resolve("embeddings"));
            try (var files = Files.list(vectors)) {
                for (Path file : files.toList()) {
                    Files.copy(file, root.resolve("embeddings").resolve(file.getFileName()));
                }
            }
        }
        return new IndexLayout(root, store);
    }

    /** Builds the bundled lists into the layout's store with the test model. */
    static void buildBundled(IndexLayout layout) throws IOException {
        new ListIndexer(layout, Encoders.of(SharedEncoder.get()))
                .index(List.of(Path.of("index/sources")), false, ingested -> { }, BuildProgress.NONE);
    }

    static void deleteQuietly(Path folder) {
        try {
            FileTrees.delete(folder);
        } catch (IOException e) {
            // a temporary folder
        }
    }
}
