package dev.shelf.web;

import dev.shelf.search.SearchService;
import dev.shelf.search.ServiceLease;
import java.util.Optional;

/**
 * Where the web layer gets the search service for one request: empty while the index is being built for the first
 * time. NOTE: implementations are thread-safe.
 */
@FunctionalInterface
public interface ServiceProvider {

    /** A lease on the current service, closed by the caller when the request is done. */
    Optional<ServiceLease> lease();

    /** Always the given service (tests, benchmarks). */
    static ServiceProvider of(SearchService service) {
        return () -> Optional.of(ServiceLease.of(service));
    }

    /** No service yet, as while the first index is being built. */
    static ServiceProvider none() {
        return Optional::empty;
    }
}
