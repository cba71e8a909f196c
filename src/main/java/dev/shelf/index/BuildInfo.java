package dev.shelf.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Facts about a build, kept in its folder as {@code build.json}.
 *
 * @param format the layout of the build's fields ({@link #FORMAT} for builds this version writes; 0 for builds that
 *               predate the number)
 * @param indexedAt when the build was completed (ISO-8601)
 * @param model the primary embedding model's id
 * @param dimensions the primary model's vector length
 * @param models every embedding model with a vector field in the build, primary first
 * @param resources resources in the build
 * @param chunks chunks in the build
 * @param sources the reading lists in the build
 * @param partial for a build published while its new passages were still being embedded (searchable by words, and
 *                by meaning for the passages embedded before), how many were; null for a complete build
 */
public record BuildInfo(int format, String indexedAt, String model, int dimensions, List<ModelInfo> models,
                        int resources, int chunks, List<SourceInfo> sources,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Partial partial) {


    /** The file name inside a build folder. */
    public static final String FILE = "build.json";
    /**
     * The field layout this version reads and writes. 2: resource ids and passage ordinals in doc values, so a search
     * reads no stored field of a candidate it does not show. 3: one vector field per embedding model. 4: which resources are
     * one work ({@code works.json}), without which a build would show copies twice. A build of another format is rebuilt,
     * never misread.
     */
    public static final int FORMAT = 4;
    // Builds written by an older version may lack newer properties, or have properties this version dropped.
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public BuildInfo {
        sources = sources == null ? List.of() : List.copyOf(sources);
        models = models == null ? List.of() : List.copyOf(models);
    }

    /** The vector length of the named model's field, if the build has one. */
    public Optional<Integer> dimensionsOf(String modelName) {
        return models.stream().filter(m -> m.name().equals(modelName)).map(ModelInfo::dimensions).findFirst();
    }

    /**
     * Whether the build has a vector field of the named model to search with this vector: false when it has none (a
     * model it was not built with).
     *
     * @throws IllegalArgumentException when the vector's length is not the field's
     */
    public boolean searchable(String modelName, float[] vector) {
        Optional<Integer> dimensions = dimensionsOf(modelName);
        if (dimensions.isPresent() && vector.length != dimensions.get()) {
            throw new IllegalArgumentException("model " + modelName + ": expected dimension " + dimensions.get()
                    + ", got " + vector.length);
        }
        return dimensions.isPresent();
    }

    /** Reads the facts of a build folder. */
    public static BuildInfo read(Path build) throws IOException {
        return JSON.readValue(Files.readString(build.resolve(FILE)), BuildInfo.class);
    }

    /** Writes these facts into a build folder. */
    void write(Path build) throws IOException {
        Files.writeString(build.resolve(FILE), JSON.writeValueAsString(this));
    }

    /** Whether the build is served before its new passages had vectors, and a complete build is still to come. */
    public boolean incomplete() {
        return partial != null;
    }

    /**
     * How far the vectors of a partial build went: of the passages the models lacking some vectors cover, how many had
     * one when it was published (from the embedding caches).
     *
     * @param models the models that lacked vectors of some passages
     * @param embedded passage vectors the build has, over those models
     * @param of passage vectors a complete build has, over those models
     */
    public record Partial(List<String> models, int embedded, int of) {
        public Partial {
            models = List.copyOf(models);
        }
    }

    /**
     * An embedding model of the build.
     *
     * @param name model id (its vector field is {@code IndexFields.vector(name)})
     * @param dimensions vector length
     * @param passages passages it embedded (a Chinese model embeds only those with Chinese)
     */
    public record ModelInfo(String name, int dimensions, int passages) {
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
