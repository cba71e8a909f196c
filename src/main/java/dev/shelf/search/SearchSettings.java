package dev.shelf.search;

/**
 * How the search service ranks: the fusion of hybrid mode, the weight the model lists share in it (the lexical list
 * weighs {@code 1 - semanticWeight}; see {@link QueryWeights}), whether the query's form changes the weights, and how
 * many query vectors it keeps per model.
 *
 * @param fusion how hybrid mode fuses the lists
 * @param semanticWeight 0..1, shared equally by the model lists
 * @param queryAware whether a long question weighs the lexical list less ({@link QueryWeights})
 * @param queryCacheSize query vectors kept per model; 0 encodes every query (benchmarks measure that)
 */
public record SearchSettings(Fusion fusion, double semanticWeight, boolean queryAware, int queryCacheSize) {

    /** Query vectors kept: the UI asks for every prefix of what the user types, and people repeat themselves. */
    public static final int QUERY_CACHE_SIZE = 2048;

    /**
     * Weighted fusion with equal weights: on the dev set (../shared/eval beside the checkout, bundled lists, BGE small
     * int8) it scored nDCG@10 0.744 against 0.686 for RRF, and 0.5 scored best of semantic weights 0.3 to 0.7.
     */
    public static final double DEFAULT_SEMANTIC_WEIGHT = 0.5;
    /** See {@link #DEFAULT_SEMANTIC_WEIGHT}. */
    public static final SearchSettings DEFAULT = new SearchSettings(Fusion.WEIGHTED, DEFAULT_SEMANTIC_WEIGHT, false,
            QUERY_CACHE_SIZE);

    public SearchSettings {
        if (fusion == null) {
            throw new IllegalArgumentException("fusion must not be null");
        }
        if (!(semanticWeight >= 0 && semanticWeight <= 1)) {
            throw new IllegalArgumentException("semantic weight must be between 0 and 1, got " + semanticWeight);
        }
        if (queryCacheSize < 0) {
            throw new IllegalArgumentException("query cache size must not be negative, got " + queryCacheSize);
        }
    }

    public SearchSettings withFusion(Fusion other) {
        return new SearchSettings(other, semanticWeight, queryAware, queryCacheSize);
    }

    public SearchSettings withSemanticWeight(double weight) {
        return new SearchSettings(fusion, weight, queryAware, queryCacheSize);
    }

    public SearchSettings withQueryAware(boolean aware) {
        return new SearchSettings(fusion, semanticWeight, aware, queryCacheSize);
    }

    public SearchSettings withQueryCacheSize(int size) {
        return new SearchSettings(fusion, semanticWeight, queryAware, size);
    }
}
