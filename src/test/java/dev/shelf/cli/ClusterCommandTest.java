package dev.shelf.cli;

import static dev.shelf.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code shelf cluster} refuses what cannot start before starting anything, in one {@code error:} line, and finds the
 * build's server and keeps its nodes' folder in the installation's {@code target/} whatever the current folder.
 */
class ClusterCommandTest {

    @Test
    void without_the_unpacked_server_it_says_to_run_the_build_with_status_1() {
        CliRun run = run("cluster", "--distribution", "no/such/folder");
        assertEquals(1, run.status(), run::err);
        assertEquals(List.of("error: no OpenSearch server in no/such/folder: run `mvn -B -q -DskipTests package` first,"
                + " which unpacks it there"), run.err().lines().toList());
        assertEquals("", run.out());
    }

    @Test
    void a_node_count_or_heap_out_of_range_is_a_usage_error_with_status_2(@TempDir Path dir) throws IOException {
        // A distribution as the build lays it out, so that only the option is wrong.
        Files.createDirectories(dir.resolve("opensearch-3.5.0/bin"));
        Files.writeString(dir.resolve("opensearch-3.5.0/bin/opensearch"), "");
        Files.writeString(dir.resolve("opensearch-knn-3.5.0.0.zip"), "");
        CliRun noNodes = run("cluster", "--distribution", dir.toString(), "--nodes", "0");
        assertEquals(2, noNodes.status(), noNodes::err);
        assertEquals(List.of("error: a cluster needs at least one node, got 0 (see 'shelf cluster --help')"),
                noNodes.err().lines().toList());
        CliRun smallHeap = run("cluster", "--distribution", dir.toString(), "--heap-mb", "100");
        assertEquals(2, smallHeap.status(), smallHeap::err);
        assertEquals(List.of("error: a node needs a heap of at least 256 MB, got 100 (see 'shelf cluster --help')"),
                smallHeap.err().lines().toList());
    }

    @Test
    void with_a_home_the_server_and_the_nodes_folder_are_the_homes() {
        Path home = Path.of("/opt/shelf");
        CommandLine cli = new CommandLine(new Main());
        cli.setDefaultValueProvider(new ShelfHome(home));
        CommandSpec cluster = cli.parseArgs("cluster").subcommand().commandSpec();
        assertEquals(home.resolve("target/opensearch"), cluster.findOption("--distribution").getValue());
        assertEquals(home.resolve("target/opensearch-cluster"), cluster.findOption("--dir").getValue());
        assertEquals(9200, (int) cluster.findOption("--port").getValue());
        assertEquals(3, (int) cluster.findOption("--nodes").getValue());
        assertEquals(384, (int) cluster.findOption("--heap-mb").getValue());
    }
}
