package dev.shelf.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * Shelf's tools served over stdio with the SDK's transport: JSON-RPC messages one a line, read from the client's
 * input and written to the protocol stream, which nothing else may write to (the caller sends every log line to
 * stderr).
 */
public final class StdioServer {

    /** How long requests still running at the end of the input may take to be answered. */
    private static final Duration ANSWER_LIMIT = Duration.ofSeconds(30);

    private StdioServer() {
    }

    /**
     * Serves until the client's input ends (the client closed it, or exited) and the requests read are answered.
     *
     * @param input the client's messages
     * @param protocol where the answers go: stdout, and only they
     * @param version the server version the client is told
     */
    public static void serve(ShelfTools tools, InputStream input, OutputStream protocol, String version)
            throws InterruptedException {
        McpJsonMapper json = ToolCatalog.jsonMapper();
        PendingRequests answers = new PendingRequests(protocol);
        JsonRpcLines lines = new JsonRpcLines(input, answers, json, ANSWER_LIMIT);
        McpSyncServer server = ToolCatalog.server(McpServer.sync(new StdioServerTransportProvider(json, lines,
                answers)), tools, json, version);
        try {
            lines.awaitEnd();
        } finally {
            server.closeGracefully();
        }
    }
}
