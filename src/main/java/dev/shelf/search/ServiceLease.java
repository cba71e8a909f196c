package dev.shelf.search;

/**
 * A search service held for the length of one request: the index under it is not closed until the lease is, even
 * when a newer index has been swapped in meanwhile.
 */
public interface ServiceLease extends AutoCloseable {

    SearchService service();

    /** Ends the lease; closing twice is harmless. */
    @Override
    void close();

    /** A lease on a service that lives as long as its owner (tests, benchmarks): closing it does nothing. */
    static ServiceLease of(SearchService service) {
        return new ServiceLease() {
            @Override
            public SearchService service() {
                return service;
            }

            @Override
            public void close() {
                // The owner closes the service's index.
            }
        };
    }
}
