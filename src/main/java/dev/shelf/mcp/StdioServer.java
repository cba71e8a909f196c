package dev.shelf.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Shelf's tools served over stdio with the SDK's transport: JSON-RPC messages one a line, read from the client's
 * input and written to the protocol stream, which nothing else may write to (the caller sends every log line to
 * stderr).
 */
public final class StdioServer {

    private StdioServer() {
    }

    /**
     * Serves until the client's input ends (the client closed it, or exited).
     *
     * @param input the client's messages
     * @param protocol where the answers go: stdout, and only they
     * @param version the server version the client is told
     */
    public static void serve(ShelfTools tools, InputStream input, OutputStream protocol, String version)
            throws InterruptedException {
        McpJsonMapper json = ToolCatalog.jsonMapper();
        JsonRpcLines lines = new JsonRpcLines(input, protocol, json);
        McpSyncServer server = ToolCatalog.server(McpServer.sync(new StdioServerTransportProvider(json, lines,
                protocol)), tools, json, version);
        try {
            lines.awaitEnd();
        } finally {
            server.closeGracefully();
        }
    }
}
