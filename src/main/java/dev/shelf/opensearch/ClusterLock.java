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
 * only if absent ({@code _create}), kept fresh by a heartbeat while held, and taken over by a conditional write
 * (sequence number) once its holder has stopped beating, so a builder killed half way does not block the next one.
 */
final class ClusterLock implements AutoCloseable {

    /** A holder that has not beaten for this long is gone. */
    static final Duration STALE = Duration.ofSeconds(45);
    private static final Duration BEAT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final String DOC = "build";

    private final ClusterClient client;
    private final String endpoint;
    private final String owner;
    private final ScheduledExecutorService heartbeat;
    private volatile long seqNo;
    private volatile long primaryTerm;

    private ClusterLock(ClusterClient client, String endpoint, String owner, long seqNo, long primaryTerm) {
        this.client = client;
        this.endpoint = endpoint;
        this.owner = owner;
        this.seqNo = seqNo;
        this.primaryTerm = primaryTerm;
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
     * @param waiting told once, when another holder makes this one wait
     * @param wait how long to wait at most
     * @throws ClusterException when the wait is over, or the cluster fails
     */
    static ClusterLock acquire(ClusterClient client, String lockIndex, Consumer<String> waiting, Duration wait)
            throws ClusterException {
        String endpoint = "/" + lockIndex + "/_doc/" + DOC;
        String owner = ProcessHandle.current().pid() + "@" + hostName() + "/" + UUID.randomUUID();
        long deadline = System.nanoTime() + wait.toNanos();
        boolean told = false;
        while (true) {
            ClusterClient.Answer created = client.write("PUT", "/" + lockIndex + "/_create/" + DOC + "?refresh=true",
                    holder(owner));
            if (created.status() / 100 == 2) {
                return new ClusterLock(client, endpoint, owner, created.body().path("_seq_no").asLong(),
                        created.body().path("_primary_term").asLong());
            }
            JsonNode held = client.get(endpoint).orElse(null);
            if (held != null) {
                long age = System.currentTimeMillis() - held.path("_source").path("heartbeat").asLong();
                if (age > STALE.toMillis()) {
                    ClusterClient.Answer taken = client.write("PUT", endpoint + "?if_seq_no="
                            + held.path("_seq_no").asLong() + "&if_primary_term=" + held.path("_primary_term").asLong()
                            + "&refresh=true", holder(owner));
                    if (taken.status() / 100 == 2) {
                        return new ClusterLock(client, endpoint, owner, taken.body().path("_seq_no").asLong(),
                                taken.body().path("_primary_term").asLong());
                    }
                } else if (!told) {
                    waiting.accept("waiting for the build of " + held.path("_source").path("owner").asText()
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
        doc.put("heartbeat", System.currentTimeMillis());
        return doc;
    }

    private void beat() {
        try {
            ClusterClient.Answer beat = client.write("PUT", endpoint + "?if_seq_no=" + seqNo + "&if_primary_term="
                    + primaryTerm, holder(owner));
            if (beat.status() / 100 == 2) {
                seqNo = beat.body().path("_seq_no").asLong();
                primaryTerm = beat.body().path("_primary_term").asLong();
            }
        } catch (ClusterException e) {
            // A missed beat: the next one tries again; only many in a row let another builder take over.
        }
    }

    @Override
    public void close() throws ClusterException {
        heartbeat.shutdownNow();
        try {
            // A beat in flight changes the sequence number the release must name.
            heartbeat.awaitTermination(BEAT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.write("DELETE", endpoint + "?if_seq_no=" + seqNo + "&if_primary_term=" + primaryTerm + "&refresh=true",
                null);
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
