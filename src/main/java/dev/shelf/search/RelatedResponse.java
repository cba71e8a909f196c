package dev.shelf.search;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The related articles of a resource, in the API's shape.
 *
 * @param id the resource asked about
 * @param results resources like it, best first, never itself
 */
@JsonPropertyOrder({"id", "results"})
public record RelatedResponse(String id, List<SearchResult> results) {
}
