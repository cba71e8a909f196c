package dev.shelf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.cluster.LocalCluster;
import dev.shelf.opensearch.OpenSearchClusterExtension;
import dev.shelf.embed.SharedEncoder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * {@code shelf serve --opensearch} as a user runs it against the 3-node cluster: a list uploaded through
 * {@code /api/sources} reaches the cluster and is found, a delete removes it, an index the cluster lost is a 503 with
 * a JSON error; two servers share one cluster's index and lists; and the command line given a cluster it cannot use
 * says so in one {@code error:} line, exit 1.
 */
@ExtendWith(OpenSearchClusterExtension.class)
class ClusterServeIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void an_upload_reaches_the_cluster_and_is_found_a_delete_removes_it_and_a_lost_index_is_a_503(
            LocalCluster cluster) throws Exception {
        Path root = Files.createTempDirectory("shelf-cluster-serve");
        Path lists = Files.createDirectories(root.resolve("sources"));
        Files.writeString(lists.resolve("seed.md"), "# Seed\n\n- [Model merging with mergekit]"
                + "(https://example.org/mergekit) - merge the weights of two models\n");
        String urls = String.join(",", cluster.urls().stream().map(Object::toString).toList());
        ServingProcess served = ServingProcess.start(new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector",
                "-jar", Path.of("target/shelf.jar").toAbsolutePath().toString(), "serve", "--port", "0",
                "--index", root.resolve("index").toString(), "--sources", lists.toString(),
                "--opensearch", urls, "--opensearch-index",
                OpenSearchClusterExtension.indexName(ClusterServeIT.class, "shelf"),
                "--models", SharedEncoder.MODEL_DIR.toAbsolutePath().toString()));
        String base = "http://127.0.0.1:" + served.port();
        try (HttpClient http = HttpClient.newHttpClient()) {
            awaitSearch(http, base, "mergekit", found -> found.contains("Model merging with mergekit"));
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(base + "/api/sources/upload.md"))
                    .header("X-Requested-With", "shelf")
                    .PUT(HttpRequest.BodyPublishers.ofString("# Upload\n\n- [The zanzibarite tokenizer]"
                            + "(https://example.org/zanzibarite) - a tokenizer for rare minerals\n")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, put.statusCode(), put::body);
            awaitSearch(http, base, "zanzibarite", found -> found.contains("The zanzibarite tokenizer"));
            String id = JSON.readTree(put.body()).get("id").asText();
            HttpResponse<String> delete = http.send(HttpRequest.newBuilder(URI.create(base + "/api/sources/" + id))
                    .header("X-Requested-With", "shelf").DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(delete.statusCode() / 100 == 2, delete::body);
            awaitSearch(http, base, "zanzibarite", found -> !found.contains("The zanzibarite tokenizer"));
            // The cluster loses the index being served (deleted under the server): a 503 with a JSON error.
            String alias = OpenSearchClusterExtension.indexName(ClusterServeIT.class, "shelf");
            String servedIndex = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(cluster.url() + "/_alias/"
                    + alias)).build(), HttpResponse.BodyHandlers.ofString()).body()).fieldNames().next();
            HttpResponse<String> dropped = http.send(HttpRequest.newBuilder(
                    URI.create(cluster.url() + "/" + servedIndex)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, dropped.statusCode(), dropped::body);
            HttpResponse<String> failed = http.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q=merge"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, failed.statusCode(), failed::body);
            assertEquals("index_unavailable", JSON.readTree(failed.body()).get("error").asText(), failed::body);
            assertTrue(failed.headers().firstValue("Retry-After").isPresent());
        } finally {
            served.stop();
        }
    }

    @Test
    void two_servers_share_the_clusters_index_and_each_ones_uploads(LocalCluster cluster) throws Exception {
        String alias = OpenSearchClusterExtension.indexName(ClusterServeIT.class, "shared");
        ServingProcess a = serve(cluster, alias, "a", "# Seed\n\n- [Model merging with mergekit]"
                + "(https://example.org/mergekit) - merge the weights of two models\n");
        ServingProcess b = null;
        try (HttpClient http = HttpClient.newHttpClient()) {
            String atA = "http://127.0.0.1:" + a.port();
            awaitSearch(http, atA, "mergekit", found -> found.contains("Model merging with mergekit"));
            put(http, atA, "first.md", "# First\n\n- [The zanzibarite tokenizer](https://example.org/z) - rare\n");
            awaitSearch(http, atA, "zanzibarite", found -> found.contains("The zanzibarite tokenizer"));
            // B joins with a list of its own that A never saw: the cluster's lists are the library it joins.
            b = serve(cluster, alias, "b", "# Other\n\n- [Unrelated](https://example.org/u) - nothing\n");
            String atB = "http://127.0.0.1:" + b.port();
            awaitSearch(http, atB, "zanzibarite", found -> found.contains("The zanzibarite tokenizer"));
            put(http, atB, "second.md", "# Second\n\n- [The quokkanizer](https://example.org/q) - marsupials\n");
            // A picks up B's build within seconds, and B's build kept A's upload.
            awaitSearch(http, atA, "quokkanizer", found -> found.contains("The quokkanizer"));
            awaitSearch(http, atA, "zanzibarite", found -> found.contains("The zanzibarite tokenizer"));
            HttpResponse<String> delete = http.send(HttpRequest.newBuilder(URI.create(atA + "/api/sources/first"))
                    .header("X-Requested-With", "shelf").DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(delete.statusCode() / 100 == 2, delete::body);
            awaitSearch(http, atB, "zanzibarite", found -> !found.contains("The zanzibarite tokenizer"));
            awaitSearch(http, atB, "quokkanizer", found -> found.contains("The quokkanizer"));
        } finally {
            a.stop();
            if (b != null) {
                b.stop();
            }
        }
    }

    private static ServingProcess serve(LocalCluster cluster, String alias, String name, String list)
            throws Exception {
        Path root = Files.createTempDirectory("shelf-cluster-" + name);
        Path lists = Files.createDirectories(root.resolve("sources"));
        Files.writeString(lists.resolve(name + ".md"), list);
        String urls = String.join(",", cluster.urls().stream().map(Object::toString).toList());
        return ServingProcess.start(new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector",
                "-jar", Path.of("target/shelf.jar").toAbsolutePath().toString(), "serve", "--port", "0",
                "--index", root.resolve("index").toString(), "--sources", lists.toString(),
                "--opensearch", urls, "--opensearch-index", alias,
                "--models", SharedEncoder.MODEL_DIR.toAbsolutePath().toString()));
    }

    private static void put(HttpClient http, String base, String file, String list) throws Exception {
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(base + "/api/sources/" + file))
                .header("X-Requested-With", "shelf").PUT(HttpRequest.BodyPublishers.ofString(list)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, put.statusCode(), put::body);
    }

    private static void awaitSearch(HttpClient http, String base, String query, Predicate<String> done)
            throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String last = "";
        while (System.nanoTime() < until) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q=" + query))
                    .build(), HttpResponse.BodyHandlers.ofString());
            last = answer.statusCode() + " " + answer.body();
            if (answer.statusCode() == 200 && done.test(answer.body())) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the search for " + query + " never answered as expected; last: " + last);
    }

    @Test
    void a_cluster_out_of_reach_or_a_malformed_address_is_one_error_line_and_exit_1() throws Exception {
        String[][] runs = {{"search", "http://127.0.0.1:1", "merge"}, {"search", "not-a-url", "merge"},
            {"index", "http://127.0.0.1:1"}, {"serve", "http://127.0.0.1:1", "--port", "0"}};
        for (String[] run : runs) {
            StringWriter err = new StringWriter();
            CommandLine command = Main.commandLine();
            command.setErr(new PrintWriter(err, true));
            command.setOut(new PrintWriter(new StringWriter(), true));
            List<String> args = new ArrayList<>(List.of(run[0], "--opensearch", run[1],
                    "--index", Files.createTempDirectory("shelf-unreachable").toString(), "--models",
                    SharedEncoder.MODEL_DIR.toString()));
            args.addAll(Arrays.asList(run).subList(2, run.length));
            int exit = command.execute(args.toArray(String[]::new));
            assertEquals(1, exit, err::toString);
            String[] lines = err.toString().strip().split("\n");
            assertEquals(1, lines.length, err::toString);
            assertTrue(lines[0].startsWith("error: ") && lines[0].contains("--opensearch"), err::toString);
        }
    }
}
