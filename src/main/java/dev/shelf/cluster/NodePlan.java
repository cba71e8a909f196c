package dev.shelf.cluster;

import java.net.URI;
import java.nio.file.Path;

/**
 * One node of a local cluster: its name, its ports on 127.0.0.1 and its own folder, which holds the node's
 * {@code config}, {@code data}, {@code logs} and {@code tmp} folders, so that a restart finds its data again.
 */
record NodePlan(String name, int httpPort, int transportPort, Path folder) {

    /** The copy of the distribution's config folder the node reads ({@code OPENSEARCH_PATH_CONF}). */
    Path config() {
        return folder.resolve("config");
    }

    Path data() {
        return folder.resolve("data");
    }

    Path logs() {
        return folder.resolve("logs");
    }

    Path tmp() {
        return folder.resolve("tmp");
    }

    /** Where the node's stdout and stderr go: the launcher's own complaints land here, before any log file exists. */
    Path console() {
        return logs().resolve("console.log");
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    String transportAddress() {
        return "127.0.0.1:" + transportPort;
    }
}
