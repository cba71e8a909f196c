package dev.shelf.search;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A query that asks for resources like a named one ("more like X", "something like X", "alternatives to X", "other
 * datasets like X", "similar to X"): its subject X, and whether a resource's title names it. Such a query is answered
 * by X's related resources, not by the resources that match its words: those are X itself and whatever else shares
 * X's name, where the reader wants X's neighbours. Pure functions.
 */
final class MoreLike {

    /** What the related lists of X are called among the query's own lists: "like lexical", "like " + model. */
    static final String LIST_PREFIX = "like ";
    /** The related lists' share of the weight: as much as the query's own lists together. */
    static final double RELATED_SHARE = 0.5;

    /**
     * The request forms, at the start of the query: a word of comparison ("more", "other", "similar") and whatever
     * nouns follow it up to "like" or "to"; a thing asked for ("something", "articles", "tools"...) followed by "like"
     * or "similar to"; or "alternatives to".
     */
    private static final Pattern REQUEST = Pattern.compile("(?iu)^\\s*(?:"
            + "(?:more|other|similar)(?:\\s+\\p{L}+){0,2}?\\s+(?:like|to)"
            + "|(?:something|anything|articles?|resources?|papers?|posts?|tools?|projects?|libraries|courses?|"
            + "datasets?|models?|reads?)\\s+(?:like|similar\\s+to)"
            + "|alternatives?\\s+to)\\s+(.+?)\\s*$");
    /** Quotes around the subject, or around its title before a "by ..." byline. */
    private static final Pattern QUOTED = Pattern.compile("^['\"‘“](.+?)['\"’”](.*)$");
    private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Words that say nothing about which resource is meant. */
    private static final Set<String> FILLER = Set.of("a", "an", "the", "this", "that", "these", "those", "it", "one",
            "ones", "by", "for", "of", "on", "to", "and", "or", "in", "with");

    private MoreLike() {
    }

    /** The subject X of a request for resources like X, without quotes; empty when the query is not one. */
    static Optional<String> subject(String query) {
        Matcher request = REQUEST.matcher(query);
        if (!request.matches()) {
            return Optional.empty();
        }
        String subject = request.group(1).strip();
        Matcher quoted = QUOTED.matcher(subject);
        if (quoted.matches()) {
            subject = (quoted.group(1) + quoted.group(2)).strip();
        }
        return words(subject).isEmpty() ? Optional.empty() : Optional.of(subject);
    }

    /** Whether a title names the subject: they share a word that is not filler ("this", "the"...). */
    static boolean names(String title, String subject) {
        Set<String> subjectWords = words(subject);
        return words(title).stream().anyMatch(subjectWords::contains);
    }

    /**
     * The weights when X's related lists join the query's own: the query's lists keep their proportions in half the
     * weight, and the related lists share the other half equally.
     */
    static Map<String, Double> weights(Map<String, Double> queryWeights, List<String> relatedLists) {
        double own = queryWeights.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> weights = new LinkedHashMap<>();
        queryWeights.forEach((list, w) -> weights.put(list, own > 0 ? (1 - RELATED_SHARE) * w / own : 0));
        relatedLists.forEach(list -> weights.put(list, RELATED_SHARE / relatedLists.size()));
        return weights;
    }

    private static Set<String> words(String text) {
        return Arrays.stream(WORD.split(text.toLowerCase(Locale.ROOT)))
                .filter(w -> !w.isEmpty() && !FILLER.contains(w))
                .collect(Collectors.toSet());
    }
}
