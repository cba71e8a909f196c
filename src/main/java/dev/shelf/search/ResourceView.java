package dev.shelf.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.shelf.ingest.Resource;
import java.util.List;

/**
 * A resource as the API shows it on its own: its fields, and the other copies of its work (empty when it is a work of
 * its own), so that any copy names its group.
 *
 * @param resource the resource's fields, at the top level of the JSON
 * @param copies the other addresses of the same work, in the order they were read
 */
public record ResourceView(@JsonUnwrapped Resource resource, @JsonProperty("copies") List<SearchResult.Copy> copies) {
    public ResourceView {
        copies = List.copyOf(copies);
    }
}
