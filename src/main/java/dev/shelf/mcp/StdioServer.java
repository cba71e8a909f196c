package dev.shelf.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Shelf's tools served over stdio with the SDK's transport: JSON-RPC messages one a line, read from the client's
 * input and written to the protocol stream, which nothing else may write to (the caller sends every log line to
 * stderr).
 */
public final class StdioServer {

    /** What the client is told of the server as a whole, before any tool's description. */
    static final String INSTRUCTIONS = "Shelf searches the user's own reading lists about AI and machine learning."
            + " Use search first (with keywords and a short hypothetical answer beside the question for the best"
            + " results), then get_resource or related on a result's id; list_sources names the lists.";

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
        McpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
        JsonRpcLines lines = new JsonRpcLines(input, protocol, json);
        McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(json, lines, protocol))
                .serverInfo("shelf", version)
                .instructions(INSTRUCTIONS)
                .jsonMapper(json)
                .capabilities(ServerCapabilities.builder().tools(false).build())
                // ShelfTools checks the arguments itself, with messages an assistant can act on.
                .validateToolInputs(false)
                .tools(ToolCatalog.of(tools, json))
                .build();
        try {
            lines.awaitEnd();
        } finally {
            server.closeGracefully();
        }
    }
}
