package dev.shelf.opensearch;

import java.io.IOException;

/**
 * The cluster cannot do what Shelf asked, in words a user can act on ("cannot reach OpenSearch at ...: start the
 * cluster or check --opensearch"). An IOException, so that the command line prints its one line and a server answers
 * 503.
 */
public final class ClusterException extends IOException {

    public ClusterException(String message) {
        super(message);
    }

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
