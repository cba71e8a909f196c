package dev.shelf.search;

import dev.shelf.index.ChunkIndex;
import dev.shelf.index.IndexLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The index a server answers from. When {@code index/CURRENT} names a newer complete build (a re-index, from this
 * process or another), {@link #refresh()} opens it and swaps it in without failing a search in flight: every search
 * holds a {@link ServiceLease} on the build it started on, and a replaced build is closed when its last lease ends.
 * A build that cannot be opened is reported once, tried again now and then, and the one being served goes on serving.
 * NOTE: thread-safe.
 */
public final class ServedIndex implements AutoCloseable {

    private final IndexLayout layout;
    private final ChunkIndex.Opener opener;
    private final Function<ChunkIndex, SearchService> services;
    private final Consumer<String> log;
    private final AtomicReference<Generation> current = new AtomicReference<>();
    private final Object swapLock = new Object();
    private Path failed;
    private long failedAt;
    private boolean unreachable;
    /**
     * A build that could not be opened is tried again after this long: the cause may pass (a cluster that was out of
     * reach), and is said only the first time.
     */
    private static final Duration RETRY_FAILED = Duration.ofSeconds(30);
    private ScheduledExecutorService watcher;

    /**
     * @param opener opens a build folder as an index
     * @param services the search service over an opened index
     * @param log where to say that a new build is served, or that one could not be opened
     */
    public ServedIndex(IndexLayout layout, ChunkIndex.Opener opener, Function<ChunkIndex, SearchService> services,
                       Consumer<String> log) {
        this.layout = layout;
        this.opener = opener;
        this.services = services;
        this.log = log;
    }

    /** A lease on the service of the build being served; empty while there is none yet. */
    public Optional<ServiceLease> lease() {
        while (true) {
            Generation served = current.get();
            if (served == null) {
                return Optional.empty();
            }
            if (served.retain()) {
                return Optional.of(new Lease(served));
            }
            // That build was replaced and released between the two reads: the next read sees its successor.
        }
    }

    /** The build being served, if any. */
    public Optional<Path> build() {
        return Optional.ofNullable(current.get()).map(Generation::build);
    }

    /**
     * Serves the build {@code CURRENT} names, if it is not the one served already.
     *
     * @return whether another build is now served
     */
    public boolean refresh() {
        synchronized (swapLock) {
            Optional<Path> named;
            try {
                named = layout.current();
            } catch (RuntimeException e) {
                // The store cannot say which build is current (a cluster out of reach): keep serving, say it once.
                if (!unreachable) {
                    unreachable = true;
                    log.accept("cannot tell which build is current (" + e.getMessage() + "); still serving what"
                            + " there was");
                }
                return false;
            }
            unreachable = false;
            Generation served = current.get();
            if (named.isEmpty() || (served != null && served.build().equals(named.get()))
                    || (named.get().equals(failed) && System.nanoTime() - failedAt < RETRY_FAILED.toNanos())) {
                return false;
            }
            ChunkIndex index;
            try {
                index = opener.open(named.get());
            } catch (Exception e) {
                if (!named.get().equals(failed)) {
                    log.accept("could not open the index " + named.get() + " (" + e.getMessage() + "); "
                            + (served == null ? "nothing is served" : "still serving " + served.build().getFileName()));
                }
                failed = named.get();
                failedAt = System.nanoTime();
                return false;
            }
            current.set(new Generation(named.get(), index, services.apply(index)));
            if (served != null) {
                served.release();
            }
            log.accept("serving " + named.get().getFileName() + ": " + index.info().resources() + " resources from "
                    + index.info().sources().size() + " lists, indexed " + index.info().indexedAt());
            return true;
        }
    }

    /** Checks for a newer build every {@code period}, on a daemon thread, until closed. */
    public void watch(Duration period) {
        watch(period, build -> { });
    }

    /**
     * As {@link #watch(Duration)}, telling {@code onServed} of each new build it swaps in (a server sharing a cluster
     * takes the lists of another server's build).
     */
    public synchronized void watch(Duration period, Consumer<Path> onServed) {
        if (watcher == null) {
            watcher = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "shelf-index-watcher");
                thread.setDaemon(true);
                return thread;
            });
            watcher.scheduleWithFixedDelay(() -> {
                if (refresh()) {
                    build().ifPresent(onServed);
                }
            }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops watching and closes the build served once its last lease ends. */
    @Override
    public void close() {
        synchronized (this) {
            if (watcher != null) {
                watcher.shutdownNow();
            }
        }
        synchronized (swapLock) {
            Generation served = current.getAndSet(null);
            if (served != null) {
                served.release();
            }
        }
    }

    /** One opened build, counted: one reference for being served, one per lease. */
    private static final class Generation {
        private final Path build;
        private final ChunkIndex index;
        private final SearchService service;
        private final AtomicInteger references = new AtomicInteger(1);

        Generation(Path build, ChunkIndex index, SearchService service) {
            this.build = build;
            this.index = index;
            this.service = service;
        }

        Path build() {
            return build;
        }

        boolean retain() {
            while (true) {
                int now = references.get();
                if (now == 0) {
                    return false;
                }
                if (references.compareAndSet(now, now + 1)) {
                    return true;
                }
            }
        }

        void release() {
            if (references.decrementAndGet() == 0) {
                index.close();
            }
        }
    }

    private static final class Lease implements ServiceLease {
        private final Generation generation;
        private final AtomicBoolean closed = new AtomicBoolean();

        Lease(Generation generation) {
            this.generation = generation;
        }

        @Override
        public SearchService service() {
            return generation.service;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                generation.release();
            }
        }
    }
}
