package dev.shelf.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client's input as the transport reads it: good lines pass, bad ones are answered with a JSON-RPC error. */
class JsonRpcLinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    @Test
    void messages_pass_and_blank_lines_go_and_bad_lines_are_answered_with_their_error_and_id() throws Exception {
        String input = String.join("\n", "not json {", "", PING, "{\"id\": 7, \"hello\": true}", "[1, 2]",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}") + "\n";
        ByteArrayOutputStream protocol = new ByteArrayOutputStream();
        PendingRequests pending = new PendingRequests(protocol);
        JsonRpcLines lines = new JsonRpcLines(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                pending, new JacksonMcpJsonMapper(JSON), Duration.ofMillis(100));
        String passed = new String(lines.readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(PING + "\n{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n", passed);
        List<JsonNode> answers = protocol.toString(StandardCharsets.UTF_8).lines().map(JsonRpcLinesTest::tree).toList();
        assertEquals(3, answers.size());
        assertEquals(JsonRpcLines.PARSE_ERROR, answers.get(0).at("/error/code").asInt());
        assertEquals("2.0", answers.get(0).get("jsonrpc").asText());
        assertEquals(true, answers.get(0).get("id").isNull());
        assertEquals(JsonRpcLines.INVALID_REQUEST, answers.get(1).at("/error/code").asInt());
        assertEquals(7, answers.get(1).get("id").asInt(), "the id of a bad request, when it has one");
        assertEquals(JsonRpcLines.INVALID_REQUEST, answers.get(2).at("/error/code").asInt());
        // The end of the input is the end of the session.
        assertTimeoutPreemptively(Duration.ofSeconds(5), lines::awaitEnd);
        assertEquals(false, pending.awaitAnswered(Duration.ofMillis(50)),
                "the ping read is not answered: the end waited for it only so long");
        pending.write("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(true, pending.awaitAnswered(Duration.ofMillis(50)), "answered once its result is written");
    }

    @Test
    void the_end_waits_for_the_answers_of_requests_still_running() throws Exception {
        PendingRequests pending = new PendingRequests(new ByteArrayOutputStream());
        pending.requested(JSON.readTree("\"a\""));
        pending.requested(JSON.readTree("2"));
        Thread answering = new Thread(() -> {
            try {
                Thread.sleep(200);
                pending.write("{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{\"code\":-1,\"message\":\"x\"}}\n{\"jsonrpc\":"
                        .getBytes(StandardCharsets.UTF_8));
                pending.write("\"2.0\",\"id\":\"a\",\"result\":{}}\n".getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        answering.start();
        assertEquals(true, pending.awaitAnswered(Duration.ofSeconds(5)), "both answered, the second across two writes");
        answering.join();
        pending.requested(JSON.readTree("3"));
        assertEquals(false, pending.awaitAnswered(Duration.ofMillis(100)), "an unanswered request is waited for only so long");
    }

    private static JsonNode tree(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
