package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.ingest.Mention;
import dev.shelf.ingest.Resource;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Questions a practitioner asks of the bundled lists, answered with the real model and a real index. */
class RetrievalIT {

    private static final String ABLITERATION = "https://huggingface.co/blog/mlabonne/abliteration";

    private static List<SearchResult> search(String query, SearchMode mode, int k) {
        return BundledIndex.get().service().search(SearchRequest.of(query, mode, k)).results();
    }

    private static List<String> ids(List<SearchResult> results) {
        return results.stream().map(SearchResult::id).toList();
    }

    private static String titles(List<SearchResult> results) {
        return results.stream().map(SearchResult::title).toList().toString();
    }

    private static boolean any(List<SearchResult> results, Predicate<SearchResult> test) {
        return results.stream().anyMatch(test);
    }

    private static boolean mentions(SearchResult r, String word) {
        String text = (r.title() + " " + r.url() + " " + r.links()).toLowerCase(Locale.ROOT);
        return text.contains(word);
    }

    @Test
    void running_a_model_on_a_laptop_finds_lm_studio_llama_cpp_or_ollama_in_the_top_5() {
        List<SearchResult> top5 = search("run a model on my laptop", SearchMode.HYBRID, 5);
        assertTrue(any(top5, r -> mentions(r, "lm studio") || mentions(r, "lmstudio") || mentions(r, "llama.cpp")
                || mentions(r, "ollama")), () -> titles(top5));
    }

    @Test
    void a_paraphrase_sharing_no_content_word_is_found_by_meaning_but_not_by_words() {
        String query = "stop a chatbot from declining requests";
        Predicate<SearchResult> target = r -> ABLITERATION.equals(r.url());
        assertTrue(any(search(query, SearchMode.SEMANTIC, 10), target));
        assertTrue(any(search(query, SearchMode.HYBRID, 10), target));
        assertFalse(any(search(query, SearchMode.LEXICAL, 10), target));
    }

    @Test
    void an_entry_described_in_chinese_in_one_list_and_english_in_another_is_found_by_both_in_either_script() {
        // The Traditional-Chinese course and the English powerhouse list both hold this link: one resource, both texts.
        String title = "Fine-tune Llama 2 in Google Colab";
        List<SearchResult> simplified = search("微调您的第一个 Llama 2 模型", SearchMode.LEXICAL, 3);
        List<SearchResult> traditional = search("微調您的第一個 Llama 2 模型", SearchMode.LEXICAL, 3);
        List<SearchResult> english = search("step by step guide to fine-tune llama 2 in colab", SearchMode.LEXICAL, 3);
        for (List<SearchResult> results : List.of(simplified, traditional, english)) {
            assertEquals(title, results.get(0).title(), () -> titles(results));
            assertEquals(2, results.get(0).sources().stream().map(m -> m.id()).distinct().count());
        }
    }

    @Test
    void exact_rare_terms_are_rank_1_in_hybrid() {
        assertEquals(ABLITERATION, search("abliteration", SearchMode.HYBRID, 10).get(0).url());
        SearchResult gguf = search("GGUF", SearchMode.HYBRID, 10).get(0);
        assertEquals("GGUF", gguf.title());
        // Explain data: BM25 put it first, with a BM25 score; the vector search found it near the top, with a cosine.
        assertEquals(1, gguf.lexical().rank(), gguf.lexical()::toString);
        assertTrue(gguf.lexical().score() > 0, gguf.lexical()::toString);
        assertTrue(gguf.semantic().rank() <= 10, gguf.semantic()::toString);
        assertTrue(gguf.semantic().score() > 0 && gguf.semantic().score() <= 1.0 + 1e-6, gguf.semantic()::toString);
        // The explain data are the retrievers' own: the same rank and score as each mode alone gives.
        assertEquals(gguf.lexical(), search("GGUF", SearchMode.LEXICAL, 10).get(0).lexical());
        assertEquals(gguf.semantic(), search("GGUF", SearchMode.SEMANTIC, 10).get(gguf.semantic().rank() - 1).semantic());
    }

    @Test
    void a_chinese_question_finds_the_mergekit_entries() {
        List<SearchResult> top5 = search("模型合併", SearchMode.HYBRID, 5);
        assertTrue(top5.stream().filter(r -> mentions(r, "mergekit")).count() >= 2, () -> titles(top5));
    }

