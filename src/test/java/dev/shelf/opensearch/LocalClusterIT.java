package dev.shelf.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.cluster.LocalCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The local cluster as the OpenSearch backend needs it: three nodes with the k-NN plugin form a green cluster, a
 * k-NN index with replicas answers nearest-neighbour queries, and losing a node (SIGKILL, the elected cluster manager)
 * leaves the cluster yellow and searchable until the node, restarted, rejoins and the cluster is green again.
 */
@ExtendWith(OpenSearchClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalClusterIT {

    private static final Set<String> NODES = Set.of("node-0", "node-1", "node-2");
    private static final Duration GREEN = Duration.ofMinutes(4);
    /** Four directions and two between them: the query below is nearest north, then north-east. */
    private static final List<Point> POINTS = List.of(new Point("north", 1, 0, 0, 0), new Point("east", 0, 1, 0, 0),
            new Point("south", -1, 0, 0, 0), new Point("west", 0, -1, 0, 0), new Point("north-east", 0.7, 0.7, 0, 0),
            new Point("up", 0, 0, 1, 0));

    private record Point(String name, double... vector) {
    }

    private final LocalCluster cluster;
    private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    LocalClusterIT(LocalCluster cluster) {
        this.cluster = cluster;
    }

    @AfterAll
    void closeClient() {
        http.close();
    }

    @Test
    void three_nodes_form_a_green_cluster() throws Exception {
        assertEquals("green", cluster.health());
        assertEquals(NODES, names(get(cluster.url(), "/_cat/nodes?format=json&h=name")));
        assertEquals(3, cluster.urls().size());
    }

    @Test
    void every_node_runs_the_knn_plugin() throws Exception {
        JsonNode plugins = get(cluster.url(), "/_cat/plugins?format=json&h=name,component");
        Set<String> withKnn = new LinkedHashSet<>();
        plugins.forEach(row -> {
            if (row.path("component").asText().equals("opensearch-knn")) {
                withKnn.add(row.path("name").asText());
            }
        });
        assertEquals(NODES, withKnn, plugins::toString);
    }

    @Test
    void each_node_is_its_own_jvm_and_none_runs_as_root() throws Exception {
        Set<Long> pids = new LinkedHashSet<>();
        for (int node = 0; node < 3; node++) {
            ProcessHandle jvm = ProcessHandle.of(cluster.pid(node)).orElseThrow();
            assertTrue(jvm.info().arguments().map(List::of).orElseThrow()
                    .contains("org.opensearch.bootstrap.OpenSearch"), () -> jvm.info().toString());
            assertNotEquals("root", jvm.info().user().orElseThrow());
            pids.add(jvm.pid());
        }
        assertEquals(3, pids.size());
    }

    @Test
    void a_knn_index_over_three_shards_with_replicas_answers_nearest_neighbour_queries() throws Exception {
        String index = vectorIndex("vectors");
        JsonNode settings = get(cluster.url(), "/" + index + "/_settings").path(index).path("settings").path("index");
        assertEquals("3", settings.path("number_of_shards").asText());
        assertEquals("1", settings.path("number_of_replicas").asText());
        assertEquals(List.of("north", "north-east"), nearest(cluster.url(), index, 2));
    }

    @Test
    void a_killed_node_leaves_the_cluster_yellow_and_searchable_and_rejoins_green_on_restart() throws Exception {
        String index = vectorIndex("failover");
        cluster.awaitStatus("green", GREEN); // every replica allocated before a node goes
        int manager = List.of("node-0", "node-1", "node-2")
                .indexOf(get(cluster.url(), "/_cat/cluster_manager?format=json").get(0).path("node").asText());
        long pid = cluster.pid(manager);

        cluster.kill(manager);
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the killed JVM is gone");
        List<String> seen = statusesUntil("yellow", Duration.ofMinutes(2));
        assertFalse(seen.contains("red"), seen::toString);
        URI survivor = cluster.urls().get((manager + 1) % 3);
        assertEquals(2, get(survivor, "/_cat/nodes?format=json").size());
        assertEquals(List.of("north", "north-east"), nearest(survivor, index, 2));
        assertEquals(POINTS.size(), get(survivor, "/" + index + "/_count").path("count").asInt());

        cluster.restart(manager);
        cluster.awaitStatus("green", GREEN);
        assertEquals("green", cluster.health());
        assertEquals(NODES, names(get(cluster.url(), "/_cat/nodes?format=json&h=name")));
        assertNotEquals(pid, cluster.pid(manager));
        assertEquals(List.of("north", "north-east"), nearest(cluster.urls().get(manager), index, 2));
    }

    /** Creates this class's index {@code name}: 3 shards, 1 replica, a cosine HNSW (Lucene) vector of 4; fills it. */
    private String vectorIndex(String name) throws Exception {
        String index = OpenSearchClusterExtension.indexName(getClass(), name);
        send(cluster.url(), "PUT", "/" + index + "?wait_for_active_shards=all", "application/json", """
                {"settings": {"index": {"number_of_shards": 3, "number_of_replicas": 1, "knn": true}},
                 "mappings": {"properties": {
                   "name": {"type": "keyword"},
                   "embedding": {"type": "knn_vector", "dimension": 4,
                     "method": {"name": "hnsw", "engine": "lucene", "space_type": "cosinesimil"}}}}}
                """);
        StringBuilder bulk = new StringBuilder();
        for (Point point : POINTS) {
            bulk.append("{\"index\": {\"_id\": \"").append(point.name()).append("\"}}\n")
                    .append(json.writeValueAsString(json.createObjectNode().put("name", point.name())
                            .set("embedding", json.valueToTree(point.vector())))).append('\n');
        }
        JsonNode indexed = send(cluster.url(), "POST", "/" + index + "/_bulk?refresh=true", "application/x-ndjson",
                bulk.toString());
        assertFalse(indexed.path("errors").asBoolean(), indexed::toString);
        return index;
    }

    /** The names of the {@code k} points nearest to a vector between north and east, nearest first. */
    private List<String> nearest(URI node, String index, int k) throws Exception {
        JsonNode hits = send(node, "POST", "/" + index + "/_search", "application/json", """
                {"size": %d, "query": {"knn": {"embedding": {"vector": [0.9, 0.1, 0, 0], "k": %d}}}}
                """.formatted(k, k)).path("hits").path("hits");
        return StreamSupport.stream(hits.spliterator(), false).map(hit -> hit.path("_id").asText()).toList();
    }

    /** Every status the cluster reports until it reports {@code status}; a moment without an answer is skipped. */
    private List<String> statusesUntil(String status, Duration timeout) throws Exception {
        List<String> seen = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (seen.isEmpty() || !seen.getLast().equals(status)) {
            assertTrue(Instant.now().isBefore(deadline), () -> "not " + status + " after " + timeout + ": " + seen);
            try {
                seen.add(cluster.health());
            } catch (IOException electing) {
                // no cluster manager for a moment: the survivors are electing one
            }
            Thread.sleep(250);
        }
        return seen;
    }

    private static Set<String> names(JsonNode rows) {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(row -> names.add(row.path("name").asText()));
        return names;
    }

    private JsonNode get(URI node, String path) throws Exception {
        return send(node, "GET", path, "application/json", null);
    }

    private JsonNode send(URI node, String method, String path, String type, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(node.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", type)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), () -> method + " " + path + ": " + response.body());
        return json.readTree(response.body());
    }
}
