package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.embed.Encoders;
import dev.shelf.embed.HashingEncoder;
import dev.shelf.embed.Scope;
import dev.shelf.index.BuildInfo;
import dev.shelf.index.LuceneChunkIndex;
import dev.shelf.ingest.Resource;
import dev.shelf.ingest.Source;
import dev.shelf.search.SearchResult.ListScore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several models in one index: an "English" hashing model over every passage and a "Chinese" one that embeds only
 * text with Chinese in it; each is a vector field and a ranked list of its own.
 */
class MultiModelSearchTest {

    private static final Source LIST = new Source("list", "List", Path.of("list.md"), "markdown");
    private static final List<Resource> RESOURCES = List.of(
            SmallIndex.link("lora", "LoRA", "Fine-tune large models with low-rank adapters.", LIST),
            SmallIndex.link("weitiao", "微调指南", "如何微调大模型：低秩适配器入门。", LIST),
            SmallIndex.link("gguf", "GGUF", "A file format for quantized models.", LIST));

    private static final HashingEncoder ENGLISH = new HashingEncoder(1024, 64);
    /** A model that embeds only text with Chinese in it, as bge-small-zh does in production. */
    private static final HashingEncoder CHINESE = new HashingEncoder(512, 64).scoped(Scope.CHINESE);

    @TempDir
    static Path dir;
    private static LuceneChunkIndex index;
    private static ExecutorService encodes;
    private static SearchService service;

    @BeforeAll
    static void indexWithTwoModels() throws IOException {
        Encoders encoders = new Encoders(List.of(ENGLISH, CHINESE));
        index = SmallIndex.build(dir, RESOURCES, List.of(LIST), ENGLISH, CHINESE);
        encodes = Executors.newFixedThreadPool(2);
        service = new SearchService(index, encoders, SearchSettings.DEFAULT, encodes);
    }

    @AfterAll
    static void close() {
        index.close();
        encodes.close();
    }

    @Test
    void the_build_records_each_model_and_how_many_passages_it_embedded() {
        BuildInfo info = index.info();
        assertEquals(ENGLISH.name(), info.model());
        assertEquals(List.of(new BuildInfo.ModelInfo(ENGLISH.name(), 1024, 3), new BuildInfo.ModelInfo(CHINESE.name(), 512, 1)),
                info.models());
    }

    @Test
    void an_english_query_is_fused_from_the_lexical_and_english_lists_only() {
        SearchResult first = service.search(new SearchRequest("quantized file format", SearchMode.HYBRID, 3, Set.of()))
                .results().get(0);
        assertEquals("gguf", first.id());
        assertEquals(List.of("lexical", ENGLISH.name()), first.lists().stream().map(ListScore::list).toList());
        assertEquals(List.of(0.5, 0.5), first.lists().stream().map(ListScore::weight).toList());
        assertEquals(1, first.semantic().rank(), "the primary model's rank is the result's semantic rank");
    }

    @Test
    void a_chinese_query_adds_the_chinese_models_list_which_finds_the_chinese_entry_first() {
        SearchResponse response = service.search(new SearchRequest("微调 大模型", SearchMode.SEMANTIC, 3, Set.of())
                .withProfile(true));
        SearchResult first = response.results().get(0);
        assertEquals("weitiao", first.id());
        ListScore chinese = first.lists().stream().filter(l -> l.list().equals(CHINESE.name())).findFirst().orElseThrow();
        assertEquals(1, chinese.rank());
        assertEquals(0.5, chinese.weight(), 1e-12, "semantic mode: the two model lists share everything");
        assertTrue(response.profile().stagesMs().containsKey("encode " + CHINESE.name()), response.profile()::toString);
        assertTrue(response.profile().stagesMs().containsKey("vector " + ENGLISH.name()), response.profile()::toString);
    }

    @Test
    void an_english_model_is_not_asked_a_chinese_query_without_an_english_word() {
        SearchService english = new SearchService(index, new Encoders(List.of(ENGLISH.scoped(Scope.ENGLISH), CHINESE)),
                SearchSettings.DEFAULT, Runnable::run);
        SearchResult first = english.search(new SearchRequest("微调 大模型", SearchMode.HYBRID, 3, Set.of()))
                .results().get(0);
        assertEquals("weitiao", first.id());
        assertEquals(List.of("lexical", CHINESE.name()), first.lists().stream().map(ListScore::list).toList());
        assertEquals(List.of(0.5, 0.5), first.lists().stream().map(ListScore::weight).toList(),
                "a Chinese query: the lexical list weighs as much as the models asked");
        SearchResult mixed = english.search(new SearchRequest("微调 LoRA", SearchMode.HYBRID, 3, Set.of()))
                .results().get(0);
        assertEquals(List.of("lexical", ENGLISH.name(), CHINESE.name()),
                mixed.lists().stream().map(ListScore::list).toList(), "an English word: the English model is asked");
    }

    @Test
    void a_list_that_did_not_find_a_result_says_so_with_its_weight() {
        SearchResult lora = service.search(new SearchRequest("low-rank adapters", SearchMode.HYBRID, 3, Set.of()))
                .results().stream().filter(r -> r.id().equals("lora")).findFirst().orElseThrow();
        assertEquals(2, lora.lists().size(), "no Chinese in the query: the Chinese model is not asked");
        ListScore lexical = lora.lists().get(0);
        assertEquals(new ListScore("lexical", 0.5, lora.lexical().rank(), lora.lexical().score()), lexical);
        SearchResult gguf = service.search(new SearchRequest("low-rank adapters", SearchMode.HYBRID, 3, Set.of()))
                .results().stream().filter(r -> r.id().equals("gguf")).findFirst().orElseThrow();
        assertNull(gguf.lexical(), "no word of the query is in GGUF's entry");
        assertEquals(new ListScore("lexical", 0.5, null, null), gguf.lists().get(0));
    }

    @Test
    void encoding_on_threads_ranks_exactly_as_encoding_inline() {
        SearchService inline = new SearchService(index, new Encoders(List.of(ENGLISH, CHINESE)), SearchSettings.DEFAULT,
                Runnable::run);
        for (String q : List.of("微调 models", "quantized models", "低秩适配器")) {
            SearchRequest request = new SearchRequest(q, SearchMode.HYBRID, 3, Set.of());
            assertEquals(service.search(request).results(), inline.search(request).results(), q);
        }
    }
}
