package dev.shelf.cli;

import dev.shelf.embed.Encoders;
import dev.shelf.embed.ModelLoader;
import dev.shelf.index.BuildProgress;
import dev.shelf.index.BuildSummary;
import dev.shelf.index.ChunkIndex;
import dev.shelf.index.IndexLayout;
import dev.shelf.ingest.IngestResult;
import dev.shelf.ingest.IngestWarning;
import dev.shelf.ingest.Ingester;
import dev.shelf.ingest.Resource;
import dev.shelf.ingest.Source;
import dev.shelf.opensearch.ClusterAddress;
import dev.shelf.opensearch.ClusterClient;
import dev.shelf.opensearch.ClusterException;
import dev.shelf.opensearch.OpenSearchStore;
import dev.shelf.pipeline.ListIndexer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The locations every command shares (defaults from the repository layout) and the one place that wires the app
 * together: which models encode, which store keeps the passages (the embedded index, or an OpenSearch cluster with
 * {@code --opensearch}), and how a build reports on the terminal. A picocli mixin, so each command takes the same
 * {@code --sources}, {@code --index}, {@code --opensearch}, {@code --models} and {@code --threads}.
 */
final class Workspace {

    /** The bundled reading lists, relative to the repository root. */
    static final String DEFAULT_SOURCES = "index/sources";
    static final String DEFAULT_INDEX = "index";
    /** The models in use by default, primary first (chosen on the tuning set: see the README's Quality section). */
    static final String DEFAULT_MODELS =
            "models/bge-small-en-v15-q,models/e5-small-v2-q,models/all-minilm-l6-v2-q,models/bge-small-zh-v15-q";

    @Option(names = "--sources", arity = "1..*", paramLabel = "PATH",
            description = "Reading list files or folders (default: ${DEFAULT-VALUE}).", defaultValue = DEFAULT_SOURCES)
    List<Path> sources;

