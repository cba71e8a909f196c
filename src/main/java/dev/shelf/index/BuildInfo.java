package dev.shelf.index;

/**
 * Facts about a build, kept in its folder as {@code build.json}.
 *
 * @param indexedAt when the build was completed (ISO-8601)
 * @param model the embedding model id
 * @param dimensions vector length
 * @param resources resources in the build
 * @param chunks chunks in the build
 */
public record BuildInfo(String indexedAt, String model, int dimensions, int resources, int chunks) {

    /** The file name inside a build folder. */
    public static final String FILE = "build.json";
}
