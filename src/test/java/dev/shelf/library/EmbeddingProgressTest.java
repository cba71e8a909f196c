package dev.shelf.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The figures a list being built shows, worked out by hand on a clock of the test's own. */
class EmbeddingProgressTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void a_build_reads_then_embeds_model_after_model_and_estimates_the_time_left_at_the_rate_so_far() {
        AtomicLong now = new AtomicLong();
        EmbeddingProgress progress = new EmbeddingProgress(now::get);
        assertEquals(new EmbeddingProgress.Snapshot("reading", false, List.of(), null), progress.snapshot());

        progress.plan("bge", 600);
        progress.plan("minilm", 400);
        progress.searchableByWords();
        progress.start("bge", 600);
        assertNull(progress.snapshot().secondsLeft(), "no rate before the first passage");

        now.addAndGet(2 * SECOND);
        progress.advance(200);
        // 200 passages in 2 s: 100 a second; 400 + 400 left: 8 s.
        EmbeddingProgress.Snapshot snapshot = progress.snapshot();
        assertEquals("embedding", snapshot.phase());
        assertTrue(snapshot.searchableByWords());
        assertEquals(List.of(new EmbeddingProgress.ModelProgress("bge", 200, 600),
                new EmbeddingProgress.ModelProgress("minilm", 0, 400)), snapshot.models());
        assertEquals(8.0, snapshot.secondsLeft(), 1e-9);

        now.addAndGet(4 * SECOND);
        progress.advance(400);
        progress.start("minilm", 400);
        now.addAndGet(2 * SECOND);
        progress.advance(200);
        // 800 in 8 s; 200 left: 2 s.
        assertEquals(List.of(new EmbeddingProgress.ModelProgress("bge", 600, 600),
                new EmbeddingProgress.ModelProgress("minilm", 200, 400)), progress.snapshot().models());
        assertEquals(2.0, progress.snapshot().secondsLeft(), 1e-9);
    }

    @Test
    void a_build_whose_caches_hold_every_vector_has_nothing_to_embed() {
        EmbeddingProgress progress = new EmbeddingProgress(() -> 0);
        progress.plan("bge", 0);
        progress.start("bge", 0);
        EmbeddingProgress.Snapshot snapshot = progress.snapshot();
        assertFalse(snapshot.searchableByWords());
        assertEquals(List.of(new EmbeddingProgress.ModelProgress("bge", 0, 0)), snapshot.models());
        assertNull(snapshot.secondsLeft());
    }
}
