package dev.shelf.search;

import dev.shelf.embed.Encoder;
import dev.shelf.embed.Encoders;
import dev.shelf.embed.Scope;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The fusion weight of each ranked list for one query: every list the same, or, given a semantic weight {@code s},
 * the lexical list {@code 1 - s} and the model lists {@code s} shared equally. When query-aware (and no semantic weight
 * is given), two forms of query shift the weights, each by giving one list as much as all the others together:
 * <ul>
 *   <li>a query in Chinese: the lexical list weighs as much as all the models asked together. The English models
 *   place Chinese text poorly, so giving each its own equal share drowns the one list that reads Chinese well (and
 *   a Chinese query with no English word in it does not ask them at all: {@link Encoders#askedFor}).</li>
 *   <li>a long question ({@value #LONG_QUESTION_WORDS} words or more, not Chinese, not a description of a remembered
 *   entry: {@link QueryForm}): the question model weighs as much as all the other lists together. People write such
 *   questions in their own words, which the lists' words rarely match, and the model trained on question-answer pairs
 *   (all-MiniLM-L6-v2) was the best single list on them in both halves of the tuning set. A description keeps equal
 *   weights: on the tuning set's descriptions that ranked better in both halves.</li>
 * </ul>
 * A pure function.
 */
final class QueryWeights {

    /** Under query-aware weights, a Chinese query's lexical share: half, the models the other half. */
    static final double CHINESE_LEXICAL_SHARE = 0.5;
    /** Under query-aware weights, a long question's share of the question model: half, the other lists the rest. */
    static final double QUESTION_MODEL_SHARE = 0.5;
    /** Words from which a query is a long question: a round threshold, not tuned (docs/experiments.md). */
    static final int LONG_QUESTION_WORDS = 8;

    private QueryWeights() {
    }

    /**
     * The weights of the lists for this query.
     *
     * @param query the user's text
     * @param lexical whether a lexical list takes part
     * @param models the model lists taking part, in order
     * @param semanticShare {@code s}, 0..1, or empty for equal weights; a given share fixes the weights in every mode
     *                      (no rule of the query's form moves them), and counts only where there is a lexical list
     * @param queryAware whether the query's form changes the weights
     * @param questionModel the model a long question leans on; empty, or a model not taking part, for none
     * @return weight by list name, lexical first
     */
    static Map<String, Double> of(String query, boolean lexical, List<String> models, OptionalDouble semanticShare,
                                  boolean queryAware, String questionModel) {
        int lists = models.size() + (lexical ? 1 : 0);
        boolean aware = queryAware && semanticShare.isEmpty();
        Map<String, Double> weights = new LinkedHashMap<>();
        if (aware && lists > 1 && models.contains(questionModel) && isLongQuestion(query)) {
            double other = (1 - QUESTION_MODEL_SHARE) / (lists - 1);
            if (lexical) {
                weights.put(Retrieval.LEXICAL, other);
            }
            for (String model : models) {
                weights.put(model, model.equals(questionModel) ? QUESTION_MODEL_SHARE : other);
            }
            return weights;
        }
        double share = lexical ? semanticShare.orElse((double) models.size() / lists) : 1;
        if (aware && lexical && Scope.hasChinese(query)) {
            share = 1 - CHINESE_LEXICAL_SHARE;
        }
        if (lexical) {
            weights.put(Retrieval.LEXICAL, 1 - share);
        }
        for (String model : models) {
            weights.put(model, share / models.size());
        }
        return weights;
    }

    /**
     * The weights of the lists of a search with typed sub-searches ({@link SubSearch}): each sub-search that answered
     * has the same share, shared equally among its lists: the question brings four lists and the keywords one, and a
     * weight per list ranked worse on both halves of the tuning set (docs/experiments.md). No rule of the question's
     * form moves them: whoever typed the keywords and the answer already did what those rules guess at, and a given
     * semantic weight is for a question alone.
     *
     * @param lists the names of the lists taking part, in order
     * @return weight by list name, in the order given
     */
    static Map<String, Double> typed(List<String> lists) {
        Map<SubSearch, Long> perSubSearch = new EnumMap<>(SubSearch.class);
        lists.forEach(list -> perSubSearch.merge(SubSearch.of(list), 1L, Long::sum));
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String list : lists) {
            weights.put(list, 1.0 / perSubSearch.size() / perSubSearch.get(SubSearch.of(list)));
        }
        return weights;
    }

    /**
     * Whether the query is a long question: {@value #LONG_QUESTION_WORDS} or more words, no Chinese, and not the
     * description of a remembered entry ({@link QueryForm#isDescription}), which weighs every list the same.
     */
    static boolean isLongQuestion(String query) {
        if (Scope.hasChinese(query)) {
            return false;
        }
        String words = query.strip();
        return !words.isEmpty() && words.split("\\s+").length >= LONG_QUESTION_WORDS && !QueryForm.isDescription(words);
    }

    /**
     * The models asked for this query: those whose scope answers it (a Chinese model only text with Chinese in it, an
     * English one no Chinese query without an English word), see {@link Encoders#askedFor}.
     */
    static List<Encoder> modelsFor(String query, List<Encoder> models) {
        return Encoders.askedFor(query, models);
    }
}
