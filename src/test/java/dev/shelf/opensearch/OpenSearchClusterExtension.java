package dev.shelf.opensearch;

import dev.shelf.cluster.Distribution;
import dev.shelf.cluster.LocalCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local 3-node OpenSearch cluster for every test class of the test JVM that extends with this: the first such
 * class starts it and waits for green, the others find it started, and it is stopped once all the JVM's tests have
 * run (the root context's store closes it). A test takes it as a {@link LocalCluster} parameter (of a constructor, a
 * lifecycle method or a test). The cluster is shared, so each class keeps to index names of its own:
 * {@link #indexName}. Its nodes' folders are in {@code target/opensearch-it-*}, one per run, kept for their logs.
 */
public final class OpenSearchClusterExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(OpenSearchClusterExtension.class);
    /** Where the build unpacks the server and puts the k-NN plugin (tests run from the repository root). */
    private static final Path DISTRIBUTION = Path.of("target/opensearch");
    /** Three nodes start and elect a cluster manager on a shared two-core machine: generous. */
    private static final Duration GREEN = Duration.ofMinutes(4);

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    /**
     * An index name of the test class's own, so that classes sharing the cluster never meet: the class's simple name
     * in lower case, a dash, and {@code name} ({@code localclusterit-vectors}).
     */
    public static String indexName(Class<?> testClass, String name) {
        return testClass.getSimpleName().toLowerCase(Locale.ROOT) + "-" + name;
    }

    /** The JVM's cluster, started green by the first caller; JUnit closes it, an AutoCloseable, with the root store. */
    private static LocalCluster cluster(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(LocalCluster.class, key -> startGreen(), LocalCluster.class);
    }

    private static LocalCluster startGreen() {
        try {
            // A temporary folder is its owner's alone; the nodes may run as another user (nobody, under root).
            Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "opensearch-it-");
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
            LocalCluster cluster = LocalCluster.start(
                    LocalCluster.Config.of(Distribution.in(DISTRIBUTION), work).withClusterName("shelf-it"));
            boolean green = false;
            try {
                cluster.awaitStatus("green", GREEN);
                green = true;
            } finally {
                if (!green) {
                    cluster.close();
                }
            }
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the test cluster", e);
        }
    }
}
