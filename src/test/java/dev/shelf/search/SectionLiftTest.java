package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SectionLiftTest {

    private static Fused f(String id, double score) {
        return new Fused(id, score, Map.of());
    }

    /** a and c share section "rag"; b and d share "agents"; e has none. */
    private static final Map<String, Set<String>> SECTIONS = Map.of(
            "a", Set.of("list/rag"), "b", Set.of("list/agents"), "c", Set.of("list/rag"), "d", Set.of("list/agents"),
            "e", Set.of());

    @Test
    void a_resource_gains_alpha_times_its_sections_best_other_match() {
        List<Fused> lifted = SectionLift.lift(List.of(f("a", 1.0), f("b", 0.8), f("e", 0.7), f("c", 0.5), f("d", 0.2)),
                SECTIONS::get, 0.3);
        // a: + 0.3 * c (0.5) = 1.15; b: + 0.3 * d (0.2) = 0.86; c: + 0.3 * a (1.0) = 0.8; d: + 0.3 * b (0.8) = 0.44.
        assertEquals(List.of("a", "b", "c", "e", "d"), lifted.stream().map(Fused::id).toList());
        assertEquals(1.15, lifted.get(0).score(), 1e-12);
        assertEquals(0.86, lifted.get(1).score(), 1e-12);
        assertEquals(0.80, lifted.get(2).score(), 1e-12);
        assertEquals(0.70, lifted.get(3).score(), 1e-12, "no section: no lift");
        assertEquals(0.44, lifted.get(4).score(), 1e-12);
    }

    @Test
    void alone_in_its_section_a_resource_is_not_lifted_by_itself() {
        List<Fused> lifted = SectionLift.lift(List.of(f("a", 1.0), f("b", 0.8)), SECTIONS::get, 0.5);
        assertEquals(List.of(f("a", 1.0), f("b", 0.8)), lifted);
    }

    @Test
    void only_the_first_matches_lift_others() {
        List<Fused> ranked = new java.util.ArrayList<>();
        for (int i = 0; i < SectionLift.MATCHES; i++) {
            ranked.add(f("x" + i, 1.0 - i * 0.01));
        }
        ranked.add(f("a", 0.5));
        ranked.add(f("c", 0.4));
        List<Fused> lifted = SectionLift.lift(ranked, id -> SECTIONS.getOrDefault(id, Set.of()), 0.5);
        assertEquals(0.5, lifted.stream().filter(x -> x.id().equals("a")).findFirst().orElseThrow().score(), 1e-12,
                "c is the 12th result, not a match: it lifts nothing");
    }

    @Test
    void alpha_zero_changes_nothing() {
        List<Fused> ranked = List.of(f("c", 0.5), f("a", 0.4));
        assertEquals(ranked, SectionLift.lift(ranked, SECTIONS::get, 0));
    }
}
