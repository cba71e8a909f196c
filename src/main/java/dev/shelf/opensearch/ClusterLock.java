package dev.shelf.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The right to build the cluster's index, held by one Shelf process at a time across machines: a document created
 * only if absent ({@code _create}), rewritten by its holder every few seconds (each write a new sequence number), and
 * taken over by a conditional write once a waiter has seen its sequence number stand still for {@link #STALE} on its
 * own clock (no wall clocks of two machines are compared), so a builder killed half way does not block the next one.
 * The holder checks it still holds the lock right before it publishes ({@link #confirm}).
 */
final class ClusterLock implements AutoCloseable {

    /** A holder whose document has not changed for this long, as a waiter sees it, is gone. */
    static final Duration STALE = Duration.ofSeconds(45);
    private static final Duration BEAT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final String DOC = "build";

    private final ClusterClient client;
    private final String endpoint;
    private final String owner;
    private final Consumer<String> log;
    private final ScheduledExecutorService heartbeat;
    private final Object writes = new Object();
    private long seqNo;
    private long primaryTerm;
    private boolean lost;

    private ClusterLock(ClusterClient client, String endpoint, String owner, JsonNode written, Consumer<String> log) {
        this.client = client;
        this.endpoint = endpoint;
        this.owner = owner;
        this.log = log;
        this.seqNo = written.path("_seq_no").asLong();
        this.primaryTerm = written.path("_primary_term").asLong();
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "shelf-cluster-lock");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, BEAT.toMillis(), BEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the lock, waiting while another live holder has it.
     *
     * @param lockIndex the index holding the lock document
     * @param log told once when another holder makes this one wait, and of a lock that could not be released
     * @param wait how long to wait at most
     * @throws ClusterException when the wait is over, or the cluster fails
     */
    static ClusterLock acquire(ClusterClient client, String lockIndex, Consumer<String> log, Duration wait)
            throws ClusterException {
        String endpoint = "/" + lockIndex + "/_doc/" + DOC;
        String owner = ProcessHandle.current().pid() + "@" + hostName() + "/" + UUID.randomUUID();
        long deadline = System.nanoTime() + wait.toNanos();
        long seenSeqNo = Long.MIN_VALUE;
        long seenSince = System.nanoTime();
        boolean told = false;
        while (true) {
            ClusterClient.Answer created = client.write("PUT", "/" + lockIndex + "/_create/" + DOC + "?refresh=true",
                    holder(owner));
            if (created.status() / 100 == 2) {
                return new ClusterLock(client, endpoint, owner, created.body(), log);
            }
            JsonNode held = client.get(endpoint).orElse(null);
            if (held != null) {
                long heldSeqNo = held.path("_seq_no").asLong();
                if (heldSeqNo != seenSeqNo) {
                    seenSeqNo = heldSeqNo;
                    seenSince = System.nanoTime();
                }
                if (System.nanoTime() - seenSince > STALE.toNanos()) {
                    ClusterClient.Answer taken = client.write("PUT", endpoint + "?if_seq_no=" + heldSeqNo
                            + "&if_primary_term=" + held.path("_primary_term").asLong() + "&refresh=true",
                            holder(owner));
                    if (taken.status() / 100 == 2) {
                        log.accept("took over the cluster's build lock of " + held.path("_source").path("owner")
                                .asText() + ", which stopped renewing it");
                        return new ClusterLock(client, endpoint, owner, taken.body(), log);
                    }
                } else if (!told) {
                    log.accept("waiting for the build of " + held.path("_source").path("owner").asText()
                            + " in the cluster to finish");
                    told = true;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new ClusterException("another Shelf ("
                        + (held == null ? "unknown" : held.path("_source").path("owner").asText())
                        + ") is building the index in the cluster; try again when it has finished");
            }
            sleep(POLL);
        }
    }

    private static ObjectNode holder(String owner) {
        ObjectNode doc = ClusterClient.object();
        doc.put("owner", owner);
        doc.put("renewed", System.currentTimeMillis());
        return doc;
    }

    /** Renews the document: a write conditional on the last one, so that a lock taken over is noticed, never undone. */
    private void beat() {
        synchronized (writes) {
            if (lost) {
                return;
            }
            try {
                ClusterClient.Answer beat = client.write("PUT", endpoint + "?if_seq_no=" + seqNo + "&if_primary_term="
                        + primaryTerm, holder(owner));
                if (beat.status() / 100 == 2) {
                    remember(beat.body());
                } else {
                    // A write that landed but whose answer was lost moved the sequence number: read it back.
                    resync();
                }
            } catch (ClusterException e) {
                // A missed beat: the next one tries again; only STALE without any lets another builder take over.
            }
        }
    }

    private void remember(JsonNode written) {
        seqNo = written.path("_seq_no").asLong();
        primaryTerm = written.path("_primary_term").asLong();
    }

    /** Reads the document back: still ours (take its sequence number), or lost. */
    private void resync() throws ClusterException {
        JsonNode held = client.get(endpoint).orElse(null);
        if (held != null && owner.equals(held.path("_source").path("owner").asText())) {
            remember(held);
        } else {
            lost = true;
        }
    }

    /**
     * Checks, by renewing it, that this process still holds the lock: called right before the build is published.
     *
     * @throws ClusterException when another builder took it over (this one stalled for longer than {@link #STALE})
     */
    void confirm() throws ClusterException {
        synchronized (writes) {
            if (!lost) {
                ClusterClient.Answer renewed = client.write("PUT", endpoint + "?if_seq_no=" + seqNo
                        + "&if_primary_term=" + primaryTerm + "&refresh=true", holder(owner));
                if (renewed.status() / 100 == 2) {
                    remember(renewed.body());
                } else {
                    resync();
                }
            }
            if (lost) {
                throw new ClusterException("another Shelf took over the cluster's build lock while this build ran (it"
                        + " stalled for over " + STALE.toSeconds() + " s); this build is not published");
            }
        }
    }

    /** Releases the lock; a release that fails is said, not thrown: the lock then goes stale and is taken over. */
    @Override
    public void close() {
        heartbeat.shutdown();
        try {
            heartbeat.awaitTermination(BEAT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (writes) {
            try {
                for (int attempt = 0; attempt < 2 && !lost; attempt++) {
                    ClusterClient.Answer released = client.write("DELETE", endpoint + "?if_seq_no=" + seqNo
                            + "&if_primary_term=" + primaryTerm + "&refresh=true", null);
                    if (released.status() / 100 == 2 || released.status() == 404) {
                        return;
                    }
                    resync();
                }
            } catch (ClusterException e) {
                log.accept("warning: could not release the cluster's build lock (" + e.getMessage() + "); the next"
                        + " build takes it over after " + STALE.toSeconds() + " s");
            }
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown-host";
        }
    }

    private static void sleep(Duration duration) throws ClusterException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while waiting for the build lock", e);
        }
    }
}
