package dev.shelf.library;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A reading list as the API shows it: what it is and whether its latest content is searchable.
 *
 * @param id the list id (the one search's {@code source} parameter takes)
 * @param name readable name
 * @param file the file it is read from
 * @param format the list's format ({@code markdown}, {@code text}, ...), null when the file is in none
 * @param resources resources of the list in the index being served
 * @param state {@link #INDEXING}, {@link #READY} or {@link #ERROR}
 * @param error why the list is not searchable, in words; only with {@link #ERROR}
 * @param progress how far the build of its change has come; only with {@link #INDEXING}, once that build runs
 */
@JsonPropertyOrder({"id", "name", "file", "format", "resources", "state", "error", "progress"})
public record ListState(String id, String name, String file, String format, int resources, String state,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String error,
                        @JsonInclude(JsonInclude.Include.NON_NULL) EmbeddingProgress.Snapshot progress) {

    /** A list's state with no build of it running. */
    public ListState(String id, String name, String file, String format, int resources, String state, String error) {
        this(id, name, file, format, resources, state, error, null);
    }

    /** A change to the list is waiting for, or in, a build. */
    public static final String INDEXING = "indexing";
    /** The index being served holds the list as it is on disk. */
    public static final String READY = "ready";
    /** The list could not be indexed; {@code error} says why. */
    public static final String ERROR = "error";
}
