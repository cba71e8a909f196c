package dev.shelf.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Request;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * JSON over HTTP to an OpenSearch cluster, through the OpenSearch Java client's generic API and its Apache HttpClient 5
 * transport: requests go round the given nodes and a node that fails is set aside and retried later, so a cluster
 * with a dead node keeps answering. Every failure is a {@link ClusterException} saying what to do. https uses the
 * JDK's trust store; credentials, when given, go by HTTP basic authentication. NOTE: thread-safe.
 */
public final class ClusterClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";
    private static final String NDJSON_TYPE = "application/x-ndjson";
    /** The plugin every node needs: Shelf's vector fields are k-NN fields. */
    static final String KNN_PLUGIN = "opensearch-knn";

    private final ClusterAddress address;
    private final ApacheHttpClient5Transport transport;
    private final OpenSearchGenericClient client;

    private ClusterClient(ClusterAddress address, ApacheHttpClient5Transport transport) {
        this.address = address;
        this.transport = transport;
        this.client = new OpenSearchGenericClient(transport);
    }

    /** A client of the cluster; nothing is sent until a request is made ({@link #checkUsable()} makes the first). */
    public static ClusterClient connect(ClusterAddress address) {
        HttpHost[] hosts = address.nodes().stream().map(ClusterClient::host).toArray(HttpHost[]::new);
        ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(hosts)
                .setRequestConfigCallback(config -> config
                        .setConnectTimeout(Timeout.of(5, TimeUnit.SECONDS))
                        .setResponseTimeout(Timeout.of(120, TimeUnit.SECONDS)));
        if (address.user() != null) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            for (HttpHost host : hosts) {
                credentials.setCredentials(new AuthScope(host), new UsernamePasswordCredentials(address.user(),
                        address.password().toCharArray()));
            }
            builder.setHttpClientConfigCallback(client -> client.setDefaultCredentialsProvider(credentials));
        }
        return new ClusterClient(address, builder.build());
    }

    private static HttpHost host(URI node) {
        int port = node.getPort() != -1 ? node.getPort() : "https".equals(node.getScheme()) ? 443 : 9200;
        return new HttpHost(node.getScheme(), node.getHost(), port);
    }

    public ClusterAddress address() {
        return address;
    }

    /**
     * Checks that the address is an OpenSearch cluster Shelf can use: it answers, accepts the credentials, and has
     * the k-NN plugin on every node.
     *
     * @return the cluster's OpenSearch version
     * @throws ClusterException saying what is wrong and what to do
     */
    public String checkUsable() throws ClusterException {
        JsonNode root = get("/").orElseThrow(() -> notOpenSearch("no answer at /"));
        String version = root.path("version").path("number").asText("");
        if (version.isEmpty() || !root.has("cluster_name")) {
            throw notOpenSearch("its answer to / names no cluster and version");
        }
        if (!supported(version)) {
            throw new ClusterException("OpenSearch at " + address.where() + " is version " + version + "; Shelf needs "
                    + "2.4 or later (k-NN filters on the Lucene engine)");
        }
        JsonNode plugins = send("GET", "/_cat/plugins?format=json", null);
        JsonNode nodes = send("GET", "/_cat/nodes?format=json&h=name", null);
        Set<String> without = nodesWithoutKnn(plugins, nodes);
        if (!without.isEmpty()) {
            throw new ClusterException("the OpenSearch cluster at " + address.where() + " has no k-NN plugin ("
                    + KNN_PLUGIN + ") on " + (without.size() == nodes.size() ? "any node" : "node(s) " + without)
                    + ": install it on every node (bin/opensearch-plugin install " + KNN_PLUGIN + ")");
        }
        return version;
    }

    /** Whether a version number ("2.19.1", "3.5.0") is 2.4 or later. */
    static boolean supported(String version) {
        String[] parts = version.split("[.-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > 2 || (major == 2 && minor >= 4);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The names of the nodes (of {@code _cat/nodes}) that {@code _cat/plugins} lists without the k-NN plugin. */
    static Set<String> nodesWithoutKnn(JsonNode plugins, JsonNode nodes) {
        Set<String> withKnn = new TreeSet<>();
        plugins.forEach(p -> {
            if (KNN_PLUGIN.equals(p.path("component").asText())) {
                withKnn.add(p.path("name").asText());
            }
        });
        Set<String> without = new TreeSet<>();
        nodes.forEach(n -> {
            if (!withKnn.contains(n.path("name").asText())) {
                without.add(n.path("name").asText());
            }
        });
        return without;
    }

    private ClusterException notOpenSearch(String why) {
        return new ClusterException(address.where() + " is not an OpenSearch node (" + why + "): check --opensearch");
    }

    /** A GET whose 404 means "there is none". */
    public Optional<JsonNode> get(String endpoint) throws ClusterException {
        return exchange("GET", endpoint, null, JSON_TYPE, true);
    }

    /** A request with a JSON body (or none), answered with JSON. */
    public JsonNode send(String method, String endpoint, JsonNode body) throws ClusterException {
        byte[] bytes = body == null ? null : toBytes(body);
        return exchange(method, endpoint, bytes, JSON_TYPE, false).orElseThrow();
    }

    /** A {@code _bulk} request of newline-delimited JSON. */
    public JsonNode bulk(String endpoint, byte[] ndjson) throws ClusterException {
        return exchange("POST", endpoint, ndjson, NDJSON_TYPE, false).orElseThrow();
    }

    /** A request whose 404 is an answer, not a failure (a missing document or index). */
    public Optional<JsonNode> sendUnlessMissing(String method, String endpoint, JsonNode body) throws ClusterException {
        return exchange(method, endpoint, body == null ? null : toBytes(body), JSON_TYPE, true);
    }

    /** A conditional write's answer: the status code with the body, a 409 (conflict) or 404 being an answer too. */
    public Answer write(String method, String endpoint, JsonNode body) throws ClusterException {
        Answer answer = execute(method, endpoint, body == null ? null : toBytes(body), JSON_TYPE);
        if (answer.status() / 100 == 2 || answer.status() == 409 || answer.status() == 404) {
            return answer;
        }
        throw failure(address, answer.status(), answer.body(), method, endpoint);
    }

    /** What OpenSearch says when a node holding some of a request's shards left the cluster while it ran. */
    private static final String NODE_LEFT = "node_disconnected_exception";
    private static final long RETRY_PAUSE_MS = 200;

    /** A status code with its JSON body. */
    public record Answer(int status, JsonNode body) {
    }

    private Optional<JsonNode> exchange(String method, String endpoint, byte[] body, String type, boolean missingIsEmpty)
            throws ClusterException {
        Answer answer = execute(method, endpoint, body, type);
        if (answer.status() / 100 == 2) {
            return Optional.of(answer.body());
        }
        if (answer.status() == 404 && missingIsEmpty) {
            return Optional.empty();
        }
        throw failure(address, answer.status(), answer.body(), method, endpoint);
    }

    /**
     * Sends one request; any answer is returned, a failure to get one is {@link #unreachable}. A read whose shards were
     * on a node that dropped out while it ran (a node killed between a search's query and fetch phases answers 500
     * {@code node_disconnected_exception}) is sent once more: its shards have moved to their replicas by then.
     */
    private Answer execute(String method, String endpoint, byte[] body, String type) throws ClusterException {
        boolean read = method.equals("GET") || endpoint.contains("/_search") || endpoint.contains("/_mget");
        try {
            Answer answer = executeOnce(method, endpoint, body, type);
            if (!read || answer.status() != 500 || !answer.body().toString().contains(NODE_LEFT)) {
                return answer;
            }
        } catch (ClusterException e) {
            if (!read || e.getMessage() == null || !e.getMessage().contains(NODE_LEFT)) {
                throw e;
            }
        }
        try {
            Thread.sleep(RETRY_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while retrying " + method + " " + endpoint, e);
        }
        return executeOnce(method, endpoint, body, type);
    }

    private Answer executeOnce(String method, String endpoint, byte[] body, String type) throws ClusterException {
        try (Response response = client.execute(request(method, endpoint, body, type))) {
            return new Answer(response.getStatus(), parse(response, method, endpoint));
        } catch (ClusterException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreachable(e);
        }
    }

    private static Request request(String method, String endpoint, byte[] body, String type) {
        Requests.JsonBodyBuilder builder = Requests.builder().method(method).endpoint(endpoint);
        if (body != null) {
            builder.body(Body.from(body, type));
        }
        return builder.build();
    }

    private JsonNode parse(Response response, String method, String endpoint) throws ClusterException {
        Optional<Body> body = response.getBody();
        if (body.isEmpty()) {
            return JSON.createObjectNode();
        }
        String text = body.get().bodyAsString();
        try {
            return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw notOpenSearch("it answered " + method + " " + endpoint + " with HTTP " + response.getStatus()
                    + " and no JSON");
        }
    }

    /** What an answer of the cluster other than 2xx means to the user, and what to do. */
    static ClusterException failure(ClusterAddress address, int status, JsonNode answer, String method,
                                    String endpoint) {
        if (status == 401) {
            return new ClusterException("OpenSearch at " + address.where() + " refused "
                    + (address.user() == null ? "a request without a user name and password" : "the user name and"
                    + " password of " + ClusterAddress.USER_VARIABLE + " (" + address.user() + ")")
                    + " (HTTP 401): set " + ClusterAddress.USER_VARIABLE + " and " + ClusterAddress.PASSWORD_VARIABLE
                    + " to a user of the cluster");
        }
        if (status == 403) {
            return new ClusterException("OpenSearch at " + address.where() + " does not let "
                    + (address.user() == null ? "anonymous requests" : "user " + address.user()) + " " + method + " "
                    + endpoint + " (HTTP 403): give that user the index permissions on " + address.alias() + "*"
                    + " and the cluster's monitor permission");
        }
        JsonNode error = answer.path("error");
        String reason = error.isTextual() ? error.asText()
                : error.path("root_cause").path(0).path("reason").asText(error.path("reason").asText(answer.toString()));
        return new ClusterException("OpenSearch at " + address.where() + " answered HTTP " + status + " to " + method
                + " " + endpoint + ": " + reason);
    }

    private ClusterException unreachable(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String why = cause instanceof ConnectException ? "connection refused"
                : cause instanceof UnknownHostException ? "unknown host " + cause.getMessage()
                : cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return new ClusterException("cannot reach OpenSearch at " + address.where() + " (" + why + "): start the"
                + " cluster or check --opensearch", e);
    }

    private static byte[] toBytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** An empty JSON object to build a request body in. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** The JSON text as a tree (for fixed request bodies). */
    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (IOException e) {
            // Closing sockets of a client no longer used: nothing is lost.
        }
    }
}
