package dev.shelf.bench;

import dev.shelf.embed.Encoder;
import dev.shelf.embed.UnitVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * An encoder that counts tokens like a real model but gives every text a seeded random unit vector instead of running
 * the model. Building a synthetic corpus with it through {@link dev.shelf.index.IndexBuilder} chunks exactly as
 * production does (same tokenizer, same budget) while the time measured is the index's, not the model's. The vector
 * of a text depends only on the text, so builds are repeatable. NOTE: thread-safe; owns nothing.
 */
public final class RandomVectorEncoder implements Encoder {

    private final String name;
    private final int dimensions;
    private final int chunkTokens;
    private final ToIntFunction<String> tokens;

    /**
     * @param name the model id recorded in the build and the embedding-cache keys
     * @param dimensions length of every vector
     * @param chunkTokens the token budget of one passage
     * @param tokens counts the tokens of a text (a real tokenizer, so chunks come out as in production)
     */
    public RandomVectorEncoder(String name, int dimensions, int chunkTokens, ToIntFunction<String> tokens) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be positive, got " + dimensions);
        }
        this.name = name;
        this.dimensions = dimensions;
        this.chunkTokens = chunkTokens;
        this.tokens = tokens;
    }

    /**
     * Chunks as {@code model} does, with vectors of the same length, under the model's name: the build writes the
     * model's vector field, which the real model's query vectors then search, as a user's would. (Under another name
     * the field was one no search asked for, and the scale rows timed semantic searches that found nothing.)
     */
    public static RandomVectorEncoder like(Encoder model) {
        return new RandomVectorEncoder(model.name(), model.dimensions(), model.chunkTokens(), model::tokenCount);
    }

    @Override
    public String name() {
        return name;
    }

    /** Never a real model's: random vectors must not be taken from, or left in, an embedding cache as real ones. */
    @Override
    public String vectorIdentity() {
        return name + "+random";
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public int chunkTokens() {
        return chunkTokens;
    }

    @Override
    public int tokenCount(String text) {
        return tokens.applyAsInt(text);
    }

    @Override
    public float[] encodeQuery(String query) {
        return vector(query);
    }

    @Override
    public List<float[]> encode(List<String> passages) {
        List<float[]> vectors = new ArrayList<>(passages.size());
        for (String passage : passages) {
            vectors.add(vector(passage));
        }
        return vectors;
    }

    /** A unit vector of Gaussian components seeded by the text (String.hashCode is fixed by the language). */
    float[] vector(String text) {
        Random random = new Random(text.hashCode());
        float[] v = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            v[i] = (float) random.nextGaussian();
        }
        UnitVectors.normalize(v);
        return v;
    }

    @Override
    public void close() {
        // Nothing is held: the token counter belongs to the caller's model.
    }
}