    @Test
    void a_query_equal_to_a_title_puts_that_resource_first_whatever_the_fusion() {
        for (SearchService service : List.of(BundledIndex.get().service(),
                new SearchService(BundledIndex.get().index(), dev.shelf.embed.SharedEncoder.get(),
                        SearchSettings.DEFAULT.withFusion(Fusion.RRF)))) {
            SearchResult first = service.search(SearchRequest.of("prompt HACKING!", SearchMode.HYBRID, 5)).results().get(0);
            assertEquals("Prompt hacking", first.title());
        }
    }

    @Test
    void related_articles_of_the_mergekit_post_are_about_merging_and_never_itself() {
        SearchService service = BundledIndex.get().service();
        Resource post = BundledIndex.get().index().resources().stream()
                .filter(r -> r.title().equals("Merge Large Language Models with mergekit, by Maxime Labonne")).findFirst().orElseThrow();
        List<SearchResult> related = service.related(post.id(), 10).orElseThrow();
        assertEquals(10, related.size());
        assertTrue(related.stream().noneMatch(r -> r.id().equals(post.id()) || post.url().equals(r.url())
                || r.title().equals(post.title())), () -> titles(related));
        assertTrue(related.stream().limit(5).filter(r -> (r.title() + r.description()).toLowerCase(Locale.ROOT).contains("merg"))
                .count() >= 3, () -> titles(related));
        assertTrue(service.related("no-such-id", 10).isEmpty());
    }

    @Test
    void user_text_never_raises_a_syntax_error() {
        for (String query : List.of("\"unbalanced", "title:", "(a OR b", "AND", "*", "-", "NOT", "a:b:c", "\\", "~^[]{}",
                "", "   ", "what is", "ÿ\u0000\u202e")) {
            for (SearchMode mode : SearchMode.values()) {
                SearchRequest request = SearchRequest.of(query, mode, 10);
                WellFormed.check(request, BundledIndex.get().service().search(request));
            }
        }
        // Syntax is not syntax: quotes and operators are dropped, the words are searched as words ("a" and "or" are
        // stop words), and a query of only operators or stop words has no word to search by.
        assertEquals(ids(search("unbalanced", SearchMode.LEXICAL, 10)), ids(search("\"unbalanced", SearchMode.LEXICAL, 10)));
        assertEquals(ids(search("b", SearchMode.LEXICAL, 10)), ids(search("(a OR b", SearchMode.LEXICAL, 10)));
        for (String noWord : List.of("AND", "*", "-", "NOT", "\\", "~^[]{}", "what is")) {
            assertEquals(0, BundledIndex.get().service().search(SearchRequest.of(noWord, SearchMode.LEXICAL, 10)).total(),
                    noWord);
        }
    }

    @Test
    void results_do_not_change_order_when_k_changes() {
        for (SearchMode mode : SearchMode.values()) {
            List<String> five = search("fine-tune a 7B model on one GPU", mode, 5).stream().map(SearchResult::id).toList();
            List<String> fifty = search("fine-tune a 7B model on one GPU", mode, 50).stream().map(SearchResult::id).toList();
            assertEquals(five, fifty.subList(0, 5), mode.label());
        }
    }

    @Test
    void a_source_filter_keeps_only_that_lists_resources_and_facets_count_fused_results() {
        SearchResponse response = BundledIndex.get().service().search(
                new SearchRequest("quantization", SearchMode.HYBRID, 20, Set.of("llm-course-zh-tw")));
        assertFalse(response.results().isEmpty());
        for (SearchResult r : response.results()) {
            assertTrue(r.sources().stream().map(Mention::id).anyMatch("llm-course-zh-tw"::equals), r.title());
        }
        assertEquals(response.total(), response.facets().get("llm-course-zh-tw"));
    }

    @Test
    void snippets_mark_query_words_and_semantic_only_hits_still_get_a_passage() {
        List<SearchResult> results = search("vector database", SearchMode.HYBRID, 20);
        assertTrue(any(results, r -> r.snippet().contains("<mark>")), "some snippet marks the query's words");
        List<SearchResult> semanticOnly = search("stop a chatbot from declining requests", SearchMode.SEMANTIC, 10);
        assertTrue(semanticOnly.stream().allMatch(r -> r.lexical() == null && r.semantic() != null));
        assertTrue(semanticOnly.stream().filter(r -> !r.description().isEmpty()).noneMatch(r -> r.snippet().isBlank()));
        for (SearchResult r : results) {
            assertFalse(r.snippet().replace("<mark>", "").replace("</mark>", "").contains("<"), r.snippet());
        }
    }
}
