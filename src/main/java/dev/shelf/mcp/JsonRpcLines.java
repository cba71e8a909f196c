package dev.shelf.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's input as the SDK's stdio transport reads it, without the lines it would die of: that transport ends
 * the session at the first line that is not a JSON-RPC message. Such a line is answered here with a JSON-RPC error
 * (-32700 for a line that is not JSON, -32600 for JSON that is no JSON-RPC message, with its id when it has one),
 * written under the same lock the transport writes its messages under, and the next line is read; blank lines are
 * skipped. The end of the input is also the end of the session, once the requests read are answered:
 * {@link #awaitEnd} returns then.
 * NOTE: read by one thread (the transport's).
 */
final class JsonRpcLines extends InputStream {

    private static final Logger LOG = LoggerFactory.getLogger(JsonRpcLines.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;

    private final BufferedReader source;
    private final PendingRequests protocol;
    private final McpJsonMapper mapper;
    private final Duration answerLimit;
    private final CountDownLatch ended = new CountDownLatch(1);
    private byte[] line = new byte[0];
    private int next;

    /**
     * @param source the client's messages, one a line
     * @param protocol where the transport writes its messages (an error answer is written there, under its lock); told
     *                 of each request read, so that the end of the input waits for its answer
     * @param mapper the transport's JSON mapper, so that a line passes exactly when the transport can read it
     * @param answerLimit how long the end of the input waits for the requests read to be answered
     */
    JsonRpcLines(InputStream source, PendingRequests protocol, McpJsonMapper mapper, Duration answerLimit) {
        this.source = new BufferedReader(new InputStreamReader(source, StandardCharsets.UTF_8));
        this.protocol = protocol;
        this.mapper = mapper;
        this.answerLimit = answerLimit;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return line[next++] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, line.length - next);
        System.arraycopy(line, next, into, offset, n);
        next += n;
        return n;
    }

    /** Waits until the client's input has ended. */
    void awaitEnd() throws InterruptedException {
        ended.await();
    }

    private void awaitAnswers() {
        try {
            protocol.awaitAnswered(answerLimit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Makes sure some of a good line is left to read; false at the end of the input. */
    private boolean fill() throws IOException {
        while (next == line.length) {
            String text;
            try {
                text = source.readLine();
            } catch (IOException e) {
                ended.countDown();
                throw e;
            }
            if (text == null) {
                // The transport drops what it has not answered once its input ends: the end waits for the answers.
                awaitAnswers();
                ended.countDown();
                return false;
            }
            if (text.isBlank()) {
                continue;
            }
            McpSchema.JSONRPCMessage message;
            try {
                message = McpSchema.deserializeJsonRpcMessage(mapper, text);
            } catch (Exception e) {
                refuse(text);
                continue;
            }
            if (message instanceof McpSchema.JSONRPCRequest request && request.id() != null) {
                protocol.requested(JSON.valueToTree(request.id()));
            }
            line = (text + "\n").getBytes(StandardCharsets.UTF_8);
            next = 0;
        }
        return true;
    }

    /** Answers a line that is no JSON-RPC message with the error the protocol names for it. */
    private void refuse(String text) throws IOException {
        ObjectNode error = JSON.createObjectNode();
        error.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        JsonNode parsed;
        try {
            parsed = JSON.readTree(text);
        } catch (IOException notJson) {
            parsed = null;
        }
        JsonNode id = parsed != null && parsed.has("id") && (parsed.get("id").isTextual() || parsed.get("id").isNumber())
                ? parsed.get("id") : null;
        error.set("id", id);
        ObjectNode body = error.putObject("error");
        body.put("code", parsed == null ? PARSE_ERROR : INVALID_REQUEST);
        body.put("message", parsed == null ? "Parse error: the line is not JSON" : "Invalid Request: not a JSON-RPC"
                + " 2.0 request, notification or response");
        LOG.warn("answered a line that is not a JSON-RPC message with error {}", body.get("code"));
        byte[] answer = (JSON.writeValueAsString(error) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (protocol) {
            protocol.write(answer);
            protocol.flush();
        }
    }
}
