package dev.shelf.bench;

import dev.shelf.search.SearchService;

/**
 * Starts the HTTP API over a search service on a loopback port, for the benchmark to load with clients. The caller
 * gives the web server itself, as it gives the index backend: the benchmark measures what the app serves with and
 * depends on neither.
 */
@FunctionalInterface
public interface ApiServer {

    /** Starts serving {@code service}; the server listens when this returns. */
    Started start(SearchService service);

    /**
     * A server listening.
     *
     * @param port the loopback port it listens on
     * @param stop stops it
     */
    record Started(int port, Runnable stop) implements AutoCloseable {

        @Override
        public void close() {
            stop.run();
        }
    }
}
