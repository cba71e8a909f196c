package dev.shelf.index;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Facts about a build, kept in its folder as {@code build.json}.
 *
 * @param format the layout of the build's fields ({@link #FORMAT} for builds this version writes; 0 for builds that
 *               predate the number)
 * @param indexedAt when the build was completed (ISO-8601)
 * @param model the embedding model id
 * @param dimensions vector length
 * @param resources resources in the build
 * @param chunks chunks in the build
 * @param sources the reading lists in the build
 */
public record BuildInfo(int format, String indexedAt, String model, int dimensions, int resources, int chunks,
                        List<SourceInfo> sources) {

    /** The file name inside a build folder. */
    public static final String FILE = "build.json";
    /**
     * The field layout this version reads and writes. 2: resource ids and passage ordinals in doc values, so a search
     * reads no stored field of a candidate it does not show. A build of another format is rebuilt, never misread.
     */
    public static final int FORMAT = 2;
    // Builds written by an older version may lack newer properties, or have properties this version dropped.
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public BuildInfo {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** Reads the facts of a build folder. */
    public static BuildInfo read(Path build) throws IOException {
        return JSON.readValue(Files.readString(build.resolve(FILE)), BuildInfo.class);
    }

    /** Writes these facts into a build folder. */
    void write(Path build) throws IOException {
        Files.writeString(build.resolve(FILE), JSON.writeValueAsString(this));
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
