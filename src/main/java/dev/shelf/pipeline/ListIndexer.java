package dev.shelf.pipeline;

import dev.shelf.chunk.Chunk;
import dev.shelf.embed.Encoders;
import dev.shelf.index.BuildProgress;
import dev.shelf.index.BuildStep;
import dev.shelf.index.BuildSummary;
import dev.shelf.index.IndexBuilder;
import dev.shelf.index.IndexLayout;
import dev.shelf.ingest.IngestResult;
import dev.shelf.ingest.Ingester;
import dev.shelf.ingest.Resource;
import dev.shelf.ingest.Source;
import dev.shelf.map.MapFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Builds the index of reading lists, with its topic map: the one way from lists on disk to a served build, whether
 * {@code shelf index}, a server's re-index or a test asks for it.
 */
public final class ListIndexer {

    /** The folder of a build that holds copies of the lists it read, when its store is shared by several servers. */
    public static final String BUILD_LISTS = "lists";

    private final IndexBuilder builder;
    private final boolean shared;

    /**
     * An indexer that builds into {@code layout} with the given models, the primary one cutting the passages. A build
     * into a store that other servers share also carries copies of its lists ({@link #BUILD_LISTS}), which is how the
     * other servers learn of them.
     */
    public ListIndexer(IndexLayout layout, Encoders encoders) {
        this(layout, encoders, null);
    }

    /**
     * As {@link #ListIndexer(IndexLayout, Encoders)}, publishing each build with passages the embedding caches lack
     * vectors of first as it is, searchable by words, before the complete build ({@link IndexBuilder.WordsFirst}); into
     * a store of one machine only.
     *
     * @param wordsFirst told of each such first build once it is served; null to publish only complete builds
     */
    public ListIndexer(IndexLayout layout, Encoders encoders, IndexBuilder.WordsFirst wordsFirst) {
        this.shared = layout.store().shared();
        // A store several servers share publishes complete builds only: each server copies and merges the lists of
        // every build it sees, and a words-first build would make each of them do so twice per change.
        this.builder = new IndexBuilder(layout, encoders, new MapAndLists(shared), shared ? null : wordsFirst);
    }

    /** The topic map of every build, and with a shared store copies of its lists. */
    private record MapAndLists(boolean shared) implements BuildStep {

        @Override
        public void write(Path build, Path previous, List<Resource> resources, List<Source> sources,
                          List<Chunk> chunks, IntFunction<float[]> vectorOf) throws IOException {
            MapFiles.write(build, previous, resources, sources, chunks, vectorOf);
            copyLists(build, sources);
        }

        @Override
        public void writeWhileEmbedding(Path build, Path previous, List<Source> sources) throws IOException {
            MapFiles.keepPrevious(build, previous);
            copyLists(build, sources);
        }

        private void copyLists(Path build, List<Source> sources) throws IOException {
            if (!shared) {
                return;
            }
            Path copies = Files.createDirectories(build.resolve(BUILD_LISTS));
            for (Source source : sources) {
                if (Files.isRegularFile(source.file())) {
                    Files.copy(source.file(), copies.resolve(source.file().getFileName().toString()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * Ingests the lists and builds their index.
     *
     * @param lists reading list files and folders
     * @param rebuild whether to embed every passage again rather than take unchanged ones from the cache
     * @param ingested told what ingestion read and skipped before the build starts
     * @throws IOException when the index cannot be written; the previous build, if any, is still the one served
     */
    public Indexed index(List<Path> lists, boolean rebuild, Consumer<IngestResult> ingested, BuildProgress progress)
            throws IOException {
        return index(lists, rebuild, ingested, progress, () -> null);
    }

    /**
     * As {@link #index(List, boolean, Consumer, BuildProgress)}; into a shared store, {@code beforeReading} runs once
     * the build lock is held and before the lists are read: a server sharing its store brings its lists up to date with
     * the build served there, so that no other server's change is lost to this build. (Into one machine's store there
     * is nothing to bring, and the lists are read first, as ever.)
     */
    public Indexed index(List<Path> lists, boolean rebuild, Consumer<IngestResult> ingested, BuildProgress progress,
                         IndexBuilder.LockedWork<?> beforeReading) throws IOException {
        if (!shared) {
            // One machine's store: its lists are this process's to read, before it waits for the lock.
            IngestResult read = new Ingester().ingest(lists);
            ingested.accept(read);
            return new Indexed(read, index(read.resources(), read.sources(), rebuild, progress));
        }
        return builder.locked(() -> {
            beforeReading.run();
            IngestResult read = new Ingester().ingest(lists);
            ingested.accept(read);
            return new Indexed(read, builder.buildLocked(read.resources(), read.sources(), rebuild, progress));
        });
    }

    /** Builds the index of resources read already (a benchmark corpus, or lists ingested once for several builds). */
    public BuildSummary index(List<Resource> resources, List<Source> sources, boolean rebuild, BuildProgress progress)
            throws IOException {
        return builder.build(resources, sources, rebuild, progress);
    }

    /**
     * What {@link #index(List, boolean, Consumer, BuildProgress)} did.
     *
     * @param ingested the lists as read, with their warnings and skipped files
     * @param summary the build
     */
    public record Indexed(IngestResult ingested, BuildSummary summary) {
    }
}
