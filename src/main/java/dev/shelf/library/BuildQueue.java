package dev.shelf.library;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one task (a build) at a time on its own thread, a quiet time after it is asked for: every request made before
 * the task starts is answered by that one run, and requests made while it runs by exactly one run after it. So a burst
 * of saves becomes one build, and two builds never overlap. NOTE: thread-safe.
 */
final class BuildQueue implements AutoCloseable {

    /** How long closing waits for a build in flight: the model must not be closed under it. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(60);

    private final ScheduledExecutorService executor;
    private final Runnable task;
    private final Duration delay;
    private final Consumer<RuntimeException> failed;
    private ScheduledFuture<?> next; // the run not started yet, if any

    BuildQueue(String threadName, Duration delay, Runnable task, Consumer<RuntimeException> failed) {
        this.task = task;
        this.delay = delay;
        this.failed = failed;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Asks for a run after the quiet time; nothing more if one is already waiting to start. */
    synchronized void request() {
        schedule(delay.toMillis());
    }

    /** Asks for a run as soon as the thread is free. */
    synchronized void requestNow() {
        if (next != null && next.cancel(false)) {
            next = null;
        }
        schedule(0);
    }

    private void schedule(long millis) {
        if (next == null && !executor.isShutdown()) {
            next = executor.schedule(this::run, millis, TimeUnit.MILLISECONDS);
        }
    }

    private void run() {
        synchronized (this) {
            // From here on a request schedules another run, which the single thread starts after this one.
            next = null;
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            failed.accept(e);
        }
    }

    /** Drops the runs not started and waits for the one in flight, if any. */
    @Override
    public void close() {
        synchronized (this) {
            executor.shutdown();
            if (next != null) {
                next.cancel(false);
            }
        }
        try {
            executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
