package dev.shelf.search;

import dev.shelf.works.Works;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One work once: a ranking with each work at its best-ranked copy only, the way a web search engine folds
 * near-duplicates under one result. The copies left out are shown under it ({@link SearchResult#copies}). A pure
 * function.
 */
final class WorkFolding {

    private WorkFolding() {
    }

    /** The ranking with every copy after the first of its work left out, in order. */
    static List<Fused> fold(List<Fused> ranked, Works works) {
        if (works.noCopies()) {
            return ranked;
        }
        Set<String> seen = new HashSet<>();
        List<Fused> folded = new ArrayList<>(ranked.size());
        for (Fused f : ranked) {
            if (seen.add(works.workOf(f.id()))) {
                folded.add(f);
            }
        }
        return folded;
    }
}
