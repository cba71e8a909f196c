package dev.shelf.cluster;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs the k-NN plugin into the distribution, once: every node of every local cluster then loads it from there.
 * Two processes starting a cluster at once (the CLI and a test run) take turns on a lock file, and the second finds
 * the plugin installed.
 */
final class KnnPlugin {

    /** The plugin's folder name under {@code plugins/}. */
    static final String NAME = "opensearch-knn";
    private static final String LOCK = ".shelf-plugin-install.lock";
    private static final long INSTALL_MINUTES = 3;

    private KnnPlugin() {
    }

    static void ensureInstalled(Distribution distribution) throws IOException, InterruptedException {
        Path installed = distribution.home().resolve("plugins").resolve(NAME);
        if (Files.isDirectory(installed)) {
            return;
        }
        if (!Files.isRegularFile(distribution.knnPlugin())) {
            throw new IOException("no k-NN plugin at " + distribution.knnPlugin());
        }
        try (FileChannel channel = FileChannel.open(distribution.home().resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            channel.lock(); // held until the channel closes
            if (Files.isDirectory(installed)) {
                return;
            }
            install(distribution);
        }
    }

    /** Runs the distribution's plugin installer, as the current user: the nodes only read the plugin. */
    private static void install(Distribution distribution) throws IOException, InterruptedException {
        Path output = Files.createTempFile("opensearch-plugin-install", ".log");
        try {
            Process installer = distribution.script(List.of(), "opensearch-plugin", "install", "--batch",
                            distribution.knnPlugin().toUri().toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            installer.getOutputStream().close();
            if (!installer.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES)) {
                installer.destroyForcibly().waitFor();
                throw new IOException("installing the k-NN plugin took over " + INSTALL_MINUTES + " minutes: "
                        + Files.readString(output, StandardCharsets.UTF_8).strip());
            }
            if (installer.exitValue() != 0) {
                throw new IOException("installing the k-NN plugin into " + distribution.home() + " failed (exit "
                        + installer.exitValue() + "): " + Files.readString(output, StandardCharsets.UTF_8).strip());
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
