package dev.shelf.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.index.BuildInfo;
import dev.shelf.ingest.Kind;
import dev.shelf.ingest.Mention;
import dev.shelf.library.ListState;
import dev.shelf.search.SearchMode;
import dev.shelf.search.SearchRequest;
import dev.shelf.search.SearchResponse;
import dev.shelf.search.SearchResult;
import dev.shelf.search.ServiceLease;
import dev.shelf.text.HtmlText;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What Shelf's MCP tools do: search, related, get_resource and list_sources, each from its arguments to a tool result.
 * A result holds its answer twice, as the protocol advises: as structured content and as that JSON in a text block.
 * A bad argument, an unknown id or list, or an index still being built is a result with {@code isError} and a plain
 * message, never an exception. Nothing here writes. NOTE: thread-safe.
 */
public final class ShelfTools {

    /** The most results a tool call returns. */
    static final int MAX_K = 50;
    static final int DEFAULT_K = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<Optional<ServiceLease>> services;
    private final Function<BuildInfo, List<ListState>> lists;

    /**
     * @param services a lease on the search service, empty while the first index is being built
     * @param lists the reading lists with their formats and states, given the build being searched
     */
    public ShelfTools(Supplier<Optional<ServiceLease>> services, Function<BuildInfo, List<ListState>> lists) {
        this.services = services;
        this.lists = lists;
    }

    /** One result as a tool gives it: the resource's fields an assistant cites, and the snippet as plain text. */
    record Hit(String id, String title, String url, Kind kind, List<String> section, List<Mention> sources,
               double score, String snippet, List<String> alsoAt) {

        static Hit of(SearchResult r) {
            return new Hit(r.id(), r.title(), r.url(), r.kind(), r.section(), r.sources(), r.score(),
                    plain(r.snippet()), r.copies().stream().map(SearchResult.Copy::url).toList());
        }

        /** The snippet without its {@code <mark>} tags and HTML escapes. */
        static String plain(String snippet) {
            return snippet == null ? "" : HtmlText.unescape(snippet.replace("<mark>", "").replace("</mark>", ""));
        }
    }

    /** The structured answer of {@code search}, as its output schema declares it. */
    record Found(String query, String keywords, String answer, String mode, int total, List<Hit> results) {
    }

    /** The structured answer of {@code related}. */
    record Related(String id, List<Hit> results) {
    }

    /** {@code search}: the question, keywords and answer given, fused; the first k results. */
    public CallToolResult search(Map<String, Object> arguments) {
        return answer(() -> {
            ToolArguments args = new ToolArguments(arguments);
            String query = args.text("query");
            String keywords = args.text("keywords");
            String answer = args.text("answer");
            if (query.isEmpty() && keywords.isEmpty() && answer.isEmpty()) {
                throw new ToolArgumentException("Give at least one of query (the question as asked), keywords (a few"
                        + " terms) and answer (a short passage that would answer it).");
            }
            int k = args.k(DEFAULT_K, MAX_K);
            SearchMode mode = args.mode();
            try (ServiceLease lease = lease()) {
                List<String> known = lease.service().info().sources().stream().map(BuildInfo.SourceInfo::id).toList();
                SearchResponse response = lease.service().search(new SearchRequest(query, keywords, answer, mode, k,
                        args.lists(known), false));
                return new Found(query, keywords, answer, mode.label(), response.total(),
                        response.results().stream().map(Hit::of).toList());
            }
        });
    }

    /** {@code related}: resources like the one with the id, never itself. */
    public CallToolResult related(Map<String, Object> arguments) {
        return answer(() -> {
            ToolArguments args = new ToolArguments(arguments);
            String id = args.required("id");
            int k = args.k(DEFAULT_K, MAX_K);
            try (ServiceLease lease = lease()) {
                List<SearchResult> results = lease.service().related(id, k).orElseThrow(() -> unknown(id));
                return new Related(id, results.stream().map(Hit::of).toList());
            }
        });
    }

    /** {@code get_resource}: every field of the resource with the id. */
    public CallToolResult getResource(Map<String, Object> arguments) {
        return answer(() -> {
            String id = new ToolArguments(arguments).required("id");
            try (ServiceLease lease = lease()) {
                return lease.service().view(id).orElseThrow(() -> unknown(id));
            }
        });
    }

    /** {@code list_sources}: the reading lists with their ids, formats, resource counts and states. */
    public CallToolResult listSources(Map<String, Object> arguments) {
        return answer(() -> {
            try (ServiceLease lease = lease()) {
                return Map.of("lists", lists.apply(lease.service().info()));
            }
        });
    }

    private ServiceLease lease() {
        return services.get().orElseThrow(() -> new ToolArgumentException(
                "The index is being built for the first time; try again in a few seconds."));
    }

    private static ToolArgumentException unknown(String id) {
        return new ToolArgumentException("No resource with id \"" + id + "\"; ids come from search results.");
    }

    /** The tool's answer as structured content and its JSON text, or an error result with the plain message. */
    private static CallToolResult answer(Supplier<Object> work) {
        try {
            Object found = work.get();
            return CallToolResult.builder()
                    .structuredContent(JSON.convertValue(found, Map.class))
                    .addTextContent(JSON.writeValueAsString(found))
                    .isError(false)
                    .build();
        } catch (ToolArgumentException e) {
            return error(e.getMessage());
        } catch (JsonProcessingException e) {
            return error("The answer could not be written as JSON: " + e.getOriginalMessage());
        }
    }

    static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
