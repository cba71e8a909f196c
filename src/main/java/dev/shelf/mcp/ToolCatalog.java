package dev.shelf.mcp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Shelf's tools as an assistant sees them: names, descriptions it decides from (how to write keywords and an answer
 * included), input schemas, and the output schema of {@code search}; each wired to what {@link ShelfTools} does, in a
 * server of either transport ({@link #server}). Every tool is read-only, and says so in its annotations.
 */
public final class ToolCatalog {

    static final String SEARCH_DESCRIPTION = """
            Search the user's reading lists about AI and machine learning (articles, papers, tools, courses, \
            concepts) and get the best matching resources, best first. Give at least one of query, keywords and \
            answer; for a question in everyday words, give all three: the lists are searched by exact words (BM25) \
            and by meaning (small embedding models), and the question as asked often shares neither with the \
            article that answers it.
            - query: the user's question as asked.
            - keywords: 2 to 6 terms in the field's usual vocabulary, the words a matching article's title or text \
            would use, not the user's words (for "how do transformers keep track of word order": "positional \
            encoding RoPE rotary embeddings"). Searched by words only.
            - answer: a hypothetical answer of one to three sentences, written in the words an article on the \
            subject would use (for the same question: "Transformers add positional encodings to token embeddings; \
            rotary position embeddings (RoPE) rotate query and key vectors by an angle that grows with the \
            position."). It need not be right: it is searched by meaning only, and its vocabulary is what counts.
            Each result has an id (for related and get_resource), title, url, kind, section (headings above it in \
            its list), sources (the lists and lines that mention it), score (higher is better; comparable within \
            one search only), a plain-text snippet, and alsoAt: the addresses of the same work elsewhere (a mirror, \
            the paper's PDF), each work being one result.""";

    private static final String SEARCH_INPUT = """
            {"type": "object", "properties": {
              "query": {"type": "string", "maxLength": 500, "description": "The user's question, as asked."},
              "keywords": {"type": "string", "maxLength": 500,
                "description": "2 to 6 terms in the field's usual vocabulary, for the search by words."},
              "answer": {"type": "string", "maxLength": 500,
                "description": "A hypothetical answer of 1 to 3 sentences in an article's words, for the search by meaning."},
              "k": {"type": "integer", "minimum": 1, "maximum": 50, "default": 10, "description": "How many results."},
              "mode": {"type": "string", "enum": ["hybrid", "lexical", "semantic"], "default": "hybrid",
                "description": "hybrid (words and meaning fused, best), lexical (words only) or semantic (meaning only)."},
              "lists": {"type": "array", "items": {"type": "string"},
                "description": "Only these reading lists, by id (from list_sources); all when absent."}
            }}""";

    private static final String HIT = """
            {"type": "object", "required": ["id", "title", "kind", "section", "sources", "score", "snippet"],
             "properties": {
              "id": {"type": "string"}, "title": {"type": "string"}, "url": {"type": ["string", "null"]},
              "kind": {"type": "string"}, "section": {"type": "array", "items": {"type": "string"}},
              "sources": {"type": "array", "items": {"type": "object", "properties": {
                "id": {"type": "string"}, "name": {"type": "string"},
                "section": {"type": "array", "items": {"type": "string"}}, "line": {"type": "integer"}}}},
              "score": {"type": "number"}, "snippet": {"type": "string"},
              "alsoAt": {"type": "array", "items": {"type": "string"},
                "description": "Other addresses of the same work (mirrors, the PDF of a paper)."}}}""";

    private static final String SEARCH_OUTPUT = """
            {"type": "object", "required": ["query", "keywords", "answer", "mode", "total", "results"],
             "properties": {
              "query": {"type": "string"}, "keywords": {"type": "string"}, "answer": {"type": "string"},
              "mode": {"type": "string"},
              "total": {"type": "integer", "description": "How many resources matched in all, before the cut to k."},
              "results": {"type": "array", "items": %s}}}""".formatted(HIT);

    private static final String RELATED_INPUT = """
            {"type": "object", "required": ["id"], "properties": {
              "id": {"type": "string", "description": "A resource id from a search result."},
              "k": {"type": "integer", "minimum": 1, "maximum": 50, "default": 10, "description": "How many results."}
            }}""";

    private static final String ID_INPUT = """
            {"type": "object", "required": ["id"], "properties": {
              "id": {"type": "string", "description": "A resource id from a search or related result."}
            }}""";

    private static final String NO_INPUT = """
            {"type": "object", "properties": {}}""";

    /** What the client is told of the server as a whole, before any tool's description. */
    static final String INSTRUCTIONS = "Shelf searches the user's own reading lists about AI and machine learning."
            + " Use search first (with keywords and a short hypothetical answer beside the question for the best"
            + " results), then get_resource or related on a result's id; list_sources names the lists.";

    private ToolCatalog() {
    }

    /**
     * The JSON mapper of Shelf's MCP servers (Jackson 2, as the rest of Shelf). The SDK's HTTP transport answers a bad
     * request with its {@link McpError} serialized whole: without the mix-in that is the exception's stack trace too.
     */
    static McpJsonMapper jsonMapper() {
        return new JacksonMcpJsonMapper(new ObjectMapper().addMixIn(McpError.class, ErrorOnly.class));
    }

    /** An {@link McpError} as a client reads it: its JSON-RPC error and message, nothing of the Java exception. */
    @JsonIgnoreProperties({"stackTrace", "cause", "suppressed", "localizedMessage"})
    private abstract static class ErrorOnly {
    }

    /** The server of the given transport's specification with Shelf's name, instructions and tools. */
    static <S extends McpServer.SyncSpecification<S>> McpSyncServer server(McpServer.SyncSpecification<S> spec,
                                                                         ShelfTools tools, McpJsonMapper json,
                                                                         String version) {
        return spec.serverInfo("shelf", version)
                .instructions(INSTRUCTIONS)
                .jsonMapper(json)
                .capabilities(ServerCapabilities.builder().tools(false).build())
                // ShelfTools checks the arguments itself, with messages an assistant can act on.
                .validateToolInputs(false)
                .tools(of(tools, json))
                .build();
    }

    /** The four tools, each with what it does. */
    public static List<SyncToolSpecification> of(ShelfTools tools, McpJsonMapper json) {
        return List.of(
                tool(json, "search", "Search the reading lists", SEARCH_DESCRIPTION, SEARCH_INPUT, SEARCH_OUTPUT,
                        tools::search),
                tool(json, "related", "Resources like one",
                        "Resources like the one with this id (from a search result): its nearest passages by meaning"
                                + " fused with the resources sharing its rarest words; never the resource itself or a"
                                + " duplicate of it. Results have the same fields as search's.",
                        RELATED_INPUT, null, tools::related),
                tool(json, "get_resource", "One resource",
                        "Every field of the resource with this id (from a search or related result): title, url,"
                                + " links, description, kind, section, sources (each list and line that mentions it)"
                                + " metadata, and copies (the same work at other addresses, each with its id, url, title and"
                                + " sources).",
                        ID_INPUT, null, tools::getResource),
                tool(json, "list_sources", "The reading lists",
                        "The reading lists searched: each with its id (for search's lists), name, file, format,"
                                + " how many resources it mentions, and its state (ready, indexing, or error with why).",
                        NO_INPUT, null, tools::listSources));
    }

    private static SyncToolSpecification tool(McpJsonMapper json, String name, String title, String description,
                                              String input, String output,
                                              Function<Map<String, Object>, CallToolResult> call) {
        Tool.Builder tool = Tool.builder().name(name).title(title).description(description)
                .inputSchema(json, input)
                .annotations(new ToolAnnotations(title, true, false, true, false, null));
        if (output != null) {
            tool.outputSchema(json, output);
        }
        return SyncToolSpecification.builder().tool(tool.build())
                .callHandler((exchange, request) -> call.apply(request.arguments()))
                .build();
    }
}
