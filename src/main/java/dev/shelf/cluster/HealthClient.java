package dev.shelf.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks one node for the cluster's health ({@code GET /_cluster/health}), over plain HTTP on loopback: the
 * distribution has no security plugin.
 */
final class HealthClient implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Beyond the time the node is asked to wait, for it to answer. */
    private static final Duration ANSWER_MARGIN = Duration.ofSeconds(5);

    /** The cluster's health as one node sees it: its status, and whether a wait for a status ran out first. */
    record Health(String status, boolean timedOut) {
    }

    private final HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    /** The health now. */
    Health health(URI node) throws IOException, InterruptedException {
        return get(node.resolve("/_cluster/health"), Duration.ZERO);
    }

    /**
     * The health once the status is {@code status} or better and {@code nodes} nodes have joined, or once
     * {@code wait} has passed (then {@code timedOut}).
     */
    Health await(URI node, String status, int nodes, Duration wait) throws IOException, InterruptedException {
        long seconds = Math.max(1, wait.toSeconds());
        return get(node.resolve("/_cluster/health?wait_for_status=" + status + "&wait_for_nodes=" + nodes
                + "&timeout=" + seconds + "s&cluster_manager_timeout=" + seconds + "s"), Duration.ofSeconds(seconds));
    }

    private Health get(URI uri, Duration wait) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(wait.plus(ANSWER_MARGIN)).GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        // 408 is a wait that ran out: its body is still the health. Anything else (503 without a cluster manager)
        // carries an error, whose "status" is the HTTP code.
        if (response.statusCode() != 200 && response.statusCode() != 408) {
            throw new IOException(uri.getAuthority() + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode health = json.readTree(response.body());
        return new Health(health.path("status").asText(), health.path("timed_out").asBoolean());
    }

    @Override
    public void close() {
        client.close();
    }
}
