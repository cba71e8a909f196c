package dev.shelf.index;

import java.util.List;

/**
 * Facts about a build, kept in its folder as {@code build.json}.
 *
 * @param indexedAt when the build was completed (ISO-8601)
 * @param model the embedding model id
 * @param dimensions vector length
 * @param resources resources in the build
 * @param chunks chunks in the build
 * @param sources the reading lists in the build
 */
public record BuildInfo(String indexedAt, String model, int dimensions, int resources, int chunks,
                        List<SourceInfo> sources) {

    /** The file name inside a build folder. */
    public static final String FILE = "build.json";

    public BuildInfo {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /**
     * A reading list of the build, in the API's shape.
     *
     * @param id list id
     * @param name readable name
     * @param file the file it was read from
     * @param resources how many resources it mentions
     */
    public record SourceInfo(String id, String name, String file, int resources) {
    }
}
