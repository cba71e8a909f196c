package dev.shelf.index;

import dev.shelf.chunk.Chunk;
import dev.shelf.ingest.Resource;
import dev.shelf.ingest.Source;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/**
 * More that a build writes into its folder once its passages and vectors are known, before the build is switched in:
 * the topic map, given by the caller so that the index knows nothing of what is drawn from it. A step that fails
 * fails the build, and the previous build stays served.
 */
@FunctionalInterface
public interface BuildStep {

    /** Writes nothing more. */
    BuildStep NONE = (build, previous, resources, sources, chunks, vectorOf) -> {
    };

    /**
     * @param build the new build's folder, not yet served
     * @param previous the build served until now, whose files may be reused; null when there is none
     * @param chunks every passage of the resources, in the order of {@code vectorOf}
     * @param vectorOf the primary model's vector of the passage at an index of {@code chunks}
     */
    void write(Path build, Path previous, List<Resource> resources, List<Source> sources, List<Chunk> chunks,
               IntFunction<float[]> vectorOf) throws IOException;

    /**
     * What a build published before its new passages are embedded writes instead (it has no vector of them to draw
     * from): by default nothing.
     *
     * @param previous the build served until now; null when there is none
     */
    default void writeWhileEmbedding(Path build, Path previous, List<Source> sources) throws IOException {
    }
}
