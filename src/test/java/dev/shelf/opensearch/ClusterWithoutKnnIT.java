package dev.shelf.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.cli.Main;
import dev.shelf.cluster.Distribution;
import dev.shelf.cluster.LocalCluster;
import dev.shelf.embed.SharedEncoder;
import dev.shelf.index.FileTrees;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A real OpenSearch node without the k-NN plugin (a copy of the unpacked server without it): Shelf refuses it before
 * anything is built, in one line that says what to install, exit 1.
 */
class ClusterWithoutKnnIT {

    @Test
    void a_cluster_without_knn_is_refused_in_one_line_saying_what_to_install() throws Exception {
        Distribution distribution = Distribution.in(Path.of("target/opensearch"));
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "opensearch-plain-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path plain = work.resolve("server");
        copyWithoutKnn(distribution.home(), plain);
        LocalCluster.Config config = LocalCluster.Config.of(distribution, work.resolve("nodes")).withNodes(1)
                .withClusterName("shelf-plain").withoutKnn(plain);
        try (LocalCluster cluster = LocalCluster.start(config)) {
            cluster.awaitStatus("green", Duration.ofMinutes(3));
            String url = cluster.url().toString();
            ClusterAddress address = ClusterAddress.parse(url, "shelf", Map.of());
            try (ClusterClient client = ClusterClient.connect(address)) {
                ClusterException refused = assertThrows(ClusterException.class,
                        client::checkUsable);
                assertTrue(refused.getMessage().contains("has no k-NN plugin"), refused::getMessage);
            }
            StringWriter err = new StringWriter();
            CommandLine command = Main.commandLine();
            command.setErr(new PrintWriter(err, true));
            command.setOut(new PrintWriter(new StringWriter(), true));
            int exit = command.execute("index", "--opensearch", url, "--index",
                    work.resolve("index").toString(), "--models", SharedEncoder.MODEL_DIR.toString());
            assertEquals(1, exit, err::toString);
            List<String> lines = err.toString().strip().lines().toList();
            assertEquals(1, lines.size(), err::toString);
            assertTrue(lines.get(0).startsWith("error: ") && lines.get(0).contains("install it on every node"),
                    err::toString);
        } finally {
            FileTrees.delete(work);
        }
    }

    /** The unpacked server, its k-NN plugin folder left out. */
    private static void copyWithoutKnn(Path from, Path to) throws IOException {
        Path knn = from.resolve("plugins").resolve("opensearch-knn");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(f -> !f.startsWith(knn)).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
