package dev.shelf.library;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.shelf.index.BuildProgress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How far a server's build has come, for its lists' states: reading the lists, then (once the build is searchable by
 * words) each model's passages embedded of those it has to embed, and an estimate of the time left at the rate the
 * embedding has gone so far. NOTE: thread-safe; the build thread reports, any request thread reads.
 */
public final class EmbeddingProgress implements BuildProgress {

    /** Reading and analyzing the lists; not searchable yet. */
    static final String READING = "reading";
    /** Searchable by words; the models embed the new passages. */
    static final String EMBEDDING = "embedding";

    private final LongSupplier nanos;
    private final Object lock = new Object();
    // Guarded by lock.
    private final Map<String, long[]> models = new LinkedHashMap<>();
    private String phase = READING;
    private String current;
    private boolean searchable;
    private long embeddingStarted = -1;

    /** @param nanos the clock (System::nanoTime; a test's own) */
    EmbeddingProgress(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /**
     * What a list being built shows.
     *
     * @param phase {@value #READING} or {@value #EMBEDDING}
     * @param searchableByWords whether the build being served already holds the list's new passages (by words, and by
     *                          meaning where they were embedded before)
     * @param models each model's passages embedded of those it has to embed, in the order they embed
     * @param secondsLeft the estimated time until the complete build, at the rate so far; null before a rate is known
     */
    @JsonPropertyOrder({"phase", "searchableByWords", "models", "secondsLeft"})
    public record Snapshot(String phase, boolean searchableByWords, List<ModelProgress> models,
                    @JsonInclude(JsonInclude.Include.ALWAYS) Double secondsLeft) {
    }

    /** One model's figures: passages embedded of those it has to embed in this build. */
    @JsonPropertyOrder({"model", "embedded", "of"})
    public record ModelProgress(String model, long embedded, long of) {
    }

    /** Says that the build being served now holds the new passages, searchable by words. */
    void searchableByWords() {
        synchronized (lock) {
            searchable = true;
            phase = EMBEDDING;
        }
    }

    @Override
    public void plan(String model, long chunksToEmbed) {
        synchronized (lock) {
            models.put(model, new long[] {0, chunksToEmbed});
        }
    }

    @Override
    public void start(String model, long chunksToEmbed) {
        synchronized (lock) {
            phase = EMBEDDING;
            models.put(model, new long[] {0, chunksToEmbed});
            current = model;
            if (embeddingStarted < 0 && chunksToEmbed > 0) {
                embeddingStarted = nanos.getAsLong();
            }
        }
    }

    @Override
    public void advance(long chunks) {
        synchronized (lock) {
            long[] figures = models.get(current);
            if (figures != null) {
                figures[0] += chunks;
            }
        }
    }

    /** The figures now. */
    Snapshot snapshot() {
        synchronized (lock) {
            List<ModelProgress> figures = new ArrayList<>();
            long embedded = 0;
            long left = 0;
            for (Map.Entry<String, long[]> model : models.entrySet()) {
                figures.add(new ModelProgress(model.getKey(), model.getValue()[0], model.getValue()[1]));
                embedded += model.getValue()[0];
                left += model.getValue()[1] - model.getValue()[0];
            }
            return new Snapshot(phase, searchable, figures, secondsLeft(embedded, left));
        }
    }

    /** Passages left over the rate so far (every model's passages counted alike); null until one was embedded. */
    private Double secondsLeft(long embedded, long left) {
        if (embeddingStarted < 0 || embedded == 0) {
            return null;
        }
        double seconds = (nanos.getAsLong() - embeddingStarted) / 1e9;
        return seconds <= 0 ? null : left / (embedded / seconds);
    }
}
