package dev.shelf.cli;

import dev.shelf.embed.Encoder;
import dev.shelf.embed.ModelSpec;
import dev.shelf.embed.OnnxEncoder;
import dev.shelf.index.BuildProgress;
import dev.shelf.index.BuildSummary;
import dev.shelf.index.ChunkIndex;
import dev.shelf.index.IndexBuilder;
import dev.shelf.index.IndexLayout;
import dev.shelf.index.LuceneChunkIndex;
import dev.shelf.ingest.IngestResult;
import dev.shelf.ingest.IngestWarning;
import dev.shelf.ingest.Ingester;
import dev.shelf.ingest.Resource;
import dev.shelf.ingest.Source;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The locations every command shares (defaults from the repository layout) and the one place that wires the app
 * together: which model encodes, which index backend opens a build ({@link #OPENER}), ingestion and building. A
 * picocli mixin, so each command takes the same {@code --sources}, {@code --index}, {@code --model} and
 * {@code --threads}.
 */
final class Workspace {

    /** The bundled reading lists, relative to the repository root. */
    static final String DEFAULT_SOURCES = "index/sources";
    static final String DEFAULT_INDEX = "index";
    static final String DEFAULT_MODEL = "models/bge-small-en-v15-q";
    /** The index backend: the embedded Lucene index. */
    static final ChunkIndex.Opener OPENER = LuceneChunkIndex::open;

    @Option(names = "--sources", arity = "1..*", paramLabel = "PATH",
            description = "Reading list files or folders (default: ${DEFAULT-VALUE}).", defaultValue = DEFAULT_SOURCES)
    List<Path> sources;

    @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: ${DEFAULT-VALUE}).",
            defaultValue = DEFAULT_INDEX)
    Path index;

    @Option(names = "--model", paramLabel = "DIR", description = "Model folder with a model.properties (default: ${DEFAULT-VALUE}).",
            defaultValue = DEFAULT_MODEL)
    Path model;

    @Mixin
    Logging logging;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the embedding model (default: all cores).")
    Integer threads;

    IndexLayout layout() {
        return new IndexLayout(index);
    }

    OnnxEncoder encoder() {
        int cores = Runtime.getRuntime().availableProcessors();
        int n = threads == null ? cores : Math.max(1, Math.min(cores, threads));
        return new OnnxEncoder(ModelSpec.load(model), n, OnnxEncoder.DEFAULT_BATCH_SIZE);
    }

    /** Ingests the sources, printing every warning and skipped file to {@code err}. */
    IngestResult ingest(PrintWriter err) {
        IngestResult result = new Ingester().ingest(sources);
        for (IngestWarning warning : result.warnings()) {
            err.println("warning: " + warning);
        }
        for (IngestWarning skipped : result.skipped()) {
            err.println("skipped: " + skipped);
        }
        err.flush();
        return result;
    }

    /** Builds the index of the sources, with a progress bar on a terminal and one summary line otherwise. */
    BuildSummary build(Encoder encoder, boolean rebuild, PrintWriter out, PrintWriter err) throws IOException {
        IngestResult ingested = ingest(err);
        return build(encoder, layout(), ingested.resources(), ingested.sources(), rebuild, out);
    }

    /** Builds an index of the given resources into the given layout, reporting progress as {@link #build} does. */
    static BuildSummary build(Encoder encoder, IndexLayout layout, List<Resource> resources, List<Source> sources,
                              boolean rebuild, PrintWriter out) throws IOException {
        IndexBuilder builder = new IndexBuilder(layout, encoder);
        BuildSummary summary;
        if (System.console() != null) {
            try (TerminalProgress progress = new TerminalProgress()) {
                summary = builder.build(resources, sources, rebuild, progress);
            }
        } else {
            summary = builder.build(resources, sources, rebuild, BuildProgress.NONE);
        }
        out.println(summary.line());
        out.flush();
        return summary;
    }

    /** Builds the index when there is none yet, or only one of another version's format, saying so on {@code err}. */
    void buildIfMissing(Encoder encoder, PrintWriter err) throws IOException {
        IndexLayout layout = layout();
        if (layout.needsBuild()) {
            err.println(layout.current().isEmpty()
                    ? "no index in " + index + " yet: building it from " + sources
                    : "the index in " + index + " was built by another version of Shelf: building it again from " + sources);
            err.flush();
            build(encoder, false, err, err);
        }
    }

    /** Opens the index being served, building it first when there is none (saying so on {@code err}). */
    ChunkIndex openOrBuild(Encoder encoder, PrintWriter err) throws IOException {
        buildIfMissing(encoder, err);
        return open(layout());
    }

    /** Opens the build the layout's {@code CURRENT} names. */
    static ChunkIndex open(IndexLayout layout) throws IOException {
        return OPENER.open(layout.current().orElseThrow(
                () -> new IOException("no complete index in " + layout.root() + ": run `shelf index` first")));
    }

    /** A progress bar (me.tongfei:progressbar) drawn on the terminal while passages are embedded. */
    private static final class TerminalProgress implements BuildProgress, AutoCloseable {
        private ProgressBar bar;

        @Override
        public void start(long chunksToEmbed) {
            bar = new ProgressBarBuilder().setTaskName("Embedding").setInitialMax(chunksToEmbed)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" passages", 1).build();
        }

        @Override
        public void advance(long chunks) {
            bar.stepBy(chunks);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
