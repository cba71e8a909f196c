package dev.shelf.search;

import java.util.OptionalDouble;

/**
 * How the search service ranks: the fusion of hybrid mode, the weights of its lists (by default every list weighs the
 * same; or the model lists share a given semantic weight and the lexical list weighs the rest: see
 * {@link QueryWeights}), whether the query's form changes the weights, and how many query vectors it keeps per model.
 *
 * @param fusion how hybrid mode fuses the lists
 * @param semanticWeight 0..1, shared equally by the model lists; empty for equal weights of every list
 * @param queryAware whether the query's form changes the lists and their weights ({@link QueryWeights}): a Chinese
 *                   query weighs the lexical list as much as all the models, a long question the question model as
 *                   much as all the other lists
 * @param questionModel the model a long question leans on, when query-aware and the model is loaded; empty for none
 * @param moreLike whether a hybrid search for resources like a named one ("more like X") fuses in X's related lists
 *                 ({@link MoreLike})
 * @param queryCacheSize query vectors kept per model; 0 encodes every query (benchmarks measure that)
 */
public record SearchSettings(Fusion fusion, OptionalDouble semanticWeight, boolean queryAware, String questionModel,
                             boolean moreLike, int queryCacheSize) {

    /** Query vectors kept: the UI asks for every prefix of what the user types, and people repeat themselves. */
    public static final int QUERY_CACHE_SIZE = 2048;

    /**
     * The question model by default: all-MiniLM-L6-v2, trained on question-answer pairs, was the best single list on
     * long questions in both halves of the tuning set.
     */
    public static final String QUESTION_MODEL = "all-minilm-l6-v2-q";

    /**
     * Weighted fusion, every list weighing the same, except that a Chinese query weighs the lexical list as much as
     * all the models and a long question the question model as much as all the other lists (query-aware), and "more
     * like X" fuses in X's related lists. Chosen on the tuning set (src/test/resources/eval): each choice had to win on
     * both of its halves; see the README's Quality section.
     */
    public static final SearchSettings DEFAULT = new SearchSettings(Fusion.WEIGHTED, OptionalDouble.empty(), true,
            QUESTION_MODEL, true, QUERY_CACHE_SIZE);

    public SearchSettings {
        if (fusion == null) {
            throw new IllegalArgumentException("fusion must not be null");
        }
        if (semanticWeight == null) {
            throw new IllegalArgumentException("semantic weight must not be null (empty for equal weights)");
        }
        if (questionModel == null) {
            throw new IllegalArgumentException("question model must not be null (empty for none)");
        }
        semanticWeight.ifPresent(w -> {
            if (!(w >= 0 && w <= 1)) {
                throw new IllegalArgumentException("semantic weight must be between 0 and 1, got " + w);
            }
        });
        if (queryCacheSize < 0) {
            throw new IllegalArgumentException("query cache size must not be negative, got " + queryCacheSize);
        }
    }

    public SearchSettings withFusion(Fusion other) {
        return new SearchSettings(other, semanticWeight, queryAware, questionModel, moreLike, queryCacheSize);
    }

    public SearchSettings withSemanticWeight(OptionalDouble weight) {
        return new SearchSettings(fusion, weight, queryAware, questionModel, moreLike, queryCacheSize);
    }

    public SearchSettings withQueryAware(boolean aware) {
        return new SearchSettings(fusion, semanticWeight, aware, questionModel, moreLike, queryCacheSize);
    }

    public SearchSettings withQuestionModel(String model) {
        return new SearchSettings(fusion, semanticWeight, queryAware, model, moreLike, queryCacheSize);
    }

    public SearchSettings withMoreLike(boolean fuseRelated) {
        return new SearchSettings(fusion, semanticWeight, queryAware, questionModel, fuseRelated, queryCacheSize);
    }

    public SearchSettings withQueryCacheSize(int size) {
        return new SearchSettings(fusion, semanticWeight, queryAware, questionModel, moreLike, size);
    }
}
