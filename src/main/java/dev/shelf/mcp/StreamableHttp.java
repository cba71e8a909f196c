package dev.shelf.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.http.HttpServlet;

/**
 * Shelf's tools over MCP's streamable HTTP transport, as the SDK's servlet, for a web server to mount at
 * {@value #PATH} (behind its own rule for who may reach it). Close it before the web server stops.
 */
public final class StreamableHttp implements AutoCloseable {

    /** Where the servlet answers. */
    public static final String PATH = "/mcp";

    private final HttpServletStreamableServerTransportProvider servlet;
    private final McpSyncServer server;

    /** @param version the server version clients are told */
    public StreamableHttp(ShelfTools tools, String version) {
        McpJsonMapper json = ToolCatalog.jsonMapper();
        this.servlet = HttpServletStreamableServerTransportProvider.builder().jsonMapper(json).mcpEndpoint(PATH)
                .build();
        this.server = ToolCatalog.server(McpServer.sync(servlet), tools, json, version);
    }

    /** The servlet that answers at {@link #PATH}. */
    public HttpServlet servlet() {
        return servlet;
    }

    /** Ends every session. */
    @Override
    public void close() {
        server.closeGracefully();
    }
}
