package dev.shelf.search;

/**
 * How hybrid mode merges the two ranked lists.
 *
 * <p>{@link #RRF}: reciprocal rank fusion, {@code sum 1 / (60 + rank)}, blind to score scales.
 * {@link #WEIGHTED}: min-max normalized scores, {@code w * semantic + (1 - w) * lexical}.
 */
public enum Fusion {
    RRF,
    WEIGHTED;

    /** The RRF constant of the original paper (Cormack et al. 2009), which damps the head of each list. */
    public static final int RRF_K = 60;
    /**
     * The fusion that wins on the dev set (../shared/eval, bundled lists, BGE small int8): nDCG@10 0.744 weighted
     * against 0.686 RRF, measured with {@code shelf eval}.
     */
    public static final Fusion DEFAULT = WEIGHTED;
    /** Weight of the semantic side in weighted fusion; 0.5 scored best of 0.3 to 0.7 on the dev set. */
    public static final double DEFAULT_SEMANTIC_WEIGHT = 0.5;
}
