package dev.shelf.web;

import dev.shelf.search.SearchService;
import java.util.Optional;

/**
 * Where the web layer gets the search service: empty while the index is being built for the first time.
 * NOTE: implementations are thread-safe.
 */
@FunctionalInterface
public interface ServiceProvider {
    Optional<SearchService> current();
}
