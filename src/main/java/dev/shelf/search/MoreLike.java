package dev.shelf.search;

import java.util.ArrayList;
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
 * A query that asks for resources like a named one ("more like X", "something like X", "other datasets like X",
 * "similar to X", "alternatives to X"): the name X, and whether a resource's title is that name. Such a query also
 * fuses X's related lists, for the resources that match its words are X itself and whatever else bears X's name, where
 * the reader wants X's neighbours: the expand step ({@link Expansion}) adds X's related lists and leaves X out. Pure
 * functions.
 */
final class MoreLike {

    /** What the related lists of X are called among the query's own lists: "like lexical", "like " + model. */
    static final String LIST_PREFIX = "like ";
    /** The related lists' share of the weight: as much as the query's own lists together. */
    static final double RELATED_SHARE = 0.5;

    /** What one asks for more of. */
    private static final String THINGS = "(?:something|anything|stuff|articles?|resources?|papers?|posts?|blogs?|"
            + "links?|reads?|tutorials?|guides?|courses?|videos?|notebooks?|tools?|apps?|projects?|repos?|libraries|"
            + "library|frameworks?|datasets?|models?)";
    /**
     * The request forms, at the start of the query: "more" or "other", perhaps a thing, then "like"; a thing, then
     * "like" or "similar to"; "similar to"; "alternatives to". Never a bare "to" after "more" or "other" ("other ways
     * to fine-tune" asks how, not for something like a named resource).
     */
    private static final Pattern REQUEST = Pattern.compile("(?iu)^\\s*(?:"
            + "(?:more|other)(?:\\s+" + THINGS + ")?\\s+like"
            + "|" + THINGS + "\\s+(?:like|similar\\s+to)"
            + "|similar\\s+to"
            + "|alternatives?\\s+to)\\s+(.+)$");
    /** A quoted title at the start of the subject: the closing quote ends a word, so "Karpathy's" stays whole. */
    private static final Pattern QUOTED = Pattern.compile("^['\"‘“](.+?)['\"’”](?=\\s|$)");
    /** Where the name ends and the rest of the request begins: "Axolotl for fine-tuning", "nanoGPT by Karpathy". */
    private static final Pattern QUALIFIER = Pattern.compile(
            "(?iu)[,;?!(]|\\s(?:by|for|with|that|which|who|where|when|but)\\s");
    private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Words that say nothing about which resource is meant. */
    private static final Set<String> FILLER = Set.of("a", "an", "the", "this", "that", "these", "those", "it", "one",
            "ones", "of", "on", "to", "and", "or", "in", "is", "are");

    private MoreLike() {
    }

    /**
     * The name X of a request for resources like X: a quoted title as it is, or the words before any qualifier ("for
     * quick demos", "by Andrej Karpathy", a comma); empty when the query is not such a request or names nothing.
     */
    static Optional<String> subject(String query) {
        Matcher request = REQUEST.matcher(query);
        if (!request.matches()) {
            return Optional.empty();
        }
        String rest = request.group(1).strip();
        Matcher quoted = QUOTED.matcher(rest);
        String name;
        if (quoted.find()) {
            name = quoted.group(1).strip();
        } else {
            Matcher qualifier = QUALIFIER.matcher(rest);
            name = (qualifier.find() ? rest.substring(0, qualifier.start()) : rest).strip();
        }
        return words(name).isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /** Whether a title is the name: it holds every word of the name that is not filler ("the", "of"...). */
    static boolean names(String title, String name) {
        Set<String> titleWords = words(title);
        Set<String> nameWords = words(name);
        return !nameWords.isEmpty() && titleWords.containsAll(nameWords);
    }

    /**
     * The expand step's answer: what a request for resources like X adds to the query's own lists.
     *
     * @param name X as the query names it, whose words the snippets mark
     * @param subject the resource X stands for
     * @param rankings X's related lists, each named {@link #LIST_PREFIX} and its retriever
     * @param weights the related lists' weights: {@link #RELATED_SHARE} shared equally
     * @param leftOut the ids left out of every list: X and its duplicates (same URL or same title)
     */
    record Expansion(String name, SearchResponse.Like subject, List<Ranking> rankings, Map<String, Double> weights,
                     Set<String> leftOut) {

        /** An expansion whose related lists share {@link #RELATED_SHARE} of the weight equally. */
        static Expansion of(String name, SearchResponse.Like subject, List<Ranking> rankings, Set<String> leftOut) {
            Map<String, Double> weights = new LinkedHashMap<>();
            rankings.forEach(r -> weights.put(r.retriever(), RELATED_SHARE / rankings.size()));
            return new Expansion(name, subject, rankings, weights, leftOut);
        }

        /** The query's own lists without the ids left out, then the related lists. */
        List<Ranking> joinRankings(List<Ranking> own) {
            List<Ranking> joined = new ArrayList<>(own.size() + rankings.size());
            own.forEach(r -> joined.add(r.filter(id -> !leftOut.contains(id))));
            joined.addAll(rankings);
            return joined;
        }

        /**
         * The query's own weights keeping their proportions in what the related lists leave, then the related lists'
         * weights.
         */
        Map<String, Double> joinWeights(Map<String, Double> own) {
            double sum = own.values().stream().mapToDouble(Double::doubleValue).sum();
            Map<String, Double> joined = new LinkedHashMap<>();
            own.forEach((list, w) -> joined.put(list, sum > 0 ? (1 - RELATED_SHARE) * w / sum : 0));
            joined.putAll(weights);
            return joined;
        }
    }

    private static Set<String> words(String text) {
        return Arrays.stream(WORD.split(text.toLowerCase(Locale.ROOT)))
                .filter(w -> !w.isEmpty() && !FILLER.contains(w))
                .collect(Collectors.toSet());
    }
}
