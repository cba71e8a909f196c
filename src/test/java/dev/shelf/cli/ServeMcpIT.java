package dev.shelf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.embed.SharedEncoder;
import dev.shelf.search.BundledIndex;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real {@code shelf serve} process answers MCP's streamable HTTP at {@code /mcp} with the same tools as
 * {@code shelf mcp}, and refuses a request from a page of another origin as the write guard does.
 */
class ServeMcpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    private static ServingProcess served;

    @BeforeAll
    static void start() throws Exception {
        served = ServingProcess.start(new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector",
                "-jar", Path.of("target/shelf.jar").toAbsolutePath().toString(), "serve", "--port", "0",
                "--index", BundledIndex.get().root().toString(),
                "--models", SharedEncoder.MODEL_DIR.toAbsolutePath().toString()));
        // It listens before its build is open: the tools answer "being built" until health does.
        try (HttpClient http = HttpClient.newHttpClient()) {
            long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (http.send(HttpRequest.newBuilder(URI.create(base() + "/api/health")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                if (System.nanoTime() > until) {
                    throw new AssertionError("serve never became ready: " + served.output());
                }
                Thread.sleep(100);
            }
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (served != null) {
            served.stop();
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + served.port();
    }

    @Test
    void the_sdk_client_lists_the_tools_and_searches_over_streamable_http() {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base())
                .endpoint("/mcp").jsonMapper(new JacksonMcpJsonMapper(JSON)).build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(120)).build();
        try {
            client.initialize();
            assertEquals(List.of("search", "related", "get_resource", "list_sources"),
                    client.listTools().tools().stream().map(Tool::name).toList());
            // The first search may wait for the models, which serve loads in the background.
            CallToolResult result = client.callTool(new CallToolRequest("search",
                    Map.of("query", "how do I merge models", "k", 3)));
            assertFalse(Boolean.TRUE.equals(result.isError()), result::toString);
            JsonNode found = JSON.valueToTree(result.structuredContent());
            assertTrue(found.get("results").toString().toLowerCase().contains("mergekit"), found::toString);
            JsonNode lists = JSON.valueToTree(client.callTool(new CallToolRequest("list_sources", Map.of()))
                    .structuredContent()).get("lists");
            assertEquals(5, lists.size(), lists::toString);
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void a_page_of_another_origin_is_refused_and_the_servers_own_origin_is_not() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> foreign = http.send(initialize("http://evil.example:" + served.port()),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, foreign.statusCode(), foreign::body);
            assertEquals("forbidden", JSON.readTree(foreign.body()).get("error").asText());
            HttpResponse<String> own = http.send(initialize("http://localhost:" + served.port()),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, own.statusCode(), own::body);
            assertTrue(own.body().contains("\"serverInfo\""), own::body);
        }
    }

    @Test
    void a_bad_request_is_answered_with_its_json_rpc_error_and_no_stack_trace() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (String body : List.of("garbage", "{}", "[1,2]")) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + "/mcp"))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, () -> answer.statusCode() + " "
                        + answer.body());
                assertFalse(answer.body().contains("stackTrace"), answer::body);
                assertFalse(answer.body().contains("dev.shelf"), answer::body);
            }
        }
    }

    private static HttpRequest initialize(String origin) {
        return HttpRequest.newBuilder(URI.create(base() + "/mcp"))
                .header("Origin", origin)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)).build();
    }
}
