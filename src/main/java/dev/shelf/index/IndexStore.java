package dev.shelf.index;

import dev.shelf.chunk.Chunk;
import dev.shelf.ingest.Resource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the passages of a build are kept and how a complete build becomes the one served: the embedded Lucene folder
 * ({@link LuceneStore}) or a search cluster. Everything else of a build (its {@code build.json}, the topic map, the
 * embedding caches) lives in the {@link IndexLayout}'s folder whichever store holds the passages, so ingest,
 * embedding, fusion and the map never depend on the store.
 */
public interface IndexStore {

    /**
     * Holds the right to build until closed: one build at a time writes a store, across processes (and, for a
     * cluster, across machines).
     *
     * @throws IOException when another build holds it, saying so
     */
    AutoCloseable lock(IndexLayout layout) throws IOException;

    /**
     * Writes the passages and vectors of a new build, named by its (new) folder, not yet served.
     *
     * @param resources the resources, by id
     * @param chunks every passage, in the order of each model's vectors
     * @param vectors one entry per model, primary first
     */
    void write(Path build, List<Resource> resources, List<Chunk> chunks, List<PassageVectors> vectors)
            throws IOException;

    /** Makes a complete build (its passages written, its folder complete) the one served, atomically. */
    void publish(IndexLayout layout, Path build) throws IOException;

    /** The build being served, as a folder of the layout; empty when there is none. */
    Optional<Path> current(IndexLayout layout);

    /** Removes what {@link #write} left of a build that will never be served; quiet about what is already gone. */
    void discard(Path build) throws IOException;

    /** Removes every build but the two named (the one now served and the one a server may still be reading). */
    void removeOthers(IndexLayout layout, Path current, Path previous) throws IOException;

    /** Opens a complete build for searching. */
    ChunkIndex open(Path build) throws IOException;

    /**
     * Whether other Shelf processes, on other machines, may publish builds to this store: their builds then carry
     * their lists, so that each server can bring its lists up to date (a cluster; the embedded folder is one
     * machine's).
     */
    default boolean shared() {
        return false;
    }

    /** Where the passages are, for messages: "in index", "in the OpenSearch index shelf at ...". */
    String describe(IndexLayout layout);

    /**
     * One model's vectors of a build's passages.
     */
    interface PassageVectors {
        /** The model's name (its vector field is {@code IndexFields.vector(name)}). */
        String model();

        int dimensions();

        /** The vector of the i-th passage, or null when the model does not cover it. */
        float[] vector(int i);
    }
}
