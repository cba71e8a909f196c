package dev.shelf.cluster;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * One running node: {@code bin/opensearch} started with the node's configuration, which runs a few short JVMs (its
 * Java version check, its JVM options parser) and then replaces itself with the node's JVM. Stopped by SIGTERM to
 * that JVM, which shuts the node down cleanly, or killed with SIGKILL, the whole process tree at once.
 */
final class NodeProcess {

    /** The node JVM's main class, which tells it apart from the launcher's short-lived JVMs. */
    private static final String MAIN_CLASS = "org.opensearch.bootstrap.OpenSearch";
    private static final Duration POLL = Duration.ofMillis(100);

    private final NodePlan node;
    private final Process process;

    private NodeProcess(NodePlan node, Process process) {
        this.node = node;
        this.process = process;
    }

    /** Starts the node; returns at once, while it starts. Its output is appended to {@link NodePlan#console()}. */
    static NodeProcess launch(Distribution distribution, NodePlan node, int heapMb, RunAs runAs) throws IOException {
        ProcessBuilder builder = distribution.script(runAs.prefix(), "opensearch");
        builder.environment().put("OPENSEARCH_PATH_CONF", node.config().toString());
        builder.environment().put("OPENSEARCH_JAVA_OPTS", "-Xms" + heapMb + "m -Xmx" + heapMb + "m");
        builder.environment().put("OPENSEARCH_TMPDIR", node.tmp().toString());
        builder.redirectErrorStream(true).redirectOutput(Redirect.appendTo(node.console().toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("cannot start " + node.name() + " (" + String.join(" ", builder.command()) + "): "
                    + e.getMessage(), e);
        }
        process.getOutputStream().close();
        return new NodeProcess(node, process);
    }

    NodePlan node() {
        return node;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The exit status, once it has exited. */
    OptionalLong exitStatus() {
        return process.isAlive() ? OptionalLong.empty() : OptionalLong.of(process.exitValue());
    }

    /**
     * The pid of the node's JVM, waiting up to {@code wait} while the launcher has not started it yet. Usually the
     * started process itself ({@code setpriv} and the launcher execute in place); looked up among its descendants
     * otherwise, so that a wrapper that forks does not give the wrong pid.
     */
    long javaPid(Duration wait) throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            Optional<ProcessHandle> jvm = tree().filter(NodeProcess::isNodeJvm).findFirst();
            if (jvm.isPresent()) {
                return jvm.get().pid();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(node.name() + " has exited (" + process.exitValue() + "): see "
                        + node.console());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(node.name() + " has not started its JVM after " + wait + ": see "
                        + node.console());
            }
            Thread.sleep(POLL);
        }
    }

    /** SIGTERM to the node's JVM (to every process of the tree while there is none yet): a clean shutdown begins. */
    void terminate() {
        List<ProcessHandle> tree = tree().toList();
        List<ProcessHandle> jvms = tree.stream().filter(NodeProcess::isNodeJvm).toList();
        (jvms.isEmpty() ? tree : jvms).forEach(ProcessHandle::destroy);
    }

    /** Waits until the node has exited or {@code deadline} passes; true if it has exited. */
    boolean awaitExit(Instant deadline) throws InterruptedException {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? !process.isAlive()
                : process.waitFor(left.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** SIGKILL to every process of the tree, and waits for the exit. */
    void kill() throws InterruptedException {
        killNow();
        process.waitFor();
    }

    /** SIGKILL to every process of the tree, all listed before the first dies (an orphan has no parent to list it). */
    void killNow() {
        tree().toList().forEach(ProcessHandle::destroyForcibly);
    }

    /** The started process and all its descendants, descendants first. */
    private Stream<ProcessHandle> tree() {
        ProcessHandle root = process.toHandle();
        return Stream.concat(root.descendants(), Stream.of(root)).filter(ProcessHandle::isAlive);
    }

    private static boolean isNodeJvm(ProcessHandle handle) {
        return handle.info().arguments().map(List::of).orElse(List.of()).contains(MAIN_CLASS);
    }
}
