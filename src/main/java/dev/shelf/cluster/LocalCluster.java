package dev.shelf.cluster;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A local OpenSearch cluster: N nodes of an unpacked distribution running as real processes on 127.0.0.1, with the
 * k-NN plugin, plain HTTP and each node's data in its own folder under the work folder (kept after {@link #close}, so
 * that a cluster started again on the same folder finds its indices). {@link #start} returns as soon as the nodes are
 * launched; {@link #awaitStatus} waits until they have formed the cluster. Nodes are numbered from 0.
 */
public final class LocalCluster implements AutoCloseable {

    /** How long a node has to shut down cleanly on SIGTERM before it is killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** How long a launched node may take to start its JVM, for {@link #pid}. */
    private static final Duration JVM_START = Duration.ofSeconds(60);
    /** The longest single wait asked of a node, so that a node that dies meanwhile is noticed. */
    private static final Duration HEALTH_WAIT = Duration.ofSeconds(5);
    private static final Duration RETRY = Duration.ofMillis(500);

    /**
     * What to start: the unpacked server ({@code install}, holding {@code bin/opensearch}), the k-NN plugin's zip (null
     * for a cluster without it), the
     * work folder holding one folder a node, how many nodes, each one's heap, the cluster's name, and the first node's
     * HTTP port (the next nodes take the next ones, transport ports 100 above) or 0 for free ports.
     */
    public record Config(Path install, Path knnPlugin, Path workDir, int nodes, int heapMb, String clusterName,
                         int firstHttpPort) {

        public static final int DEFAULT_NODES = 3;
        public static final int DEFAULT_HEAP_MB = 384;
        public static final String DEFAULT_CLUSTER_NAME = "shelf-local";
        /** Less and a node with the k-NN plugin does not start reliably. */
        public static final int MIN_HEAP_MB = 256;

        public Config {
            Objects.requireNonNull(install, "install");
            Objects.requireNonNull(workDir, "workDir");
            if (nodes < 1) {
                throw new IllegalArgumentException("a cluster needs at least one node, got " + nodes);
            }
            if (heapMb < MIN_HEAP_MB) {
                throw new IllegalArgumentException("a node needs a heap of at least " + MIN_HEAP_MB + " MB, got "
                        + heapMb);
            }
            if (clusterName == null || !clusterName.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("a cluster name is letters, digits, '-' and '_', got " + clusterName);
            }
            if (firstHttpPort != 0) {
                Ports.fixed(firstHttpPort, nodes);
            }
            // OpenSearch's launcher splits the JVM options, which name the node's folders, on white space.
            if (workDir.toAbsolutePath().toString().chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("the cluster's folder must have no white space in its path: "
                        + workDir.toAbsolutePath());
            }
        }

        /** The distribution's server and plugin, the work folder, and every default: 3 nodes of 384 MB, free ports. */
        public static Config of(Distribution distribution, Path workDir) {
            return new Config(distribution.home(), distribution.knnPlugin(), workDir, DEFAULT_NODES, DEFAULT_HEAP_MB,
                    DEFAULT_CLUSTER_NAME, 0);
        }

        public Config withNodes(int count) {
            return new Config(install, knnPlugin, workDir, count, heapMb, clusterName, firstHttpPort);
        }

        public Config withHeapMb(int megabytes) {
            return new Config(install, knnPlugin, workDir, nodes, megabytes, clusterName, firstHttpPort);
        }

        public Config withClusterName(String name) {
            return new Config(install, knnPlugin, workDir, nodes, heapMb, name, firstHttpPort);
        }

        /**
         * The same cluster from another unpacked server, started without the k-NN plugin: to see how Shelf refuses a
         * cluster it cannot use. The server must not have the plugin installed already.
         */
        public Config withoutKnn(Path plainInstall) {
            return new Config(plainInstall, null, workDir, nodes, heapMb, clusterName, firstHttpPort);
        }

        public Config withFirstHttpPort(int port) {
            return new Config(install, knnPlugin, workDir, nodes, heapMb, clusterName, port);
        }

        Distribution distribution() {
            return new Distribution(install, knnPlugin);
        }

        /** The ports: fixed from {@code firstHttpPort}, or free ones when it is 0. */
        Ports ports() throws IOException {
            return firstHttpPort == 0 ? Ports.free(nodes) : Ports.fixed(firstHttpPort, nodes);
        }
    }

    private final Config config;
    private final ClusterPlan plan;
    private final RunAs runAs;
    /** The running process of each node; null while it is killed or stopped. */
    private final AtomicReferenceArray<NodeProcess> running;
    private final HealthClient health = new HealthClient();

    private LocalCluster(Config config, ClusterPlan plan, RunAs runAs) {
        this.config = config;
        this.plan = plan;
        this.runAs = runAs;
        this.running = new AtomicReferenceArray<>(plan.nodes().size());
    }

    /**
     * Installs the k-NN plugin into the distribution if it lacks it, lays out each node's folder and launches every
     * node; returns while they start ({@link #awaitStatus} waits for them). With fixed ports, fails first if one is
     * taken.
     */
    public static LocalCluster start(Config config) throws IOException, InterruptedException {
        Ports ports = config.ports();
        if (config.firstHttpPort() != 0) {
            ports.requireFree();
        }
        if (config.knnPlugin() != null) {
            KnnPlugin.ensureInstalled(config.distribution());
        }
        ClusterPlan plan = ClusterPlan.of(config.clusterName(), config.workDir().toAbsolutePath(), ports);
        RunAs runAs = RunAs.forThisProcess();
        Files.createDirectories(config.workDir());
        runAs.requireReachable(config.install());
        runAs.requireReachable(config.workDir());
        for (NodePlan node : plan.nodes()) {
            NodeFolder.prepare(config.distribution(), plan, node, runAs);
        }
        LocalCluster cluster = new LocalCluster(config, plan, runAs);
        try {
            for (int node = 0; node < plan.nodes().size(); node++) {
                cluster.launch(node);
            }
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** The HTTP address of each node, in node order. */
    public List<URI> urls() {
        return plan.nodes().stream().map(NodePlan::url).toList();
    }

    /** The first node's HTTP address. */
    public URI url() {
        return plan.nodes().getFirst().url();
    }

    /** The node's log folder: its main log is {@code CLUSTER.log}, the launcher's output {@code console.log}. */
    public Path logs(int node) {
        return plan.nodes().get(node).logs();
    }

    /** The pid of the node's JVM (not of a wrapper), waiting for a node just launched to start it. */
    public long pid(int node) throws InterruptedException {
        return runningNode(node).javaPid(JVM_START);
    }

    /** SIGKILLs the node's processes, as a crash would, and waits until they are gone. */
    public synchronized void kill(int node) throws InterruptedException {
        NodeProcess process = runningNode(node);
        running.set(node, null);
        process.kill();
    }

    /** Starts the node again (stopping it first if it runs), with the same ports and data; returns while it starts. */
    public synchronized void restart(int node) throws IOException, InterruptedException {
        NodeProcess process = running.get(node);
        if (process != null) {
            running.set(node, null);
            stop(List.of(process));
        }
        launch(node);
    }

    /** The cluster's status ({@code green}, {@code yellow} or {@code red}) as the first running node that answers says. */
    public String health() throws IOException, InterruptedException {
        IOException failure = null;
        for (int node = 0; node < running.length(); node++) {
            if (running.get(node) != null) {
                try {
                    return health.health(plan.nodes().get(node).url()).status();
                } catch (IOException e) {
                    failure = e;
                }
            }
        }
        throw new IOException("no node of cluster " + config.clusterName() + " answers", failure);
    }

    /**
     * Waits until every running node has joined and the status is {@code status} ({@code green} or {@code yellow}) or
     * better. Fails at once if a node exits on its own, and after {@code timeout} naming the nodes' logs.
     */
    public void awaitStatus(String status, Duration timeout) throws IOException, InterruptedException {
        if (!status.equals("green") && !status.equals("yellow")) {
            throw new IllegalArgumentException("a status to wait for is green or yellow, got " + status);
        }
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer yet";
        for (int attempt = 0; ; attempt++) {
            requireNoneExited(status);
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new IOException("cluster " + config.clusterName() + " not " + status + " after "
                        + timeout.toSeconds() + " s (last: " + last + "); the nodes' logs: " + logFiles());
            }
            Duration wait = left.compareTo(HEALTH_WAIT) < 0 ? left : HEALTH_WAIT;
            // Each attempt asks the next running node: one that has not started to listen yet holds up no wait.
            URI node = running(attempt);
            try {
                HealthClient.Health answer = health.await(node, status, runningCount(), wait);
                if (!answer.timedOut()) {
                    return;
                }
                last = answer.status();
            } catch (IOException e) {
                last = e.getMessage() != null ? e.getMessage() : e.toString();
                Thread.sleep(RETRY);
            }
        }
    }

    /**
     * Stops every running node: SIGTERM, then SIGKILL to those still running after a grace period; waits for all.
     * Interrupted meanwhile, it SIGKILLs those left without waiting, and keeps the interrupt.
     */
    @Override
    public synchronized void close() {
        List<NodeProcess> processes = new ArrayList<>();
        for (int node = 0; node < running.length(); node++) {
            NodeProcess process = running.getAndSet(node, null);
            if (process != null) {
                processes.add(process);
            }
        }
        try {
            stop(processes);
        } catch (InterruptedException e) {
            processes.forEach(NodeProcess::killNow);
            Thread.currentThread().interrupt();
        } finally {
            health.close();
        }
    }

    private void launch(int node) throws IOException {
        running.set(node, NodeProcess.launch(config.distribution(), plan.nodes().get(node), config.heapMb(), runAs));
    }

    private static void stop(List<NodeProcess> processes) throws InterruptedException {
        processes.forEach(NodeProcess::terminate);
        Instant deadline = Instant.now().plus(STOP_GRACE);
        for (NodeProcess process : processes) {
            if (!process.awaitExit(deadline)) {
                process.kill();
            }
        }
    }

    private NodeProcess runningNode(int node) {
        NodeProcess process = running.get(Objects.checkIndex(node, running.length()));
        if (process == null) {
            throw new IllegalStateException(plan.nodes().get(node).name() + " is not running");
        }
        return process;
    }

    /** The address of a running node: the {@code attempt}-th of them, counting round. */
    private URI running(int attempt) {
        List<URI> urls = IntStream.range(0, running.length()).filter(node -> running.get(node) != null)
                .mapToObj(node -> plan.nodes().get(node).url()).toList();
        if (urls.isEmpty()) {
            throw new IllegalStateException("no node of cluster " + config.clusterName() + " runs");
        }
        return urls.get(attempt % urls.size());
    }

    private int runningCount() {
        return (int) IntStream.range(0, running.length()).filter(node -> running.get(node) != null).count();
    }

    private void requireNoneExited(String status) throws IOException {
        for (int node = 0; node < running.length(); node++) {
            NodeProcess process = running.get(node);
            OptionalLong exit = process == null ? OptionalLong.empty() : process.exitStatus();
            if (exit.isPresent()) {
                NodePlan plan = process.node();
                throw new IOException(plan.name() + " of cluster " + config.clusterName() + " exited (status "
                        + exit.getAsLong() + ") before the cluster was " + status + ": see " + plan.console() + " and "
                        + this.plan.mainLog(plan));
            }
        }
    }

    private String logFiles() {
        return plan.nodes().stream().map(node -> plan.mainLog(node).toString()).collect(Collectors.joining(", "));
    }
}
