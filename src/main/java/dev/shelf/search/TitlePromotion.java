package dev.shelf.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fusion must not bury an obvious exact match: a query equal to a resource's title, ignoring case and punctuation,
 * puts that resource first whatever the retrievers said.
 */
public final class TitlePromotion {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TitlePromotion() {
    }

    /** What two titles must share to be equal: NFKC, lower case, runs of anything but letters and digits as one space. */
    public static String key(String title) {
        String folded = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(folded).replaceAll(" ").strip();
    }

    /**
     * The ranking with the exact matches first: those already ranked in their ranked order, then the others by id
     * (with no retriever ranks), each scored at least as high as the old first result; the rest follow unchanged.
     *
     * @param exactIds the resources whose title equals the query (already limited to the lists searched)
     */
    public static List<Fused> promote(List<Fused> ranked, List<String> exactIds) {
        if (exactIds.isEmpty()) {
            return ranked;
        }
        double top = ranked.isEmpty() ? 0 : ranked.get(0).score();
        List<Fused> first = new ArrayList<>();
        List<Fused> rest = new ArrayList<>(ranked.size());
        for (Fused f : ranked) {
            if (exactIds.contains(f.id())) {
                first.add(f.withScore(Math.max(f.score(), top)));
            } else {
                rest.add(f);
            }
        }
        exactIds.stream().sorted()
                .filter(id -> first.stream().noneMatch(f -> f.id().equals(id)))
                .forEach(id -> first.add(new Fused(id, top, Map.of())));
        first.addAll(rest);
        return first;
    }
}
