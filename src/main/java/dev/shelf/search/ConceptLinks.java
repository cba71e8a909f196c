package dev.shelf.search;

import dev.shelf.ingest.Kind;
import dev.shelf.ingest.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Concept entries as evidence: a list that defines a term ("GGUF: a file format for quantized models") says what the
 * resources titled with that term are about. When a concept is among the question's first {@value #MATCHES} matches,
 * each resource it links gains {@code gamma} times the concept's fused score. A concept links the link entries whose
 * title holds its title as whole words; one that links more than {@value #MAX_LINKS} ("LLM", "ML") says nothing in
 * particular and links none. Whole words need spaces or punctuation around them, so a concept links no title written
 * in Chinese, which has none; the bundled lists' Chinese concepts link nothing. Pure functions, ties broken by id as
 * in {@link Fusion}.
 */
public final class ConceptLinks {

    /** The results that count as the question's matches. */
    public static final int MATCHES = 10;
    /** The most resources a concept may link: beyond this its term is too common to be evidence. */
    public static final int MAX_LINKS = 20;
    /** Shorter concept titles ("Q*") match too much by accident. */
    private static final int MIN_TITLE_CHARS = 3;

    private ConceptLinks() {
    }

    /** Each concept's linked resources, by concept id; concepts that link none are absent. */
    public static Map<String, Set<String>> links(Collection<Resource> resources) {
        Map<String, Set<String>> links = new HashMap<>();
        for (Resource concept : resources) {
            String term = concept.title().strip();
            if (concept.kind() != Kind.CONCEPT || term.length() < MIN_TITLE_CHARS) {
                continue;
            }
            Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term.toLowerCase(Locale.ROOT))
                    + "(?![\\p{L}\\p{N}])");
            Set<String> linked = new LinkedHashSet<>();
            for (Resource r : resources) {
                if (r.kind() == Kind.LINK && word.matcher(r.title().toLowerCase(Locale.ROOT)).find()) {
                    linked.add(r.id());
                }
            }
            if (!linked.isEmpty() && linked.size() <= MAX_LINKS) {
                links.put(concept.id(), Set.copyOf(linked));
            }
        }
        return links;
    }

    /**
     * The ranking with each resource lifted by the best-matching concept that links it, re-sorted best first.
     *
     * @param ranked fused resources, best first
     * @param linksOf the resources a concept links (empty for any other resource)
     * @param gamma how much of the concept's score a linked resource gains; 0 leaves the ranking as it is
     */
    public static List<Fused> lift(List<Fused> ranked, Function<String, Set<String>> linksOf, double gamma) {
        if (gamma == 0 || ranked.isEmpty()) {
            return ranked;
        }
        Map<String, Double> gains = new HashMap<>();
        for (Fused concept : ranked.subList(0, Math.min(MATCHES, ranked.size()))) {
            for (String linked : linksOf.apply(concept.id())) {
                gains.merge(linked, concept.score(), Math::max);
            }
        }
        if (gains.isEmpty()) {
            return ranked;
        }
        List<Fused> lifted = new ArrayList<>(ranked.size());
        for (Fused f : ranked) {
            Double gain = gains.get(f.id());
            lifted.add(gain == null ? f : f.withScore(f.score() + gamma * gain));
        }
        lifted.sort(Fusion.BEST_FIRST);
        return lifted;
    }
}
