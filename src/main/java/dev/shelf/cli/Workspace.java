package dev.shelf.cli;

import dev.shelf.embed.Encoder;
import dev.shelf.embed.Encoders;
import dev.shelf.embed.LoadingEncoder;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The locations every command shares (defaults from the repository layout) and the one place that wires the app
 * together: which model encodes, which index backend opens a build ({@link #OPENER}), ingestion and building. A
 * picocli mixin, so each command takes the same {@code --sources}, {@code --index}, {@code --models} and
 * {@code --threads}.
 */
final class Workspace {

    /** The bundled reading lists, relative to the repository root. */
    static final String DEFAULT_SOURCES = "index/sources";
    static final String DEFAULT_INDEX = "index";
    /** The models in use by default, primary first (chosen on the tuning set: see the README's Quality section). */
    static final String DEFAULT_MODELS =
            "models/bge-small-en-v15-q,models/e5-small-v2-q,models/all-minilm-l6-v2-q,models/bge-small-zh-v15-q";
    /** The index backend: the embedded Lucene index. */
    static final ChunkIndex.Opener OPENER = LuceneChunkIndex::open;

    @Option(names = "--sources", arity = "1..*", paramLabel = "PATH",
            description = "Reading list files or folders (default: ${DEFAULT-VALUE}).", defaultValue = DEFAULT_SOURCES)
    List<Path> sources;

    @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: ${DEFAULT-VALUE}).",
            defaultValue = DEFAULT_INDEX)
    Path index;

    @Option(names = {"--models", "--model"}, split = ",", paramLabel = "DIR",
            description = "Model folders, each with a model.properties, primary first (default: ${DEFAULT-VALUE}).",
            defaultValue = DEFAULT_MODELS)
    List<Path> models;

    @Mixin
    Logging logging;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the embedding model (default: all cores).")
    Integer threads;

    IndexLayout layout() {
        return new IndexLayout(index);
    }

    /** Loads the models side by side (start-up waits for the slowest, not the sum); the caller closes them. */
    Encoders encoders() {
        List<CompletableFuture<Encoder>> loading;
        // Own threads: the common pool has one thread on two cores, and would load the models one after another.
        try (ExecutorService loaders = Executors.newFixedThreadPool(models.size())) {
            loading = models.stream().map(model -> CompletableFuture.supplyAsync(() -> load(model), loaders)).toList();
        }
        return encoders(loading);
    }

    /**
     * The models, loading on their own daemon threads while the caller goes on: those that embed every passage at once,
     * those that embed only some (the Chinese model) after them, so that they do not slow the first searches' models.
     * A model that fails to load fails the first call that needs it, and {@link #awaitLoaded}. The caller closes them.
     *
     * @throws dev.shelf.embed.ModelException when a spec is missing or malformed, or the set is refused (before any
     *         model loads)
     */
    Encoders encodersLoading() {
        List<ModelSpec> specs = models.stream().map(ModelSpec::read).toList();
        List<CompletableFuture<Encoder>> loaded = specs.stream().map(spec -> new CompletableFuture<Encoder>()).toList();
        Encoders encoders = new Encoders(IntStream.range(0, specs.size())
                .mapToObj(i -> (Encoder) new LoadingEncoder(specs.get(i), loaded.get(i))).toList());
        AtomicInteger count = new AtomicInteger();
        ExecutorService loaders = Executors.newFixedThreadPool(models.size(), task -> {
            Thread thread = new Thread(task, "shelf-model-loader-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        List<CompletableFuture<Encoder>> readingAll = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).scope().embedsEveryPassage()) {
                Path model = models.get(i);
                CompletableFuture<Encoder> target = loaded.get(i);
                loaders.execute(() -> loadInto(target, model));
                readingAll.add(target);
            }
        }
        CompletableFuture<Void> readersOfAll = CompletableFuture.allOf(readingAll.toArray(CompletableFuture[]::new))
                .handle((ignored, failure) -> null);
        for (int i = 0; i < specs.size(); i++) {
            if (!specs.get(i).scope().embedsEveryPassage()) {
                Path model = models.get(i);
                CompletableFuture<Encoder> target = loaded.get(i);
                readersOfAll.thenRunAsync(() -> loadInto(target, model), loaders);
            }
        }
        CompletableFuture.allOf(loaded.toArray(CompletableFuture[]::new)).handle((ignored, failure) -> {
            loaders.shutdown();
            return null;
        });
        return encoders;
    }

    /**
     * Loads a model into its future, unless the future was cancelled first (the server closed before this model's
     * turn); a model that finishes loading after its future was cancelled is closed here, since no one else holds it.
     * Any failure, an {@code Error} from a native library included, completes the future, so nothing waits forever.
     */
    private void loadInto(CompletableFuture<Encoder> target, Path model) {
        if (target.isDone()) {
            return;
        }
        try {
            Encoder loaded = load(model);
            if (!target.complete(loaded)) {
                loaded.close();
            }
        } catch (Throwable e) {
            target.completeExceptionally(e);
        }
    }

    /**
     * Waits for every model of {@link #encodersLoading} and throws the first failure, with the others suppressed; a
     * model whose loading was called off because the server is closing is no failure.
     */
    static void awaitLoaded(Encoders encoders) {
        RuntimeException failure = null;
        for (Encoder e : encoders.all()) {
            try {
                if (e instanceof LoadingEncoder loading) {
                    loading.loaded();
                }
            } catch (CancellationException closing) {
                // closed while loading: nothing to report
            } catch (RuntimeException cause) {
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private Encoder load(Path model) {
        int cores = Runtime.getRuntime().availableProcessors();
        int n = threads == null ? cores : Math.max(1, Math.min(cores, threads));
        return new OnnxEncoder(ModelSpec.load(model), n, OnnxEncoder.DEFAULT_BATCH_SIZE);
    }

    private static Encoders encoders(List<CompletableFuture<Encoder>> loading) {
        List<Encoder> loaded = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<Encoder> model : loading) {
            try {
                loaded.add(model.join());
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            loaded.forEach(Encoder::close);
            throw failure;
        }
        try {
            return new Encoders(loaded);
        } catch (RuntimeException e) {
            loaded.forEach(Encoder::close);
            throw e;
        }
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
    BuildSummary build(Encoders encoders, boolean rebuild, PrintWriter out, PrintWriter err) throws IOException {
        IngestResult ingested = ingest(err);
        return build(encoders, layout(), ingested.resources(), ingested.sources(), rebuild, out);
    }

    /** Builds an index of the given resources into the given layout, reporting progress as {@link #build} does. */
    static BuildSummary build(Encoders encoders, IndexLayout layout, List<Resource> resources, List<Source> sources,
                              boolean rebuild, PrintWriter out) throws IOException {
        IndexBuilder builder = new IndexBuilder(layout, encoders);
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

    /**
     * Builds the index when there is none yet, or only one of another version's format or without a vector field of
     * a model in use, saying so on {@code err}. Vectors in the embedding caches are reused.
     */
    void buildIfMissing(Encoders encoders, PrintWriter err) throws IOException {
        IndexLayout layout = layout();
        if (layout.needsBuild(encoders.names())) {
            err.println(layout.current().isEmpty()
                    ? "no index in " + index + " yet: building it from " + sources
                    : "the index in " + index + " was built by another version of Shelf or with other models: building"
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
