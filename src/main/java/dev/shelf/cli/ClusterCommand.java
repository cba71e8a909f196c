package dev.shelf.cli;

import dev.shelf.cluster.Distribution;
import dev.shelf.cluster.LocalCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shelf cluster}: a local OpenSearch cluster to point Shelf's {@code --opensearch} at, from the server the build
 * unpacks into {@code target/opensearch}. Runs until Ctrl-C or SIGTERM, then stops its nodes; their data stays in
 * {@code --dir}, so an index built in the cluster is there again the next time.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Run a local OpenSearch cluster on this machine (for --opensearch) until Ctrl-C.")
final class ClusterCommand implements Callable<Integer> {

    /** Nodes starting at once on a small machine share its cores: minutes, not seconds. */
    private static final Duration GREEN = Duration.ofMinutes(5);

    @Spec
    private CommandSpec spec;

    @Option(names = "--nodes", paramLabel = "N", description = "Number of nodes (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + LocalCluster.Config.DEFAULT_NODES)
    private int nodes;

    @Option(names = "--heap-mb", paramLabel = "MB", description = "Heap of each node, in MB (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + LocalCluster.Config.DEFAULT_HEAP_MB)
    private int heapMb;

    @Option(names = "--dir", paramLabel = "DIR", description = "Folder of the nodes' data, logs and configuration,"
            + " kept when the cluster stops (default: ${DEFAULT-VALUE}).", defaultValue = "target/opensearch-cluster")
    private Path dir;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port of the first node; the others take the"
            + " next ones, and transport ports are 100 above; 0 takes free ports (default: ${DEFAULT-VALUE}).",
            defaultValue = "9200")
    private int port;

    @Option(names = "--distribution", paramLabel = "DIR", description = "Folder where the build unpacks the OpenSearch"
            + " server and puts the k-NN plugin (default: ${DEFAULT-VALUE}).", defaultValue = "target/opensearch")
    private Path distribution;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        LocalCluster.Config config = config(Distribution.in(distribution));
        out.printf("Starting %d OpenSearch node%s (%d MB heap each) in %s%n", nodes, nodes == 1 ? "" : "s", heapMb,
                dir);
        out.flush();
        Instant begun = Instant.now();
        LocalCluster cluster = LocalCluster.start(config);
        CountDownLatch stopping = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.countDown();
            out.println("Stopping the nodes; their data stays in " + dir);
            out.flush();
            cluster.close();
            stopped.countDown();
        }, "shelf-cluster-shutdown"));
        for (URI url : cluster.urls()) {
            out.println("  " + url);
        }
        out.println("Waiting for the cluster to be green...");
        out.flush();
        try {
            cluster.awaitStatus("green", GREEN);
        } catch (IOException | IllegalStateException e) {
            if (stopping.getCount() == 0) {
                stopped.await(); // stopped while starting: the shutdown hook says so
                return 0;
            }
            throw e;
        }
        out.printf("Green after %d s. Point Shelf at it with --opensearch %s%n",
                Duration.between(begun, Instant.now()).toSeconds(), cluster.url());
        out.println("Ctrl-C stops the nodes.");
        out.flush();
        stopped.await();
        return 0;
    }

    /** The options as a cluster's configuration; a value out of range is a usage error, as a bad option is. */
    private LocalCluster.Config config(Distribution server) {
        try {
            return LocalCluster.Config.of(server, dir).withNodes(nodes).withHeapMb(heapMb).withFirstHttpPort(port);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
