package dev.shelf.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server and plugin are found in the folder the build unpacks them into, newest version first, and a folder the
 * build has not filled says to run it.
 */
class DistributionTest {

    @TempDir
    Path folder;

    private void server(String version) throws IOException {
        Path bin = Files.createDirectories(folder.resolve("opensearch-" + version).resolve("bin"));
        Files.writeString(bin.resolve("opensearch"), "#!/bin/sh\n");
    }

    private void plugin(String version) throws IOException {
        Files.writeString(folder.resolve("opensearch-knn-" + version + ".zip"), "zip");
    }

    @Test
    void the_newest_server_goes_with_the_plugin_of_its_own_version() throws IOException {
        server("3.5.0");
        server("3.10.0");
        plugin("3.5.0.0");
        plugin("3.10.0.0");
        Distribution distribution = Distribution.in(folder);
        assertEquals(folder.resolve("opensearch-3.10.0"), distribution.home());
        assertEquals(folder.resolve("opensearch-knn-3.10.0.0.zip"), distribution.knnPlugin());
    }

    @Test
    void a_folder_without_a_server_says_to_run_the_build() {
        IOException missing = assertThrows(IOException.class, () -> Distribution.in(folder.resolve("opensearch")));
        assertTrue(missing.getMessage().contains("mvn -B -q -DskipTests package"), missing::getMessage);
    }

    @Test
    void a_server_without_its_plugin_names_the_plugin_it_needs() throws IOException {
        server("3.5.0");
        plugin("3.4.0.0");
        IOException missing = assertThrows(IOException.class, () -> Distribution.in(folder));
        assertTrue(missing.getMessage().contains("opensearch-knn-3.5.0.N.zip"), missing::getMessage);
    }
}
