package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.shelf.ingest.Kind;
import dev.shelf.ingest.Mention;
import dev.shelf.ingest.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConceptLinksTest {

    private static Resource resource(String id, String title, Kind kind) {
        return new Resource(id, title, kind == Kind.LINK ? "https://example.org/" + id : null, List.of(), "", kind,
                List.of(), List.of(new Mention("list", "List", List.of(), 1)), Map.of());
    }

    private static Fused f(String id, double score) {
        return new Fused(id, score, Map.of());
    }

    @Test
    void a_concept_links_the_link_entries_whose_title_holds_its_term_as_whole_words() {
        List<Resource> all = List.of(
                resource("c1", "GGUF", Kind.CONCEPT),
                resource("l1", "Quantization with GGUF and llama.cpp", Kind.LINK),
                resource("l2", "AutoGGUF", Kind.LINK),            // not a whole word
                resource("l3", "gguf-my-repo", Kind.LINK),         // case and punctuation do not matter
                resource("s1", "GGUF explained", Kind.SECTION),    // prose, not something to open
                resource("c2", "Q*", Kind.CONCEPT),                // too short to match safely
                resource("l4", "Q* and planning", Kind.LINK));
        assertEquals(Map.of("c1", Set.of("l1", "l3")), ConceptLinks.links(all));
    }

    @Test
    void a_concept_whose_term_is_in_too_many_titles_links_nothing() {
        List<Resource> all = new ArrayList<>();
        all.add(resource("c", "LLM", Kind.CONCEPT));
        IntStream.rangeClosed(1, ConceptLinks.MAX_LINKS + 1).forEach(i -> all.add(resource("l" + i, "An LLM " + i, Kind.LINK)));
        assertEquals(Map.of(), ConceptLinks.links(all));
    }

    @Test
    void a_matching_concept_lifts_what_it_links_by_gamma_of_its_score() {
        // c (0.9) links b and d: b 0.5 + 0.2 * 0.9 = 0.68 passes a (0.6); d 0.1 + 0.18 = 0.28.
        Map<String, Set<String>> links = Map.of("c", Set.of("b", "d"));
        List<Fused> lifted = ConceptLinks.lift(List.of(f("c", 0.9), f("a", 0.6), f("b", 0.5), f("d", 0.1)),
                id -> links.getOrDefault(id, Set.of()), 0.2);
        assertEquals(List.of("c", "b", "a", "d"), lifted.stream().map(Fused::id).toList());
        assertEquals(0.68, lifted.get(1).score(), 1e-12);
        assertEquals(0.28, lifted.get(3).score(), 1e-12);
    }

    @Test
    void without_gamma_or_a_matching_concept_the_ranking_is_unchanged() {
        List<Fused> ranked = List.of(f("a", 0.6), f("b", 0.5));
        assertSame(ranked, ConceptLinks.lift(ranked, id -> Set.of("b"), 0));
        assertSame(ranked, ConceptLinks.lift(ranked, id -> Set.of(), 0.5));
    }
}
