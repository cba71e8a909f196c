package dev.shelf.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The lists' agreement as evidence: an entry that several curators chose on their own is more likely a standard
 * reference than one that a single list mentions. Each resource's fused score is multiplied by
 * {@code 1 + beta * (lists - 1)}, where {@code lists} is how many reading lists mention it; a resource in one list keeps
 * its score. A pure function: the result depends only on its inputs, ties broken by id as in {@link Fusion}.
 */
public final class ListVotes {

    private ListVotes() {
    }

    /**
     * The ranking with each resource's score raised by the other lists that mention it, re-sorted best first.
     *
     * @param ranked fused resources, best first, scores not negative
     * @param listsOf how many distinct lists mention a resource (1 or more; 0 for one the index no longer has)
     * @param beta the gain per further list; 0 leaves the ranking as it is
     */
    public static List<Fused> lift(List<Fused> ranked, ToIntFunction<String> listsOf, double beta) {
        if (beta == 0 || ranked.isEmpty()) {
            return ranked;
        }
        List<Fused> lifted = new ArrayList<>(ranked.size());
        for (Fused f : ranked) {
            int others = Math.max(0, listsOf.applyAsInt(f.id()) - 1);
            lifted.add(others == 0 ? f : f.withScore(f.score() * (1 + beta * others)));
        }
        lifted.sort(Fusion.BEST_FIRST);
        return lifted;
    }
}
