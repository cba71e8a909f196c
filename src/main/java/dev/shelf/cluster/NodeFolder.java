package dev.shelf.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lays out a node's folder before it starts: its own copy of the distribution's configuration with the node's
 * {@code opensearch.yml} and {@code jvm.options}, and empty data, logs and temporary folders, all handed to the user
 * the node runs as. A folder from an earlier run keeps its data and its keystore, so a restarted node rejoins with
 * what it held.
 */
final class NodeFolder {

    /** Each node writes its own keystore on its first start, in its config folder. */
    private static final String KEYSTORE = "opensearch.keystore";

    private NodeFolder() {
    }

    static void prepare(Distribution distribution, ClusterPlan plan, NodePlan node, RunAs runAs) throws IOException {
        for (Path folder : List.of(node.config(), node.data(), node.logs(), node.tmp())) {
            Files.createDirectories(folder);
        }
        Path source = distribution.home().resolve("config");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = node.config().resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals(KEYSTORE)) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        String options = Files.readString(source.resolve("jvm.options"), StandardCharsets.UTF_8);
        Files.writeString(node.config().resolve("jvm.options"), ClusterPlan.jvmOptions(options, node),
                StandardCharsets.UTF_8);
        Files.writeString(node.config().resolve("opensearch.yml"), plan.opensearchYml(node), StandardCharsets.UTF_8);
        runAs.own(node.folder());
    }
}
