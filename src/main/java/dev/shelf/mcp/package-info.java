/**
 * Shelf for AI assistants: the Model Context Protocol server of {@code shelf mcp}, built on the official MCP Java SDK.
 * {@link dev.shelf.mcp.ShelfTools} is what the tools do (search, related, get_resource, list_sources: read-only, each
 * bad argument a tool result with {@code isError} and a plain message, {@link dev.shelf.mcp.ToolArguments});
 * {@link dev.shelf.mcp.ToolCatalog} is how an assistant sees them (descriptions, input and output schemas);
 * {@link dev.shelf.mcp.StdioServer} serves them over stdin and stdout, where only protocol messages may go, and
 * {@link dev.shelf.mcp.JsonRpcLines} keeps a malformed line from ending the session. Reaches the index only through
 * the search service, as the web layer does.
 */
package dev.shelf.mcp;
