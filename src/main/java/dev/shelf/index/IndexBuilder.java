package dev.shelf.index;

import dev.shelf.chunk.Chunk;
import dev.shelf.chunk.Chunker;
import dev.shelf.embed.Encoder;
import dev.shelf.embed.Encoders;
import dev.shelf.ingest.Resource;
import dev.shelf.ingest.Source;
import dev.shelf.works.Works;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the index of a set of resources into a new build and switches it in only once it is complete, so a failed
 * or killed build leaves the previous index serving. Each model in use gets its own vector field and its own
 * embedding cache ({@link ModelVectors}); vectors of unchanged passages come from the cache;
 * {@code rebuild} ignores the cache and embeds everything again; which resources are one work ({@link Works}) is
 * found once here, for every search of the build; the layout's {@link IndexStore} keeps the passages;
 * a {@link BuildStep} of the caller's writes the rest of the build (the topic map). One build at a time writes a
 * store (the store's lock says so); a failed build leaves nothing behind but a clear error.
 */
public final class IndexBuilder {

    private final IndexLayout layout;
    private final Encoders encoders;
    private final BuildStep step;

    /**
     * A builder that writes one vector field per model; the primary model's token counts cut the passages.
     *
     * @param step what else each build writes into its folder before it is switched in
     */
    public IndexBuilder(IndexLayout layout, Encoders encoders, BuildStep step) {
        this.layout = layout;
        this.encoders = encoders;
        this.step = step;
    }

    /**
     * Indexes the resources.
     *
     * @throws IOException when the index cannot be written; the previous build, if any, is still the one served
     */
    public BuildSummary build(List<Resource> resources, List<Source> sources, boolean rebuild, BuildProgress progress)
            throws IOException {
        return locked(() -> buildLocked(resources, sources, rebuild, progress));
    }

    /** Work done while holding the store's build lock, such as reading the lists a build is made of. */
    @FunctionalInterface
    public interface LockedWork<T> {
        T run() throws IOException;
    }

    /**
     * Runs the work holding the store's build lock ({@link #buildLocked} inside it), with a failure said as a build's.
     *
     * @throws IOException when the lock cannot be had or the work fails; the previous build is still served
     */
    public <T> T locked(LockedWork<T> work) throws IOException {
        IndexStore store = layout.store();
        String served = layout.current().map(p -> "the index served before (" + p.getFileName() + ") is unchanged")
                .orElse("there was no index before");
        AutoCloseable lock;
        try {
            lock = store.lock(layout);
        } catch (BuildBusyException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(e.getMessage() + "; " + served, e);
        }
        try (Closeable held = () -> release(lock)) {
            return work.run();
        } catch (IOException e) {
            throw new IOException("could not write the index " + store.describe(layout) + ": " + FileTrees.reason(e) + "; "
                    + served, e);
        }
    }

    private static void release(AutoCloseable lock) throws IOException {
        try {
            lock.close();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot release the build lock: " + e.getMessage(), e);
        }
    }

    /** Builds the resources; the caller holds the lock ({@link #locked}). */
    public BuildSummary buildLocked(List<Resource> resources, List<Source> sources, boolean rebuild,
                                    BuildProgress progress) throws IOException {
        long started = System.nanoTime();
        Encoder primary = encoders.primary();
        Chunker chunker = new Chunker(primary::tokenCount, primary.chunkTokens());
        List<Chunk> chunks = new ArrayList<>();
        for (Resource resource : resources) {
            chunks.addAll(chunker.chunk(resource));
        }
        List<ModelVectors> vectors = new ArrayList<>();
        List<BuildSummary.ModelBuild> modelBuilds = new ArrayList<>();
        for (Encoder encoder : encoders.all()) {
            ModelVectors model = ModelVectors.open(encoder, chunks, layout);
            modelBuilds.add(model.embedMissing(rebuild, progress));
            vectors.add(model);
        }

        Path build = layout.builds().resolve("build-" + System.currentTimeMillis() + "-" + ProcessHandle.current().pid());
        Path previous = layout.current().orElse(null);
        try {
            Files.createDirectories(build);
            layout.store().write(build, resources, chunks, List.copyOf(vectors));
            Works.of(resources).write(build);
            step.write(build, previous, resources, sources, chunks, vectors.get(0)::vector);
            List<BuildInfo.ModelInfo> models = vectors.stream().map(ModelVectors::info).toList();
            new BuildInfo(BuildInfo.FORMAT, Instant.now().toString(), primary.name(), primary.dimensions(), models,
                    resources.size(), chunks.size(), sourceInfos(resources, sources)).write(build);
            layout.switchTo(build);
        } catch (IOException | RuntimeException e) {
            // The half-made build is of no use, and on a full disk its space is what the next try needs.
            deleteQuietly(build, e);
            throw e;
        }
        layout.store().removeOthers(layout, build, previous);
        return new BuildSummary(build, resources.size(), chunks.size(), modelBuilds,
                (System.nanoTime() - started) / 1e9);
    }

    private static List<BuildInfo.SourceInfo> sourceInfos(List<Resource> resources, List<Source> sources) {
        Map<String, Integer> counts = Resource.countByList(resources);
        return sources.stream().map(s -> new BuildInfo.SourceInfo(s.id(), s.name(), s.file().toString(),
                counts.getOrDefault(s.id(), 0))).toList();
    }

    private void deleteQuietly(Path build, Exception cause) {
        try {
            layout.store().discard(build);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
        try {
            FileTrees.delete(build);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
