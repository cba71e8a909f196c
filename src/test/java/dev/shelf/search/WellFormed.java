package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.ingest.Mention;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What every answer of the search core must be, whatever the question: the checks of the fuzz tests. */
public final class WellFormed {

    private WellFormed() {
    }

    /**
     * Asserts that the response answers the request: its echo of the request; at most k results, exactly
     * {@code min(k, total)}; each resource once; scores finite and never rising; the retriever ranks the mode asks (a
     * single mode's score is its retriever's own; in hybrid, a result without ranks is an exact title at the top
     * score); only {@code <mark>} as markup in snippets; only resources of the lists asked; facets that count each list
     * of each result and never more than the total.
     */
    public static void check(SearchRequest request, SearchResponse response) {
        assertEquals(request.query(), response.query(), "the query is echoed");
        assertEquals(request.mode(), response.mode());
        assertEquals(request.k(), response.k());
        List<SearchResult> results = response.results();
        assertEquals(Math.min(request.k(), response.total()), results.size(), "min(k, total) results");
        if (request.query().isBlank()) {
            assertEquals(0, response.total(), "a blank query finds nothing");
        }
        Set<String> ids = new HashSet<>();
        Map<String, Integer> shown = new HashMap<>();
        double previous = Double.POSITIVE_INFINITY;
        for (SearchResult r : results) {
            assertTrue(ids.add(r.id()), () -> r.id() + " twice");
            assertTrue(Double.isFinite(r.score()), () -> r.id() + " score " + r.score());
            assertTrue(r.score() <= previous, () -> r.id() + " scores " + r.score() + " after " + ids);
            previous = r.score();
            switch (request.mode()) {
                case LEXICAL -> {
                    assertNull(r.semantic(), r.id());
                    assertEquals(r.lexical().score(), r.score(), r.id());
                }
                case SEMANTIC -> {
                    assertNull(r.lexical(), r.id());
                    assertEquals(r.semantic().score(), r.score(), r.id());
                }
                case HYBRID -> {
                    // A resource no retriever found is there only as an exact title match, at the top score.
                    if (r.lexical() == null && r.semantic() == null) {
                        assertEquals(results.get(0).score(), r.score(), () -> r.id() + " has no rank");
                    }
                }
            }
            for (RankScore rank : Arrays.asList(r.lexical(), r.semantic())) {
                if (rank != null) {
                    assertTrue(rank.rank() >= 1 && rank.rank() <= Retrieval.CANDIDATES, () -> r.id() + " " + rank);
                }
            }
            assertNotNull(r.snippet(), r.id());
            assertTrue(!r.snippet().replace("<mark>", "").replace("</mark>", "").contains("<"), r::snippet);
            List<String> lists = r.sources().stream().map(Mention::id).distinct().toList();
            if (!request.sources().isEmpty()) {
                assertTrue(lists.stream().anyMatch(request.sources()::contains), () -> r.id() + " is in " + lists);
            }
            lists.forEach(list -> shown.merge(list, 1, Integer::sum));
        }
        // Facets count all matching resources, the shown ones among them.
        shown.forEach((list, count) -> assertTrue(response.facets().getOrDefault(list, 0) >= count,
                () -> list + ": " + count + " shown, facets " + response.facets()));
        for (Map.Entry<String, Integer> facet : response.facets().entrySet()) {
            assertTrue(facet.getValue() >= 1 && facet.getValue() <= response.total(), facet::toString);
        }
    }
}
