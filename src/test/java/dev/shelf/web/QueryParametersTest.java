package dev.shelf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.search.SearchMode;
import dev.shelf.search.SearchRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The search parameters read from a query string's values, and the 400 that each bad one gets. */
class QueryParametersTest {

    private static final Set<String> KNOWN = Set.of("papers", "tools");

    /** The parameters of a query string given as name, value, name, value... */
    private static QueryParameters params(String... nameValue) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            values.computeIfAbsent(nameValue[i], name -> new ArrayList<>()).add(nameValue[i + 1]);
        }
        return new QueryParameters(name -> values.getOrDefault(name, List.of()));
    }

    private static ApiException refused(String... nameValue) {
        return assertThrows(ApiException.class, () -> params(nameValue).searchRequest(KNOWN));
    }

    @Test
    void a_question_alone_is_a_request_without_typed_sub_searches() {
        SearchRequest request = params("q", "merge models").searchRequest(KNOWN);
        assertEquals(new SearchRequest("merge models", SearchMode.HYBRID, 10, Set.of(), false), request);
        assertEquals("", request.keywords());
        assertEquals("", request.answer());
    }

    @Test
    void keywords_or_an_answer_stand_without_a_question() {
        SearchRequest keywords = params("keywords", "mergekit model merging").searchRequest(KNOWN);
        assertEquals("", keywords.query());
        assertEquals("mergekit model merging", keywords.keywords());
        SearchRequest all = params("q", "how do I merge models", "keywords", "mergekit", "answer",
                "Model merging combines the weights of fine-tuned models.", "k", "5", "mode", "semantic",
                "source", "papers").searchRequest(KNOWN);
        assertEquals(new SearchRequest("how do I merge models", "mergekit",
                "Model merging combines the weights of fine-tuned models.", SearchMode.SEMANTIC, 5, Set.of("papers"),
                false), all);
    }

    @Test
    void without_any_non_blank_text_the_request_is_a_missing_parameter() {
        for (ApiException e : List.of(refused(), refused("q", ""), refused("q", "  ", "keywords", "\t", "answer", ""),
                refused("k", "5"))) {
            assertEquals(400, e.status());
            assertEquals("missing_parameter", e.code());
            assertTrue(e.getMessage().contains("keywords or answer"), e.getMessage());
        }
    }

    @Test
    void each_text_is_at_most_500_characters_and_given_once() {
        String tooLong = "a".repeat(501);
        for (String name : List.of("q", "keywords", "answer")) {
            ApiException e = refused(name, tooLong);
            assertEquals("bad_parameter", e.code(), name);
            assertTrue(e.getMessage().startsWith("Parameter " + name + " is 501 characters long"), e.getMessage());
            assertEquals("bad_parameter", refused(name, "x", name, "y").code(), name + " twice");
        }
        assertEquals(500, params("answer", "a".repeat(500)).searchRequest(KNOWN).answer().length());
    }

    @Test
    void k_mode_flags_and_sources_are_checked_as_for_a_question() {
        for (String k : List.of("0", "101", "-1", "ten", "1.5", "99999999999")) {
            assertEquals("bad_parameter", refused("keywords", "x", "k", k).code(), k);
        }
        assertEquals("bad_parameter", refused("keywords", "x", "mode", "fuzzy").code());
        assertEquals("bad_parameter", refused("answer", "x", "profile", "maybe").code());
        assertTrue(refused("q", "x", "source", "nope").getMessage().contains("papers"), "names the valid sources");
        assertEquals(Set.of("papers", "tools"), params("q", "x", "source", "papers, tools").searchRequest(KNOWN)
                .sources());
        assertEquals(SearchRequest.DEFAULT_K, params().k());
    }
}
