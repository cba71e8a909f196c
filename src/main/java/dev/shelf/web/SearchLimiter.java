package dev.shelf.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the searches a server runs at once. Up to {@code running} run; up to {@code waiting} more wait their turn
 * for at most {@code maxWait}; anything beyond is refused at once with 503 and Retry-After, so that a flood of
 * requests costs the flood, not the server. NOTE: thread-safe.
 */
public final class SearchLimiter {

    private final Semaphore admitted;
    private final Semaphore running;
    private final Duration maxWait;

    /**
     * @param running searches run at once (the model and Lucene use the cores; more only queues inside them)
     * @param waiting searches that may wait for a turn
     * @param maxWait how long one may wait before it is refused
     */
    public SearchLimiter(int running, int waiting, Duration maxWait) {
        if (running < 1 || waiting < 0) {
            throw new IllegalArgumentException("need at least one running search and no negative queue");
        }
        this.admitted = new Semaphore(running + waiting);
        this.running = new Semaphore(running, true);
        this.maxWait = maxWait;
    }

    /** {@code running} searches at once, 64 waiting for up to two seconds. */
    public static SearchLimiter running(int running) {
        return new SearchLimiter(Math.max(1, running), 64, Duration.ofSeconds(2));
    }

    /** Two searches per core at once, 64 waiting for up to two seconds. */
    public static SearchLimiter forCores(int cores) {
        return running(Math.max(2, 2 * cores));
    }

    /** A turn to search, to be closed when the search is done. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes a turn, waiting if need be.
     *
     * @throws ApiException with status 503 when the server is saturated
     */
    public Permit enter() {
        if (!admitted.tryAcquire()) {
            throw busy();
        }
        boolean turn = false;
        try {
            turn = running.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!turn) {
                admitted.release();
            }
        }
        if (!turn) {
            throw busy();
        }
        return new Permit() {
            private boolean closed;

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    running.release();
                    admitted.release();
                }
            }
        };
    }

    private static ApiException busy() {
        return new ApiException(503, "busy", "The server is answering as many searches as it can; try again in a moment.")
                .retryAfter(1);
    }
}
