package dev.shelf.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A read whose node dropped out while it ran is sent once more; a write, or any other error, is not. A loopback HTTP
 * server of the JDK stands in for a node (the real cluster's failover is ClusterFailoverIT's).
 */
class ClusterClientRetryTest {

    private static final String NODE_LEFT = "{\"error\":{\"root_cause\":[{\"type\":\"node_disconnected_exception\","
            + "\"reason\":\"[node-1] disconnected\"}],\"type\":\"search_phase_execution_exception\"},\"status\":500}";

    /** Answers the first request 500 with the given body, every later one 200 {"ok": true}; counts them. */
    private static int requestsFor(String method, String endpoint, String firstBody, boolean expectFailure)
            throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer node = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        node.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean first = requests.incrementAndGet() == 1;
            byte[] answer = (first ? firstBody : "{\"ok\": true}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(first ? 500 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        node.start();
        try {
            ClusterClient client = ClusterClient.connect(ClusterAddress.parse(
                    "http://127.0.0.1:" + node.getAddress().getPort(), "shelf", Map.of()));
            if (expectFailure) {
                assertThrows(ClusterException.class, () -> client.send(method, endpoint, ClusterClient.object()));
            } else {
                assertEquals(true, client.send(method, endpoint, ClusterClient.object()).path("ok").asBoolean());
            }
            return requests.get();
        } finally {
            node.stop(0);
        }
    }

    @Test
    void a_search_whose_node_left_while_it_ran_is_sent_once_more_and_answers() throws IOException {
        assertEquals(2, requestsFor("POST", "/shelf/_search?search_type=dfs_query_then_fetch", NODE_LEFT, false));
    }

    @Test
    void a_write_or_another_error_is_not_sent_again() throws IOException {
        assertEquals(1, requestsFor("POST", "/shelf/_bulk", NODE_LEFT, true));
        assertEquals(1, requestsFor("POST", "/shelf/_search", "{\"error\":{\"type\":\"query_shard_exception\"},"
                + "\"status\":500}", true));
    }
}
