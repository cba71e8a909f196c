package dev.shelf.embed;

import java.util.List;

/**
 * Turns text into vectors: what indexing and search need of an embedding model, and nothing more. The ONNX model
 * ({@link OnnxEncoder}) is the real one; a second model, or a deterministic fake in tests, implements the same.
 * NOTE: implementations are thread-safe; the owner closes them once.
 */
public interface Encoder extends AutoCloseable {

    /** The model id; part of every embedding-cache key and recorded in each build. */
    String name();

    /** Length of every vector. */
    int dimensions();

    /** The token budget of one indexed passage, special tokens included. */
    int chunkTokens();

    /** How many tokens the text is, without the special tokens the model adds. */
    int tokenCount(String text);

    /**
     * How many tokens the model runs over to embed this passage: its passage form (with any passage prefix) and the
     * special tokens ({@code [CLS]}, {@code [SEP]}), as far as the model reads. What embedding throughput counts. The
     * default suits an encoder without a passage prefix; one with a prefix overrides it.
     */
    default int passageTokens(String passage) {
        return tokenCount(passage) + 2;
    }

    /** The vector of a query, in the model's query form (with its query prefix, if it has one). */
    float[] encodeQuery(String query);

    /** The vectors of passages, in the given order (each in the model's passage form, with its passage prefix). */
    List<float[]> encode(List<String> passages);

    /**
     * Loads now what embedding passages needs beyond what queries need (for the ONNX model, its passage session), so
     * that a build can time loading the model apart from embedding with it. {@link #encode} loads it anyway.
     */
    default void readyForPassages() {
    }

    /**
     * Whether the model embeds this text, passage or query: a model for one language leaves other text alone, and its
     * vector field and ranked list then have nothing for it.
     */
    default boolean covers(String text) {
        return scope().covers(text);
    }

    /**
     * What makes this model's vectors what they are: its name, and for a real model the passage prefix, pooling and
     * normalization it embeds with. The embedding cache keys vectors by it, so that changing one of those in a
     * model's spec embeds the passages again instead of reusing vectors made the old way.
     */
    default String vectorIdentity() {
        return name();
    }

    /**
     * Which texts the model reads: all, English (every passage, but no Chinese query without an English word), or only
     * Chinese.
     */
    default Scope scope() {
        return Scope.ALL;
    }

    @Override
    void close();
}