    @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: ${DEFAULT-VALUE}).",
            defaultValue = DEFAULT_INDEX)
    Path index;

    @Option(names = "--opensearch", paramLabel = "URL[,URL...]",
            description = "Keep the index in this OpenSearch cluster (2.4 or later, with k-NN) instead of the --index folder;"
                    + " user and password from " + ClusterAddress.USER_VARIABLE + " and "
                    + ClusterAddress.PASSWORD_VARIABLE + " when set.")
    String opensearch;

    @Option(names = "--opensearch-index", paramLabel = "NAME", defaultValue = ClusterAddress.DEFAULT_ALIAS,
            description = "The index (an alias) in the cluster (default: ${DEFAULT-VALUE}).")
    String opensearchIndex;

    @Option(names = {"--models", "--model"}, split = ",", paramLabel = "DIR",
            description = "Model folders, each with a model.properties, primary first (default: ${DEFAULT-VALUE}).",
            defaultValue = DEFAULT_MODELS)
    List<Path> models;

    @Mixin
    Logging logging;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the embedding model (default: all cores).")
    Integer threads;

    /** Made once per command: with {@code --opensearch} it holds the cluster's client. */
    private IndexLayout layout;

    /**
     * The index folder with the store of the passages: the folder itself, or the cluster of {@code --opensearch}
     * (whose address is checked when the first build or search reaches it).
     *
     * @throws UncheckedIOException around a {@link ClusterException} when the address is malformed
     */
    IndexLayout layout() {
        if (layout == null) {
            layout = opensearch == null ? new IndexLayout(index) : new IndexLayout(index, clusterStore());
        }
        return layout;
    }

    private OpenSearchStore clusterStore() {
        return clusterStore(clusterAddress().orElseThrow());
    }

    /** The cluster of {@code --opensearch}, if given. */
    Optional<ClusterAddress> clusterAddress() {
        if (opensearch == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ClusterAddress.parse(opensearch, opensearchIndex, System.getenv()));
        } catch (IllegalArgumentException e) {
            throw new UncheckedIOException(e.getMessage(), new ClusterException(e.getMessage(), e));
        }
    }

    /** A store in the cluster at the address, telling of waits and copies on stderr. */
    static OpenSearchStore clusterStore(ClusterAddress address) {
        return new OpenSearchStore(ClusterClient.connect(address), line -> {
            System.err.println(line);
            System.err.flush();
        });
    }

    /** Closes the cluster's client, if the command made one. */
    void close() {
        if (layout != null && layout.store() instanceof OpenSearchStore cluster) {
            cluster.close();
        }
    }

    /**
     * Checks the store before a command relies on it: with {@code --opensearch}, that the cluster answers, takes the
     * credentials and has k-NN, so that the command fails at once with one line saying what to do.
     */
    void checkStore() throws IOException {
        if (layout().store() instanceof OpenSearchStore cluster) {
            cluster.client().checkUsable();
        }
    }

    /** The models of {@code --models}, each computing with {@code --threads}. */
    ModelLoader modelLoader() {
        return new ModelLoader(models, threads);
    }

    /** Loads the models side by side (start-up waits for the slowest, not the sum); the caller closes them. */
    Encoders encoders() {
        return modelLoader().load();
    }

    /**
     * Threads for query encodes, so that a search's models encode beside each other and beside its lexical
     * retrieval; daemon threads, closed by the caller.
     */
    static ExecutorService encodePool() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread t = new Thread(task, "shelf-encode-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Ingests the sources, printing every warning and skipped file to {@code err}. */
    IngestResult ingest(PrintWriter err) {
        IngestResult result = new Ingester().ingest(sources);
        report(result, err);
        return result;
    }

    private static void report(IngestResult result, PrintWriter err) {
        for (IngestWarning warning : result.warnings()) {
            err.println("warning: " + warning);
        }
        for (IngestWarning skipped : result.skipped()) {
            err.println("skipped: " + skipped);
        }
        err.flush();
    }

    /** Builds the index of the sources, with a progress bar on a terminal and one summary line otherwise. */
    BuildSummary build(Encoders encoders, boolean rebuild, PrintWriter out, PrintWriter err) throws IOException {
        ListIndexer indexer = new ListIndexer(layout(), encoders);
        return withProgress(out,
                progress -> indexer.index(sources, rebuild, ingested -> report(ingested, err), progress).summary());
    }

    /** Builds an index of the given resources into the given layout, reporting progress as {@link #build} does. */
    static BuildSummary build(Encoders encoders, IndexLayout layout, List<Resource> resources, List<Source> sources,
                              boolean rebuild, PrintWriter out) throws IOException {
        ListIndexer indexer = new ListIndexer(layout, encoders);
        return withProgress(out, progress -> indexer.index(resources, sources, rebuild, progress));
    }

    private static BuildSummary withProgress(PrintWriter out, Build build) throws IOException {
        BuildSummary summary;
        if (System.console() != null) {
            try (TerminalProgress progress = new TerminalProgress()) {
                summary = build.run(progress);
            }
        } else {
            summary = build.run(BuildProgress.NONE);
        }
        out.println(summary.line());
        out.flush();
        return summary;
    }

    /** A build told of its progress. */
    @FunctionalInterface
    private interface Build {
        BuildSummary run(BuildProgress progress) throws IOException;
    }

    /**
     * Builds the index when there is none yet, or only one of another version's format or without a vector field of
     * a model in use, saying so on {@code err}. Vectors in the embedding caches are reused.
     */
    void buildIfMissing(Encoders encoders, PrintWriter err) throws IOException {
        checkStore();
        IndexLayout layout = layout();
        if (layout.needsBuild(encoders.names())) {
            String where = layout.store().describe(layout);
            err.println(layout.current().isEmpty()
                    ? "no index " + where + " yet: building it from " + sources
                    : "the index " + where + " was built by another version of Shelf or with other models: building"
                    + " it again from " + sources);
            err.flush();
            build(encoders, false, err, err);
        }
    }

    /** Opens the index being served, building it first when there is none (saying so on {@code err}). */
    ChunkIndex openOrBuild(Encoders encoders, PrintWriter err) throws IOException {
        buildIfMissing(encoders, err);
        return open(layout());
    }

    /** Opens the build the layout's {@code CURRENT} names. */
    static ChunkIndex open(IndexLayout layout) throws IOException {
        return layout.store().open(layout.current().orElseThrow(
                () -> new IOException("no complete index " + layout.store().describe(layout)
                        + ": run `shelf index` first")));
    }

    /** A progress bar (me.tongfei:progressbar) per model, drawn on the terminal while its passages are embedded. */
    private static final class TerminalProgress implements BuildProgress, AutoCloseable {
        private ProgressBar bar;

        @Override
        public void start(String model, long chunksToEmbed) {
            close();
            bar = chunksToEmbed == 0 ? null : new ProgressBarBuilder().setTaskName("Embedding " + model)
                    .setInitialMax(chunksToEmbed).setStyle(ProgressBarStyle.ASCII).setUnit(" passages", 1).build();
        }

        @Override
        public void advance(long chunks) {
            if (bar != null) {
                bar.stepBy(chunks);
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
