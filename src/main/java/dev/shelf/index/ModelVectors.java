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
    /**
     * How often a long embedding saves its cache, so that a build killed half way resumes from where it was: the save
     * rewrites the whole cache file, so not after every step.
     */
    private static final long SAVE_EVERY_NANOS = 10_000_000_000L;

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

    /** Passages the model covers. */
    int covered() {
        return (int) keys.stream().filter(k -> k != null).count();
    }

    /** Covered passages that have no vector yet (all of them with {@code rebuild}). */
    int missing(boolean rebuild) {
        return missingPassages(rebuild).size();
    }

    private List<Integer> missingPassages(boolean rebuild) {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            String key = keys.get(i);
            if (key != null && (rebuild || cache.get(key) == null)) {
                missing.add(i);
            }
        }
        return missing;
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
     * session. Saves the cache every ten seconds on the way, and at the end, keeping only this build's passages.
     */
    BuildSummary.ModelBuild embedMissing(boolean rebuild, BuildProgress progress) throws IOException {
        List<Integer> missing = missingPassages(rebuild);
        int covered = covered();
        long readying = System.nanoTime();
        if (!missing.isEmpty()) {
            encoder.readyForPassages();
        }
        long started = System.nanoTime();
        double readySeconds = (started - readying) / 1e9;
        progress.start(encoder.name(), missing.size());
        int[] tokenCounts = new int[chunks.size()];
        for (int i : missing) {
            tokenCounts[i] = encoder.passageTokens(chunks.get(i).text());
        }
        missing.sort(Comparator.comparingInt(i -> tokenCounts[i]));
        long tokens = 0;
        long saved = System.nanoTime();
        try {
            for (int from = 0; from < missing.size(); from += EMBED_STEP) {
                List<Integer> step = missing.subList(from, Math.min(missing.size(), from + EMBED_STEP));
                List<float[]> vectors = encoder.encode(step.stream().map(i -> chunks.get(i).text()).toList());
                for (int k = 0; k < step.size(); k++) {
                    cache.put(keys.get(step.get(k)), vectors.get(k));
                    tokens += tokenCounts[step.get(k)];
                }
                progress.advance(step.size());
                if (System.nanoTime() - saved > SAVE_EVERY_NANOS) {
                    cache.save();
                    saved = System.nanoTime();
                }
            }
        } catch (RuntimeException e) {
            // What was embedded before the failure is not embedded again by the next build.
            try {
                cache.save();
            } catch (IOException | RuntimeException notSaved) {
                e.addSuppressed(notSaved);
            }
            throw e;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        cache.retainOnly(new HashSet<>(keys.stream().filter(k -> k != null).toList()));
        cache.save();
        return new BuildSummary.ModelBuild(encoder.name(), missing.size(), covered - missing.size(), tokens, seconds,
                readySeconds);
    }
}
