package dev.shelf.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.embed.SharedEncoder;
import dev.shelf.search.BundledIndex;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar target/shelf.jar mcp} over the bundled index, as an assistant starts it: the SDK's own client lists
 * the tools and calls each one, answers checked for content; then a raw session sends a malformed line, and every line
 * the server wrote to stdout is a JSON-RPC message while its log lines went to stderr.
 */
class McpServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MERGE_ANSWER = "Model merging combines the weights of several fine-tuned language"
            + " models into one model without training, with methods such as SLERP, TIES and DARE.";
    private static McpSyncClient client;

    /** The server's command line: the packaged jar, over the bundled index built with the test model. */
    private static List<String> command() {
        return List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector",
                "-jar", Path.of("target/shelf.jar").toAbsolutePath().toString(), "mcp",
                "--index", BundledIndex.get().root().toString(),
                "--models", SharedEncoder.MODEL_DIR.toAbsolutePath().toString());
    }

    @BeforeAll
    static void start() {
        List<String> command = command();
        StdioClientTransport transport = new StdioClientTransport(ServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size())).build(), new JacksonMcpJsonMapper(JSON));
        transport.setStdErrorHandler(line -> { });
        client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(120)).build();
        client.initialize();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.closeGracefully();
        }
    }

    private static CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(new CallToolRequest(tool, arguments));
    }

    /** The structured answer of a call that must succeed. */
    private static JsonNode answer(CallToolResult result) {
        assertFalse(Boolean.TRUE.equals(result.isError()), () -> text(result));
        return JSON.valueToTree(result.structuredContent());
    }

    /** The message of a call that must fail. */
    private static String error(CallToolResult result) {
        assertTrue(Boolean.TRUE.equals(result.isError()), result::toString);
        return text(result);
    }

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }

    private static List<String> titles(JsonNode found, int first) {
        return StreamSupport.stream(found.get("results").spliterator(), false).limit(first)
                .map(r -> r.get("title").asText()).toList();
    }

    private static boolean mentionsMergekit(List<String> titles) {
        return titles.stream().anyMatch(t -> t.toLowerCase().contains("mergekit"));
    }

    @Test
    void the_four_tools_are_listed_read_only_with_schemas_and_a_description_that_says_how_to_search() {
        List<Tool> tools = client.listTools().tools();
        assertEquals(List.of("search", "related", "get_resource", "list_sources"), tools.stream().map(Tool::name).toList());
        Tool search = tools.get(0);
        assertTrue(search.description().contains("keywords") && search.description().contains("hypothetical answer"),
                search.description());
        assertEquals(List.of("query", "keywords", "answer", "k", "mode", "lists"),
                List.copyOf(((Map<?, ?>) search.inputSchema().get("properties")).keySet()));
        assertTrue(search.outputSchema().containsKey("properties"), "search declares its output");
        tools.forEach(tool -> assertEquals(true, tool.annotations().readOnlyHint(), tool.name()));
    }

    @Test
    void search_finds_the_mergekit_article_for_the_question_and_for_keywords_with_an_answer() {
        JsonNode asked = answer(call("search", Map.of("query", "how do I merge models", "k", 5)));
        assertTrue(mentionsMergekit(titles(asked, 3)), asked.toString());
        assertEquals(5, asked.get("results").size());
        JsonNode first = asked.at("/results/0");
        assertFalse(first.get("snippet").asText().contains("<mark>"), "a plain-text snippet");
        assertTrue(first.at("/sources/0/line").asInt() > 0, "the line of the list that mentions it");

        JsonNode typed = answer(call("search", Map.of("keywords", "mergekit model merging", "answer", MERGE_ANSWER)));
        assertTrue(mentionsMergekit(titles(typed, 3)), typed.toString());
        JsonNode all = answer(call("search", Map.of("query", "how do I merge models",
                "keywords", "mergekit model merging", "answer", MERGE_ANSWER, "mode", "hybrid")));
        assertTrue(mentionsMergekit(titles(all, 3)), all.toString());
    }

    @Test
    void related_get_resource_and_list_sources_answer_about_the_same_index() {
        JsonNode found = answer(call("search", Map.of("keywords", "mergekit", "k", 10)));
        String id = StreamSupport.stream(found.get("results").spliterator(), false)
                .filter(r -> r.get("title").asText().toLowerCase().contains("mergekit"))
                .findFirst().orElseThrow(() -> new AssertionError(found.toString())).get("id").asText();

        JsonNode resource = answer(call("get_resource", Map.of("id", id)));
        assertEquals(id, resource.get("id").asText());
        assertTrue(resource.get("title").asText().toLowerCase().contains("mergekit"));
        assertTrue(resource.has("description") && resource.has("sources") && resource.has("metadata"));

        JsonNode related = answer(call("related", Map.of("id", id, "k", 4)));
        assertEquals(4, related.get("results").size());
        related.get("results").forEach(r -> assertFalse(r.get("id").asText().equals(id), "never itself"));

        JsonNode lists = answer(call("list_sources", Map.of())).get("lists");
        assertEquals(5, lists.size());
        lists.forEach(list -> {
            assertEquals("ready", list.get("state").asText(), list.toString());
            assertTrue(list.get("resources").asInt() > 0, list.toString());
            assertFalse(list.get("format").isNull(), list.toString());
        });
    }

    @Test
    void bad_arguments_are_error_results_in_plain_words_and_the_session_goes_on() {
        assertTrue(error(call("search", Map.of("query", " "))).startsWith("Give at least one of query"));
        assertTrue(error(call("search", Map.of("query", "lora", "k", 0))).startsWith("k must be a whole number"));
        assertTrue(error(call("search", Map.of("query", "lora", "lists", List.of("nope"))))
                .contains("llm-powerhouse"), "names the lists");
        assertTrue(error(call("get_resource", Map.of("id", "no-such-id"))).startsWith("No resource with id"));
        assertTrue(error(call("related", Map.of("id", "no-such-id"))).startsWith("No resource with id"));
        assertFalse(answer(call("search", Map.of("query", "lora"))).get("results").isEmpty());
    }

    @Test
    void a_malformed_line_is_answered_and_every_stdout_line_is_json_rpc_while_logs_go_to_stderr(@TempDir Path dir)
            throws Exception {
        Path stderr = dir.resolve("stderr.txt");
        Process server = new ProcessBuilder(command()).redirectError(stderr.toFile()).start();
        List<String> stdout = new ArrayList<>();
        try (Writer in = server.outputWriter(StandardCharsets.UTF_8);
             BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                     StandardCharsets.UTF_8))) {
            assertTimeoutPreemptively(Duration.ofSeconds(180), () -> {
                send(in, INITIALIZE);
                stdout.add(out.readLine());
                send(in, INITIALIZED);
                send(in, "this is not JSON {");
                stdout.add(out.readLine());
                send(in, toolCall(2, "search", MERGE_QUESTION));
                stdout.add(out.readLine());
                in.close();
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    stdout.add(line);
                }
                assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server ends with its input");
            });
        } finally {
            server.destroyForcibly();
        }
        assertEquals(0, server.exitValue());
        List<JsonNode> messages = new ArrayList<>();
        for (String line : stdout) {
            JsonNode message;
            try {
                message = JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("a stdout line that is not JSON: " + line, e);
            }
            assertEquals("2.0", message.path("jsonrpc").asText(), line);
            messages.add(message);
        }
        assertEquals(1, messages.get(0).get("id").asInt());
        assertEquals(JsonRpcLines.PARSE_ERROR, messages.get(1).at("/error/code").asInt());
        assertEquals(2, messages.get(2).get("id").asInt());
        assertTrue(messages.get(2).at("/result/structuredContent/results").toString().toLowerCase().contains("mergekit"),
                messages.get(2).toString());
        String log = Files.readString(stderr);
        assertTrue(log.contains("serving "), "Shelf's own lines went to stderr: " + log);
        assertTrue(log.contains("not a JSON-RPC message"), log);
    }

    @Test
    void requests_sent_just_before_the_input_closes_are_all_answered() throws Exception {
        Process server = new ProcessBuilder(command()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Integer> answered = new ArrayList<>();
        try (Writer in = server.outputWriter(StandardCharsets.UTF_8);
             BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                     StandardCharsets.UTF_8))) {
            assertTimeoutPreemptively(Duration.ofSeconds(180), () -> {
                send(in, INITIALIZE);
                send(in, INITIALIZED);
                send(in, toolCall(2, "list_sources", "{}"));
                send(in, toolCall(3, "search", MERGE_QUESTION));
                in.close();
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    answered.add(JSON.readTree(line).get("id").asInt());
                }
                assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server ends once it has answered");
            });
        } finally {
            server.destroyForcibly();
        }
        assertEquals(List.of(1, 2, 3), answered.stream().sorted().toList());
    }

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    private static final String MERGE_QUESTION = "{\"query\":\"how do I merge models\",\"k\":3}";

    /** A raw tools/call line. */
    private static String toolCall(int id, String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    private static void send(Writer in, String line) throws IOException {
        in.write(line + "\n");
        in.flush();
    }
}
