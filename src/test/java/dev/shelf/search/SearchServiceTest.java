package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.embed.Encoders;
import dev.shelf.embed.HashingEncoder;
import dev.shelf.index.BuildProgress;
import dev.shelf.index.IndexLayout;
import dev.shelf.index.LuceneChunkIndex;
import dev.shelf.ingest.Kind;
import dev.shelf.ingest.Mention;
import dev.shelf.ingest.Resource;
import dev.shelf.ingest.Source;
import dev.shelf.pipeline.ListIndexer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search core over a real Lucene index of nine hand-written resources in two lists, with the hashing encoder in
 * place of the model: its "meaning" is shared words, so the semantic list holds every resource (most at cosine 0),
 * and every expected rank below can be checked by reading the fixture.
 */
class SearchServiceTest {

    private static final Source PAPERS = new Source("papers", "Papers", Path.of("papers.md"), "markdown");
    private static final Source TOOLS = new Source("tools", "Tools", Path.of("tools.md"), "markdown");

    private static final List<Resource> RESOURCES = List.of(
            resource("gguf", "GGUF", "https://example.org/gguf",
                    "A single-file format for quantized models, read by llama.cpp.", TOOLS),
            resource("gguf-spec", "gguf", "https://github.com/ggml/gguf-spec",
                    "The specification of the file format.", TOOLS),
            resource("gguf-mirror", "GGUF file format (mirror)", "https://example.org/gguf",
                    "A copy of the page.", PAPERS),
            resource("llama-cpp", "llama.cpp", "https://github.com/ggml-org/llama.cpp",
                    "Runs quantized models on a laptop CPU; <GPU> & Metal offload.", TOOLS),
            resource("lora", "LoRA: Low-Rank Adaptation", "https://arxiv.org/abs/2106.09685",
                    "Fine-tune large models by training small low-rank matrices.", PAPERS),
            resource("qlora", "QLoRA", "https://arxiv.org/abs/2305.14314",
                    "Fine-tune a quantized model on one GPU with low-rank adapters.", PAPERS, TOOLS),
            resource("abliteration", "Abliteration", "https://example.org/abliteration",
                    "Remove the refusal direction so that a chatbot stops declining requests.", PAPERS),
            resource("the-pile", "The Pile", null, "An 800 GB dataset of diverse text.", PAPERS),
            resource("piles", "Piles of data: the pile, the stack and other pile datasets", "https://example.org/piles",
                    "The pile, the pile, and the pile again: a pile of text for pretraining.", TOOLS));

    /** 1024 dimensions: few enough words that the cosines checked below have no two words in one dimension. */
    private static final HashingEncoder ENCODER = new HashingEncoder(1024, 64);

    @TempDir
    static Path dir;
    private static LuceneChunkIndex index;
    private static SearchService service;

    private static Resource resource(String id, String title, String url, String description, Source... lists) {
        List<Mention> mentions = Arrays.stream(lists).map(s -> new Mention(s.id(), s.name(), List.of(), 1)).toList();
        return new Resource(id, title, url, url == null ? List.of() : List.of(url), description,
                url == null ? Kind.CONCEPT : Kind.LINK, List.of(), mentions, Map.of());
    }

    @BeforeAll
    static void indexTheFixture() throws IOException {
        IndexLayout layout = new IndexLayout(dir);
        new ListIndexer(layout, Encoders.of(ENCODER)).index(RESOURCES, List.of(PAPERS, TOOLS), false, BuildProgress.NONE);
        index = LuceneChunkIndex.open(layout.current().orElseThrow());
        service = new SearchService(index, ENCODER);
    }

    @AfterAll
    static void closeTheIndex() {
        index.close();
    }

    private static SearchResponse search(String query, SearchMode mode, int k, String... sources) {
        return service.search(new SearchRequest(query, mode, k, Set.of(sources)));
    }

    private static List<String> ids(List<SearchResult> results) {
        return results.stream().map(SearchResult::id).toList();
    }

