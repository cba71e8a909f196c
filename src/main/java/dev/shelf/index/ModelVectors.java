package dev.shelf.index;

import dev.shelf.chunk.Chunk;
import dev.shelf.embed.EmbeddingCache;
import dev.shelf.embed.Encoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/**
 * One model's vectors of a build's passages: those it covers, from its own embedding cache, with the missing ones
 * embedded and added to the cache. A passage the model does not cover (English text for a Chinese model) has none.
 */
final class ModelVectors implements IndexStore.PassageVectors {

    /** Passages handed to the encoder per call: small enough for a smooth progress bar. */
    private static final int EMBED_STEP = 64;

    private final Encoder encoder;
    private final List<Chunk> chunks;
    private final EmbeddingCache cache;
    /** Cache key of each passage, or null where the model does not cover it. */
    private final List<String> keys;

    private ModelVectors(Encoder encoder, List<Chunk> chunks, EmbeddingCache cache, List<String> keys) {
        this.encoder = encoder;
        this.chunks = chunks;
        this.cache = cache;
        this.keys = keys;
    }

    static ModelVectors open(Encoder encoder, List<Chunk> chunks, IndexLayout layout) throws IOException {
        EmbeddingCache cache = EmbeddingCache.open(layout.embeddingCache(encoder.name()), encoder.vectorIdentity(),
                encoder.dimensions());
        List<String> keys = new ArrayList<>(chunks.size());
        for (Chunk chunk : chunks) {
            keys.add(encoder.covers(chunk.text()) ? cache.key(chunk.text()) : null);
        }
        return new ModelVectors(encoder, chunks, cache, keys);
    }

    @Override
    public String model() {
        return encoder.name();
    }

    @Override
    public int dimensions() {
        return encoder.dimensions();
    }

    @Override
    public float[] vector(int i) {
        String key = keys.get(i);
        return key == null ? null : cache.get(key);
    }

    BuildInfo.ModelInfo info() {
        return new BuildInfo.ModelInfo(encoder.name(), encoder.dimensions(), (int) keys.stream().filter(k -> k != null).count());
    }

    /**
     * Embeds the covered passages that the cache lacks (all of them with {@code rebuild}), shortest first so that each
     * batch holds passages of about one length: a batch is padded to its longest passage, and steps taken in file
     * order padded most of the bundled lists' batches to the 256-token limit, embedding at about a third of the
     * sorted rate. The model is readied first and timed apart, so that the rate is the
     * embedding's; with nothing missing it is not readied at all, and an unchanged build never opens its passage
     * session. Then saves the cache, keeping only this build's passages.
     */
    BuildSummary.ModelBuild embedMissing(boolean rebuild, BuildProgress progress) throws IOException {
        List<Integer> missing = new ArrayList<>();
        int covered = 0;
        for (int i = 0; i < chunks.size(); i++) {
            String key = keys.get(i);
            if (key != null) {
                covered++;
                if (rebuild || cache.get(key) == null) {
                    missing.add(i);
                }
            }
        }
        long readying = System.nanoTime();
        if (!missing.isEmpty()) {
            encoder.readyForPassages();
        }
        long started = System.nanoTime();
        double readySeconds = (started - readying) / 1e9;
        progress.start(missing.size());
        int[] tokenCounts = new int[chunks.size()];
        for (int i : missing) {
            tokenCounts[i] = encoder.passageTokens(chunks.get(i).text());
        }
        missing.sort(Comparator.comparingInt(i -> tokenCounts[i]));
        long tokens = 0;
        for (int from = 0; from < missing.size(); from += EMBED_STEP) {
            List<Integer> step = missing.subList(from, Math.min(missing.size(), from + EMBED_STEP));
            List<float[]> vectors = encoder.encode(step.stream().map(i -> chunks.get(i).text()).toList());
            for (int k = 0; k < step.size(); k++) {
                cache.put(keys.get(step.get(k)), vectors.get(k));
                tokens += tokenCounts[step.get(k)];
            }
            progress.advance(step.size());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        cache.retainOnly(new HashSet<>(keys.stream().filter(k -> k != null).toList()));
        cache.save();
        return new BuildSummary.ModelBuild(encoder.name(), missing.size(), covered - missing.size(), tokens, seconds,
                readySeconds);
    }
}
