package dev.shelf.pipeline;

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
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the index of reading lists, with its topic map: the one way from lists on disk to a served build, whether
 * {@code shelf index}, a server's re-index or a test asks for it.
 */
public final class ListIndexer {

    /** The topic map, written into every build. */
    public static final BuildStep TOPIC_MAP = MapFiles::write;

    private final IndexBuilder builder;

    /** An indexer that builds into {@code layout} with the given models, the primary one cutting the passages. */
    public ListIndexer(IndexLayout layout, Encoders encoders) {
        this.builder = new IndexBuilder(layout, encoders, TOPIC_MAP);
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
        IngestResult read = new Ingester().ingest(lists);
        ingested.accept(read);
        return new Indexed(read, index(read.resources(), read.sources(), rebuild, progress));
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
