package dev.shelf.search;

import dev.shelf.embed.Encoder;
import dev.shelf.embed.Scope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The fusion weight of each ranked list for one query: every list the same, or, given a semantic weight {@code s},
 * the lexical list {@code 1 - s} and the model lists {@code s} shared equally; when query-aware, a long question (at least {@value #LONG_QUESTION_WORDS} words) halves the
 * lexical weight, since its many common words make BM25 match on words that do not carry its meaning. A pure function.
 */
final class QueryWeights {

    /** From this many words on, a query is a question in sentences rather than keywords. */
    static final int LONG_QUESTION_WORDS = 8;
    static final double LONG_QUESTION_LEXICAL_FACTOR = 0.5;

    private QueryWeights() {
    }

    /**
     * The weights of the lists for this query.
     *
     * @param query the user's text
     * @param lexical whether a lexical list takes part
     * @param models the model lists taking part, in order
     * @param semanticShare {@code s}, 0..1, or empty for equal weights
     * @param queryAware whether the query's form changes the weights
     * @return weight by list name, lexical first
     */
    static Map<String, Double> of(String query, boolean lexical, List<String> models, OptionalDouble semanticShare,
                                  boolean queryAware) {
        int lists = models.size() + (lexical ? 1 : 0);
        double share = semanticShare.orElse(lexical ? (double) models.size() / lists : 1);
        Map<String, Double> weights = new LinkedHashMap<>();
        if (lexical) {
            double w = 1 - share;
            if (queryAware && isLongQuestion(query)) {
                w *= LONG_QUESTION_LEXICAL_FACTOR;
            }
            weights.put(SearchService.LEXICAL, w);
        }
        for (String model : models) {
            weights.put(model, share / models.size());
        }
        return weights;
    }

    /**
     * The models asked for this query: those that cover it; when query-aware, a query in Chinese asks only the
     * Chinese models when there are any, since the English models place Chinese text poorly (measured on the tuning
     * set's Chinese questions: see the README's Quality section).
     */
    static List<Encoder> modelsFor(String query, List<Encoder> models, boolean queryAware) {
        List<Encoder> covering = models.stream().filter(m -> m.covers(query)).toList();
        if (queryAware && Scope.hasChinese(query)) {
            List<Encoder> chinese = covering.stream().filter(m -> m.scope() == Scope.CHINESE).toList();
            if (!chinese.isEmpty()) {
                return chinese;
            }
        }
        return covering;
    }

    /** Words of the query: whitespace-separated runs, and for Chinese, which has no spaces, two Han characters a word. */
    static int words(String query) {
        String stripped = query.strip();
        if (stripped.isEmpty()) {
            return 0;
        }
        if (Scope.hasChinese(stripped)) {
            long han = stripped.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
            return (int) Math.max(1, han / 2);
        }
        return stripped.split("\\s+").length;
    }

    static boolean isLongQuestion(String query) {
        return words(query) >= LONG_QUESTION_WORDS;
    }
}
