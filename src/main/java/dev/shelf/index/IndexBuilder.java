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
import java.util.Optional;
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
    /** Told of a build published searchable by words before its new passages were embedded; null: none is. */
    private final WordsFirst wordsFirst;

    /** Told of each build published before its new passages had vectors. */
    @FunctionalInterface
    public interface WordsFirst {
        /**
         * @param summary the build now served (no model embedded anything for it yet)
         * @param partial how far its vectors went
         */
        void published(BuildSummary summary, BuildInfo.Partial partial);
    }

    /**
     * A builder that writes one vector field per model; the primary model's token counts cut the passages.
     *
     * @param step what else each build writes into its folder before it is switched in
     */
    public IndexBuilder(IndexLayout layout, Encoders encoders, BuildStep step) {
        this(layout, encoders, step, null);
    }

    /**
     * A builder that, when a build has passages the caches lack vectors of, first publishes the build with the vectors
     * they have (every passage searchable by words at once), then embeds the rest and publishes the complete build.
     *
     * @param wordsFirst told of each such first build once it is served; null to publish only complete builds
     */
    public IndexBuilder(IndexLayout layout, Encoders encoders, BuildStep step, WordsFirst wordsFirst) {
        this.layout = layout;
        this.encoders = encoders;
        this.step = step;
        this.wordsFirst = wordsFirst;
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
        Optional<Path> before = layout.current();
        AutoCloseable lock;
        try {
            lock = store.lock(layout);
        } catch (BuildBusyException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(e.getMessage() + "; " + served(before), e);
        }
        try (Closeable held = () -> release(lock)) {
            return work.run();
        } catch (IOException e) {
            throw new IOException("could not write the index " + store.describe(layout) + ": " + FileTrees.reason(e) + "; "
                    + served(before), e);
        }
    }

    /** What is served now, said against what was served when the build began (a words build may have replaced it). */
    private String served(Optional<Path> before) {
        Optional<Path> now;
        try {
            now = layout.current();
        } catch (RuntimeException e) {
            now = before;
        }
        if (now.isEmpty()) {
            return "there was no index before";
        }
        return now.equals(before) ? "the index served before (" + now.get().getFileName() + ") is unchanged"
                : "the build searchable by words (" + now.get().getFileName() + ") is served; a later build completes it";
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
        for (Encoder encoder : encoders.all()) {
            vectors.add(ModelVectors.open(encoder, chunks, layout));
        }
        Path previous = layout.current().orElse(null);
        // Planned before anything is served, so that whoever watches sees every model's figures from the start.
        for (ModelVectors model : vectors) {
            progress.plan(model.model(), model.missing(rebuild));
        }
        BuildInfo.Partial partial = rebuild ? null : partial(vectors);
        if (partial != null && wordsFirst != null) {
            // Searchable by words now, and by meaning where the caches have vectors; the rest follows.
            Path lexical = write(resources, sources, chunks, vectors, previous, partial);
            layout.store().removeOthers(layout, lexical, previous);
            wordsFirst.published(new BuildSummary(lexical, resources.size(), chunks.size(), List.of(),
                    (System.nanoTime() - started) / 1e9), partial);
            previous = lexical;
        }
        List<BuildSummary.ModelBuild> modelBuilds = new ArrayList<>();
        for (ModelVectors model : vectors) {
            modelBuilds.add(model.embedMissing(rebuild, progress));
        }
        Path build = write(resources, sources, chunks, vectors, previous, null);
        layout.store().removeOthers(layout, build, previous);
        return new BuildSummary(build, resources.size(), chunks.size(), modelBuilds,
                (System.nanoTime() - started) / 1e9);
    }

    /** What a build published before its embedding would lack; null when the caches have every vector. */
    private static BuildInfo.Partial partial(List<ModelVectors> vectors) {
        List<String> models = new ArrayList<>();
        int embedded = 0;
        int of = 0;
        for (ModelVectors model : vectors) {
            int missing = model.missing(false);
            if (missing > 0) {
                models.add(model.model());
                of += model.covered();
                embedded += model.covered() - missing;
            }
        }
        return models.isEmpty() ? null : new BuildInfo.Partial(models, embedded, of);
    }

    /**
     * Writes a new build of the passages with the vectors the caches hold now, and switches it in.
     *
     * @param partial how far the vectors went, for a build published before its embedding; null for a complete one
     */
    private Path write(List<Resource> resources, List<Source> sources, List<Chunk> chunks, List<ModelVectors> vectors,
                       Path previous, BuildInfo.Partial partial) throws IOException {
        Path build = layout.builds().resolve("build-" + System.currentTimeMillis() + "-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(build);
            layout.store().write(build, resources, chunks, List.copyOf(vectors));
            Works.of(resources).write(build);
            if (partial == null) {
                step.write(build, previous, resources, sources, chunks, vectors.get(0)::vector);
            } else {
                step.writeWhileEmbedding(build, previous, sources);
            }
            List<BuildInfo.ModelInfo> models = vectors.stream().map(ModelVectors::info).toList();
            Encoder primary = encoders.primary();
            new BuildInfo(BuildInfo.FORMAT, Instant.now().toString(), primary.name(), primary.dimensions(), models,
                    resources.size(), chunks.size(), sourceInfos(resources, sources), partial).write(build);
            layout.switchTo(build);
            return build;
        } catch (IOException | RuntimeException e) {
            // The half-made build is of no use, and on a full disk its space is what the next try needs.
            deleteQuietly(build, e);
            throw e;
        }
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
