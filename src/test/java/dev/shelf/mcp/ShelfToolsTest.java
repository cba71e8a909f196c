package dev.shelf.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.embed.Encoders;
import dev.shelf.embed.HashingEncoder;
import dev.shelf.index.BuildProgress;
import dev.shelf.index.IndexLayout;
import dev.shelf.index.LuceneChunkIndex;
import dev.shelf.ingest.Kind;
import dev.shelf.ingest.Mention;
import dev.shelf.ingest.Resource;
import dev.shelf.ingest.Source;
import dev.shelf.library.ListState;
import dev.shelf.pipeline.ListIndexer;
import dev.shelf.search.SearchService;
import dev.shelf.search.ServiceLease;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tools over a real index of three resources in two lists, with the hashing encoder in place of the models: each
 * tool's answer (structured, and the same JSON as text) and each bad argument's error result.
 */
class ShelfToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Source PAPERS = new Source("papers", "Papers", Path.of("papers.md"), "markdown");
    private static final Source TOOLS = new Source("tools", "Tools", Path.of("tools.md"), "markdown");
    private static final HashingEncoder ENCODER = new HashingEncoder(1024, 64);

    @TempDir
    static Path dir;
    private static LuceneChunkIndex index;
    private static ShelfTools tools;

    @BeforeAll
    static void indexTheFixture() throws IOException {
        List<Resource> resources = List.of(
                resource("mergekit", "Merge LLMs with mergekit", "Model merging with <TIES> & DARE.", TOOLS),
                resource("lora", "LoRA", "Fine-tune large models by training small low-rank matrices.", PAPERS),
                resource("rope", "RoPE", "Rotary position embeddings encode where each token sits.", PAPERS));
        IndexLayout layout = new IndexLayout(dir);
        new ListIndexer(layout, Encoders.of(ENCODER)).index(resources, List.of(PAPERS, TOOLS), false,
                BuildProgress.NONE);
        index = LuceneChunkIndex.open(layout.current().orElseThrow());
        SearchService service = new SearchService(index, ENCODER);
        tools = new ShelfTools(() -> Optional.of(ServiceLease.of(service)), info -> info.sources().stream()
                .map(s -> new ListState(s.id(), s.name(), s.file(), "markdown", s.resources(), ListState.READY, null))
                .toList());
    }

    @AfterAll
    static void closeTheIndex() {
        index.close();
    }

    private static Resource resource(String id, String title, String description, Source list) {
        String url = "https://example.org/" + id;
        return new Resource(id, title, url, List.of(url), description, Kind.LINK, List.of("Section"),
                List.of(new Mention(list.id(), list.name(), List.of("Section"), 7)), Map.of());
    }

    private static Map<String, Object> args(Object... nameValue) {
        Map<String, Object> args = new HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            args.put((String) nameValue[i], nameValue[i + 1]);
        }
        return args;
    }

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }

    /** The answer of a call that must succeed, checked to hold the same JSON as structure and as text. */
    private static JsonNode answer(CallToolResult result) throws IOException {
        assertFalse(result.isError(), () -> text(result));
        JsonNode structured = JSON.valueToTree(result.structuredContent());
        assertEquals(structured, JSON.readTree(text(result)), "the text block is the structured content as JSON");
        return structured;
    }

    private static String error(CallToolResult result) {
        assertTrue(result.isError(), () -> "an error result, got " + result);
        assertTrue(result.structuredContent() == null, "no structured content with an error");
        return text(result);
    }

    @Test
    void search_gives_plain_snippets_and_the_lists_and_lines_that_mention_each_result() throws IOException {
        JsonNode found = answer(tools.search(args("query", "merging", "k", 2)));
        assertEquals("merging", found.get("query").asText());
        assertEquals("hybrid", found.get("mode").asText());
        JsonNode first = found.get("results").get(0);
        assertEquals("mergekit", first.get("id").asText());
        assertEquals("https://example.org/mergekit", first.get("url").asText());
        assertEquals("link", first.get("kind").asText());
        assertEquals("Model merging with <TIES> & DARE.", first.get("snippet").asText(), "no <mark>, no escapes");
        assertEquals("tools", first.at("/sources/0/id").asText());
        assertEquals(7, first.at("/sources/0/line").asInt());
        assertEquals(2, found.get("results").size());
    }

    @Test
    void search_takes_keywords_or_an_answer_without_a_query_and_only_the_lists_asked() throws IOException {
        JsonNode keywords = answer(tools.search(args("keywords", "rotary position", "mode", "lexical")));
        assertEquals("rope", keywords.at("/results/0/id").asText());
        assertEquals("", keywords.get("query").asText());
        JsonNode answer = answer(tools.search(args("answer", "Fine-tune large models with low-rank matrices.",
                "lists", List.of("papers"))));
        assertEquals("lora", answer.at("/results/0/id").asText());
        answer.get("results").forEach(r -> assertEquals("papers", r.at("/sources/0/id").asText()));
    }

    @Test
    void search_refuses_no_text_a_bad_k_mode_or_list_and_too_long_a_text_in_plain_words() {
        assertTrue(error(tools.search(args())).startsWith("Give at least one of query"));
        assertTrue(error(tools.search(args("query", "  ", "keywords", ""))).startsWith("Give at least one of"));
        for (Object k : List.of(0, 51, -1, 2.5, "ten")) {
            assertTrue(error(tools.search(args("query", "lora", "k", k))).startsWith("k must be a whole number from 1"
                    + " to 50"), () -> "k " + k);
        }
        assertEquals(1, tools.search(args("query", "lora", "k", 1.0)).structuredContent() instanceof Map<?, ?> m
                ? ((List<?>) m.get("results")).size() : -1, "an integral number is a k");
        assertTrue(error(tools.search(args("query", "lora", "mode", "fuzzy"))).startsWith("mode must be hybrid"));
        assertEquals("Unknown list \"nope\"; the lists are: papers, tools (list_sources names them).",
                error(tools.search(args("query", "lora", "lists", List.of("papers", "nope")))));
        assertTrue(error(tools.search(args("answer", "a".repeat(501)))).startsWith("answer is 501 characters long"));
        assertEquals("query must be a string.", error(tools.search(args("query", 5))));
    }

    @Test
    void related_and_get_resource_answer_for_a_known_id_and_refuse_an_unknown_or_missing_one() throws IOException {
        JsonNode related = answer(tools.related(args("id", "lora", "k", 5)));
        assertEquals("lora", related.get("id").asText());
        related.get("results").forEach(r -> assertFalse(r.get("id").asText().equals("lora"), "never itself"));
        JsonNode resource = answer(tools.getResource(args("id", "rope")));
        assertEquals("RoPE", resource.get("title").asText());
        assertEquals("Rotary position embeddings encode where each token sits.", resource.get("description").asText());
        assertEquals("No resource with id \"nope\"; ids come from search results.",
                error(tools.getResource(args("id", "nope"))));
        assertEquals("No resource with id \"nope\"; ids come from search results.",
                error(tools.related(args("id", "nope"))));
        assertEquals("id is required.", error(tools.getResource(args())));
        assertTrue(error(tools.related(args("id", "lora", "k", 0))).startsWith("k must be"));
    }

    @Test
    void list_sources_gives_every_list_with_its_format_count_and_state() throws IOException {
        JsonNode lists = answer(tools.listSources(Map.of())).get("lists");
        assertEquals(2, lists.size());
        JsonNode papers = lists.get(0).get("id").asText().equals("papers") ? lists.get(0) : lists.get(1);
        assertEquals(2, papers.get("resources").asInt());
        assertEquals("markdown", papers.get("format").asText());
        assertEquals("ready", papers.get("state").asText());
    }

    @Test
    void while_the_first_index_is_built_every_tool_answers_an_error_saying_so() {
        ShelfTools building = new ShelfTools(Optional::empty, info -> List.of());
        for (CallToolResult result : List.of(building.search(args("query", "lora")), building.related(args("id", "x")),
                building.getResource(args("id", "x")), building.listSources(Map.of()))) {
            assertTrue(error(result).startsWith("The index is being built"), result::toString);
        }
    }
}
