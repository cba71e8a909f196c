package dev.shelf.embed;

/** How token vectors become one sentence vector. */
public enum Pooling {
    /** The first ([CLS]) token's vector, as BGE models are trained. */
    CLS,
    /** The attention-masked mean of all token vectors, as most sentence-transformers are trained. */
    MEAN
}
