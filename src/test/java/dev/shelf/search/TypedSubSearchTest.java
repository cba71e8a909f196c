package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.embed.Encoder;
import dev.shelf.embed.ForwardingEncoder;
import dev.shelf.embed.HashingEncoder;
import dev.shelf.index.LuceneChunkIndex;
import dev.shelf.ingest.Resource;
import dev.shelf.ingest.Source;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Typed sub-searches over a real index of four resources: keywords reach the lexical list alone, an answer the
 * model's list alone, encoded as a question is; every given list is fused, each named by its sub-search. The model is
 * the hashing encoder with a query prefix, as E5 and BGE have one, so that the query form and the passage form of a
 * text have different vectors.
 */
class TypedSubSearchTest {

    private static final Source LIST = new Source("papers", "Papers", Path.of("papers.md"), "markdown");
    private static final List<Resource> RESOURCES = List.of(
            SmallIndex.link("mergekit", "mergekit", "Tools for merging pretrained language models.", LIST),
            SmallIndex.link("abliteration", "Abliteration",
                    "Remove the refusal direction so that a chatbot stops declining requests.", LIST),
            SmallIndex.link("lora", "LoRA", "Fine-tune large models by training small low-rank matrices.", LIST),
            SmallIndex.link("rope", "RoPE", "Rotary position embeddings encode where each token sits.", LIST));
    private static final Encoder MODEL = new QueryPrefixed(new HashingEncoder(1024, 64), "instruction");
    private static final String MODEL_LIST = "hashing-1024";

    @TempDir
    static Path dir;
    private static LuceneChunkIndex index;
    private static SearchService service;

    @BeforeAll
    static void indexTheFixture() throws IOException {
        index = SmallIndex.build(dir, RESOURCES, List.of(LIST), MODEL);
        service = new SearchService(index, MODEL);
    }

    @AfterAll
    static void closeTheIndex() {
        index.close();
    }

    private static SearchResponse search(String query, String keywords, String answer, SearchMode mode) {
        return service.search(new SearchRequest(query, keywords, answer, mode, 10, Set.of(), false));
    }

    private static List<String> listNames(SearchResult result) {
        return result.lists().stream().map(SearchResult.ListScore::list).toList();
    }

    @Test
    void keywords_alone_are_searched_by_the_lexical_list_only_under_their_own_name() {
        SearchResponse response = search("", "merging", "", SearchMode.HYBRID);
        assertEquals(List.of("mergekit"), response.results().stream().map(SearchResult::id).toList());
        SearchResult first = response.results().get(0);
        assertEquals(List.of("keywords lexical"), listNames(first));
        assertEquals(1, first.lists().get(0).rank());
        assertEquals("Tools for <mark>merging</mark> pretrained language models.", first.snippet());
    }

    @Test
    void keywords_alone_find_nothing_in_semantic_mode_and_an_answer_alone_nothing_in_lexical_mode() {
        assertEquals(0, search("", "merging", "", SearchMode.SEMANTIC).total());
        assertEquals(0, search("", "", "Rotary position embeddings.", SearchMode.LEXICAL).total());
    }

    @Test
    void an_answer_is_encoded_in_the_query_form_as_the_question_is() {
        String passage = "Abliteration\nRemove the refusal direction so that a chatbot stops declining requests.";
        SearchResult first = search("", "", passage, SearchMode.HYBRID).results().get(0);
        assertEquals("abliteration", first.id());
        assertEquals(List.of("answer " + MODEL_LIST), listNames(first));
        // The same text asked as a question: the same vector (with the query prefix), so the same cosine.
        SearchResult asked = search(passage, "", "", SearchMode.SEMANTIC).results().get(0);
        assertEquals(asked.semantic().score(), first.lists().get(0).score(), 1e-9);
        assertTrue(asked.semantic().score() < 0.99, () -> "the query prefix is part of it: " + asked.semantic());
    }

    @Test
    void every_given_sub_search_has_the_same_share_of_the_fusion_the_question_lists_first() {
        SearchResponse response = search("how do I combine two models", "merging", "Merging language models.",
                SearchMode.HYBRID);
        SearchResult first = response.results().get(0);
        assertEquals("mergekit", first.id());
        assertEquals(List.of("lexical", MODEL_LIST, "keywords lexical", "answer " + MODEL_LIST), listNames(first));
        // A third for each sub-search, the question's shared by its two lists.
        assertEquals(List.of(1.0 / 6, 1.0 / 6, 1.0 / 3, 1.0 / 3),
                first.lists().stream().map(SearchResult.ListScore::weight).toList());
    }

    @Test
    void a_question_alone_keeps_its_own_weights_and_list_names() {
        SearchResult first = search("merging models", "", "", SearchMode.HYBRID).results().get(0);
        assertEquals(List.of("lexical", MODEL_LIST), listNames(first));
        assertEquals(List.of(0.5, 0.5), first.lists().stream().map(SearchResult.ListScore::weight).toList());
        // Blank keywords and answer are no sub-searches: the same results as the question alone.
        assertEquals(service.search(SearchRequest.of("merging models", SearchMode.HYBRID, 10)).results(),
                search("merging models", " ", "\n", SearchMode.HYBRID).results());
    }

    @Test
    void a_result_found_by_typed_sub_searches_alone_has_no_rank_from_the_question_lists() {
        SearchResult first = search("", "lora", "", SearchMode.HYBRID).results().get(0);
        assertEquals("lora", first.id());
        assertNull(first.lexical(), "the question's own lexical list did not run");
        assertNull(first.semantic());
    }

    /** A model whose queries carry a prefix word its passages do not (as BGE's instruction or E5's "query: "). */
    private static final class QueryPrefixed extends ForwardingEncoder {

        private final HashingEncoder model;
        private final String prefix;

        QueryPrefixed(HashingEncoder model, String prefix) {
            super(model);
            this.model = model;
            this.prefix = prefix;
        }

        @Override
        public float[] encodeQuery(String query) {
            return model.encodeQuery(prefix + " " + query);
        }
    }
}
