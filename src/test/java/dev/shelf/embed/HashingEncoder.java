package dev.shelf.embed;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A deterministic stand-in for the model in the unit tier: each lower-cased word of a text (a run of letters and
 * digits) adds 1 to the dimension its FNV-1a hash picks, and the sum is L2-normalized. Texts sharing words are close,
 * texts sharing none are orthogonal (unless two of their words happen to share a dimension). A text without a word is
 * the unit vector of dimension 0, so that every vector has unit length as the index's dot product expects. One token
 * is one word. NOTE: thread-safe; closing does nothing.
 */
public final class HashingEncoder implements Encoder {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final int dimensions;
    private final int chunkTokens;
    private final String variant;
    private final Scope scope;

    /**
     * @param dimensions vector length
     * @param chunkTokens the token (word) budget of one indexed passage, at least 16 (the chunker's minimum)
     */
    public HashingEncoder(int dimensions, int chunkTokens) {
        this(dimensions, chunkTokens, "", Scope.ALL);
    }

    private HashingEncoder(int dimensions, int chunkTokens, String variant, Scope scope) {
        this.dimensions = dimensions;
        this.chunkTokens = chunkTokens;
        this.variant = variant;
        this.scope = scope;
    }

    /** The same model embedding only the texts of the given scope, as bge-small-zh embeds only Chinese. */
    public HashingEncoder scoped(Scope only) {
        return new HashingEncoder(dimensions, chunkTokens, variant, only);
    }

    @Override
    public Scope scope() {
        return scope;
    }

    /**
     * The same model under the same name whose vectors count as made another way (as a real model whose passage
     * prefix or pooling changed): its vector identity differs.
     */
    public HashingEncoder variant(String name) {
        return new HashingEncoder(dimensions, chunkTokens, name, scope);
    }

    @Override
    public String vectorIdentity() {
        return variant.isEmpty() ? name() : name() + "/" + variant;
    }

    /** The lower-cased words of a text, in order. */
    public static List<String> words(String text) {
        return Arrays.stream(NOT_WORD.split(text.toLowerCase(Locale.ROOT))).filter(w -> !w.isEmpty()).toList();
    }

    /** The dimension a word adds to: its 32-bit FNV-1a hash over UTF-8, modulo the dimensions. */
    public int dimension(String word) {
        int hash = 0x811c9dc5;
        for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return Math.floorMod(hash, dimensions);
    }

    @Override
    public String name() {
        return "hashing-" + dimensions;
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
        return words(text).size();
    }

    @Override
    public float[] encodeQuery(String query) {
        return vector(query);
    }

    @Override
    public List<float[]> encode(List<String> passages) {
        return passages.stream().map(this::vector).toList();
    }

    private float[] vector(String text) {
        float[] v = new float[dimensions];
        List<String> words = words(text);
        if (words.isEmpty()) {
            v[0] = 1;
            return v;
        }
        words.forEach(w -> v[dimension(w)] += 1);
        UnitVectors.normalize(v);
        return v;
    }

    @Override
    public void close() {
        // Holds nothing.
    }
}