    private static SearchResult result(SearchResponse response, String id) {
        return response.results().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() ->
                new AssertionError(id + " is not among " + ids(response.results())));
    }

    @Test
    void a_rare_word_is_found_by_words_at_rank_1_and_nothing_else_matches_it() {
        SearchResponse response = search("abliteration", SearchMode.LEXICAL, 10);
        assertEquals(List.of("abliteration"), ids(response.results()));
        assertEquals(1, response.total());
        SearchResult first = response.results().get(0);
        assertEquals(1, first.lexical().rank());
        assertTrue(first.lexical().score() > 0, "a BM25 score: " + first.lexical());
        assertEquals(first.lexical().score(), first.score(), "lexical mode scores with BM25 itself");
        assertNull(first.semantic(), "lexical mode asks no vectors");
    }

    @Test
    void the_semantic_score_is_the_cosine_of_query_and_passage() {
        // The passage "Abliteration\nRemove the refusal direction so that a chatbot stops declining requests." is 12
        // words in 12 dimensions; the query is 1 of them: cos = 1 * (1 / sqrt(12)) = 0.2887.
        Resource abliteration = RESOURCES.stream().filter(r -> r.id().equals("abliteration")).findFirst().orElseThrow();
        List<String> words = HashingEncoder.words(abliteration.title() + " " + abliteration.description());
        assertEquals(12, words.stream().mapToInt(ENCODER::dimension).distinct().count(), words::toString);
        SearchResult first = search("abliteration", SearchMode.SEMANTIC, 10).results().get(0);
        assertEquals("abliteration", first.id());
        assertEquals(1, first.semantic().rank());
        assertEquals(1 / Math.sqrt(12), first.semantic().score(), 1e-6);
        assertNull(first.lexical(), "semantic mode asks no words");
    }

    @Test
    void a_hybrid_result_carries_its_lexical_and_semantic_ranks_and_the_fused_score() {
        SearchResponse response = search("abliteration", SearchMode.HYBRID, 10);
        SearchResult first = response.results().get(0);
        assertEquals("abliteration", first.id());
        assertEquals(search("abliteration", SearchMode.LEXICAL, 10).results().get(0).lexical(), first.lexical());
        assertEquals(1, first.semantic().rank());
        assertEquals(1 / Math.sqrt(12), first.semantic().score(), 1e-6);
        // Weighted, 0.5 each: lexical holds it alone (normalizes to 1), semantic holds it at the top (1):
        // 0.5 * 1 + 0.5 * 1 = 1. The others share no word: not found by words, cosine 0 (the minimum): 0.
        assertEquals(1.0, first.score(), 1e-9);
        for (SearchResult other : response.results().subList(1, response.results().size())) {
            assertNull(other.lexical(), other.id());
            assertEquals(0.0, other.score(), 1e-6, other.id());
        }
        // The vector search ranks every passage, so hybrid holds all 9 resources: 8 works, as gguf and its mirror at
        // the same address are one.
        assertEquals(8, response.total());
    }

    @Test
    void a_source_filter_keeps_that_lists_resources_and_facets_count_every_list_they_are_in() {
        SearchResponse response = search("quantized models", SearchMode.HYBRID, 10, "papers");
        // papers lists gguf-mirror, lora, qlora, abliteration, the-pile; the vector search ranks them all. Of them
        // only qlora is in tools too.
        assertEquals(Set.of("gguf-mirror", "lora", "qlora", "abliteration", "the-pile"), Set.copyOf(ids(response.results())));
        assertEquals(5, response.total());
        assertEquals(Map.of("papers", 5, "tools", 1), response.facets());
    }

    @Test
    void a_source_filter_in_lexical_mode_keeps_only_resources_with_the_words() {
        SearchResponse response = search("quantized", SearchMode.LEXICAL, 10, "papers");
        // Of the papers, only qlora says "quantized" (gguf and llama-cpp do too, but are in tools only).
        assertEquals(List.of("qlora"), ids(response.results()));
        assertEquals(Map.of("papers", 1, "tools", 1), response.facets());
    }

    @Test
    void facets_and_total_count_every_matching_resource_not_only_the_k_shown() {
        SearchResponse response = search("quantized models on a laptop", SearchMode.LEXICAL, 1);
        // By words: llama-cpp, gguf, qlora (tools) and lora, qlora (papers) hold "quantized" or "models".
        assertEquals(List.of("llama-cpp"), ids(response.results()));
        assertEquals(4, response.total());
        assertEquals(Map.of("papers", 2, "tools", 3), response.facets());
    }

    @Test
    void a_work_at_two_addresses_is_one_result_with_its_copy_and_counts_once_in_total_and_in_each_list() {
        // gguf (tools) and gguf-mirror (papers) share an address: one work. By words "gguf" finds both, and gguf-spec.
        SearchResponse grouped = search("gguf", SearchMode.LEXICAL, 10);
        SearchResponse separate = service.search(new SearchRequest("gguf", SearchMode.LEXICAL, 10, Set.of())
                .withSeparateCopies(true));
        assertEquals(3, separate.total());
        assertEquals(2, grouped.total());
        SearchResult work = grouped.results().stream().filter(r -> r.id().startsWith("gguf") && !r.id().equals("gguf-spec"))
                .findFirst().orElseThrow();
        String other = work.id().equals("gguf") ? "gguf-mirror" : "gguf";
        assertEquals(List.of(other), work.copies().stream().map(SearchResult.Copy::id).toList());
        assertEquals(List.of("gguf-spec", work.id()).stream().sorted().toList(), ids(grouped.results()).stream().sorted()
                .toList());
        // Each list counts the work once where the search found a copy: tools (gguf, gguf-spec), papers (the mirror).
        assertEquals(Map.of("tools", 2, "papers", 1), grouped.facets());
        // A search of papers alone finds the mirror, whose copy in tools the facets do not count: it was not found.
        assertEquals(Map.of("papers", 1), search("gguf", SearchMode.LEXICAL, 10, "papers").facets());
    }

    @Test
    void a_query_equal_to_a_title_puts_that_resource_first_in_hybrid() {
        SearchResponse hybrid = search("The PILE!", SearchMode.HYBRID, 10);
        SearchResult first = hybrid.results().get(0);
        assertEquals("the-pile", first.id());
        // Neither retriever put it first: "piles" says "pile" more often, and shares more words.
        assertEquals(2, first.lexical().rank());
        assertEquals(3, first.semantic().rank());
        // It takes the old top's score: piles, first in both lists, 0.5 * 1 + 0.5 * 1 = 1.
        assertEquals("piles", hybrid.results().get(1).id());
        assertEquals(1.0, hybrid.results().get(1).score(), 1e-9);
        assertEquals(1.0, first.score(), 1e-9);
        // Single modes are not promoted.
        assertEquals("piles", search("The PILE!", SearchMode.LEXICAL, 10).results().get(0).id());
    }

    @Test
    void a_title_outside_the_lists_searched_is_not_promoted() {
        SearchResponse tools = search("the pile", SearchMode.HYBRID, 10, "tools");
        assertEquals("piles", tools.results().get(0).id());
        assertTrue(tools.results().stream().noneMatch(r -> r.id().equals("the-pile")), () -> ids(tools.results()).toString());
    }

    @Test
    void the_first_k_results_are_the_same_whatever_k() {
        for (SearchMode mode : SearchMode.values()) {
            SearchResponse ten = search("quantized models on a laptop", mode, 10);
            for (int k = 1; k <= 3; k++) {
                SearchResponse fewer = search("quantized models on a laptop", mode, k);
                String label = mode.label() + " k=" + k;
                // The same results with the same scores: nothing before the cut depends on k.
                assertEquals(ten.results().subList(0, k), fewer.results(), label);
                assertEquals(ten.total(), fewer.total(), label);
                assertEquals(ten.facets(), fewer.facets(), label);
            }
        }
    }

    @Test
    void a_snippet_marks_the_query_words_and_escapes_the_rest() {
        SearchResult llama = search("metal", SearchMode.LEXICAL, 10).results().get(0);
        assertEquals("Runs quantized models on a laptop CPU; &lt;GPU&gt; &amp; <mark>Metal</mark> offload.", llama.snippet());
    }

    @Test
    void a_hit_by_meaning_alone_shows_the_escaped_opening_of_its_passage() {
        // "chatbot" is not in llama.cpp's passage: found by the vector search only (at cosine 0), nothing to mark.
        SearchResult llama = result(search("chatbot", SearchMode.SEMANTIC, 10), "llama-cpp");
        assertEquals("Runs quantized models on a laptop CPU; &lt;GPU&gt; &amp; Metal offload.", llama.snippet());
    }

    @Test
    void related_articles_are_never_the_resource_itself_nor_one_with_its_url_or_title() {
        // gguf-spec is titled "gguf" too, gguf-mirror has gguf's URL: both are left out with gguf itself.
        List<SearchResult> related = service.related("gguf", 10).orElseThrow();
        assertEquals(Set.of("llama-cpp", "qlora", "lora", "abliteration", "the-pile", "piles"), Set.copyOf(ids(related)));
        assertEquals(6, related.size(), "each once");
        // Best first: llama.cpp is named in gguf's text and shares "quantized models"; qlora shares "quantized".
        assertEquals(List.of("llama-cpp", "qlora"), ids(service.related("gguf", 2).orElseThrow()));
        assertTrue(service.related("no-such-id", 10).isEmpty());
    }

    @Test
    void an_empty_or_blank_query_finds_nothing() {
        for (SearchMode mode : SearchMode.values()) {
            for (String query : List.of("", " \t\n ")) {
                SearchResponse response = search(query, mode, 10);
                assertEquals(List.of(), response.results(), mode.label());
                assertEquals(0, response.total(), mode.label());
                assertEquals(Map.of(), response.facets(), mode.label());
            }
        }
        // Only stop words: no word to search by.
        assertEquals(0, search("what is it", SearchMode.LEXICAL, 10).total());
    }
}
