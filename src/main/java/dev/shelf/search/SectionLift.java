package dev.shelf.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The lists' structure as evidence: curators put related entries under one heading, so when a heading's entries match
 * the question, its other entries are likely answers too. Each resource gains {@code alpha} times the best fused score
 * of another resource among the first {@value #MATCHES} that shares one of its sections (a heading path in one list).
 * A pure function: the result depends only on its inputs, ties broken by id as in {@link Fusion}.
 */
public final class SectionLift {

    /** The results that count as the question's matches, whose sections lift the others. */
    public static final int MATCHES = 10;

    private SectionLift() {
    }

    /**
     * The ranking with each resource lifted by its sections' best other match, re-sorted best first.
     *
     * @param ranked fused resources, best first
     * @param sectionsOf the section keys of a resource (one per list and heading path that holds it; none for an
     *                   entry at the top of a list, which no heading groups)
     * @param alpha how much of a section's best match a resource gains; 0 leaves the ranking as it is
     */
    public static List<Fused> lift(List<Fused> ranked, Function<String, Set<String>> sectionsOf, double alpha) {
        if (alpha == 0 || ranked.isEmpty()) {
            return ranked;
        }
        // The best and second-best match of each section, so that a resource is never lifted by itself.
        Map<String, Fused[]> best = new HashMap<>();
        for (Fused f : ranked.subList(0, Math.min(MATCHES, ranked.size()))) {
            for (String section : sectionsOf.apply(f.id())) {
                Fused[] top = best.computeIfAbsent(section, s -> new Fused[2]);
                if (top[0] == null) {
                    top[0] = f;
                } else if (top[1] == null) {
                    top[1] = f;
                }
            }
        }
        List<Fused> lifted = new ArrayList<>(ranked.size());
        for (Fused f : ranked) {
            double gain = 0;
            for (String section : sectionsOf.apply(f.id())) {
                Fused[] top = best.get(section);
                if (top != null) {
                    Fused other = top[0].id().equals(f.id()) ? top[1] : top[0];
                    if (other != null) {
                        gain = Math.max(gain, other.score());
                    }
                }
            }
            lifted.add(gain == 0 ? f : f.withScore(f.score() + alpha * gain));
        }
        lifted.sort(Fusion.BEST_FIRST);
        return lifted;
    }
}
