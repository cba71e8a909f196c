package dev.shelf.embed;

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

/**
 * Loads the ONNX models of a set of model folders side by side, so that a start waits for the slowest model rather
 * than for the sum of them: all at once ({@link #load}), or in the background behind {@link LoadingEncoder}s
 * ({@link #loadInBackground}) for a server that listens meanwhile.
 */
public final class ModelLoader {

    private final List<Path> models;
    private final int threads;

    /**
     * @param models the model folders, each with a {@code model.properties}, primary first
     * @param threads threads each model computes with; null for every core, and never more than there are
     */
    public ModelLoader(List<Path> models, Integer threads) {
        this.models = List.copyOf(models);
        int cores = Runtime.getRuntime().availableProcessors();
        this.threads = threads == null ? cores : Math.max(1, Math.min(cores, threads));
    }

    /** Loads every model, returning once all are loaded; the caller closes them. */
    public Encoders load() {
        List<CompletableFuture<Encoder>> loading;
        // Own threads: on a machine of few cores the common pool has one thread, and would load the models in turn.
        try (ExecutorService loaders = Executors.newFixedThreadPool(models.size())) {
            loading = models.stream().map(model -> CompletableFuture.supplyAsync(() -> load(model), loaders)).toList();
        }
        return joined(loading);
    }

    /**
     * The models, loading on their own daemon threads while the caller goes on: those that embed every passage at once,
     * those that embed only some (the Chinese model) after them, so that they do not slow the first searches' models.
     * A model that fails to load fails the first call that needs it, and {@link #awaitLoaded}. The caller closes them.
     *
     * @throws ModelException when a spec is missing or malformed, or the set is refused (before any model loads)
     */
    public Encoders loadInBackground() {
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
     * Waits for every model of {@link #loadInBackground} and throws the first failure, with the others suppressed; a
     * model whose loading was called off because the server is closing is no failure.
     */
    public static void awaitLoaded(Encoders encoders) {
        RuntimeException failure = null;
        for (Encoder e : encoders.all()) {
            try {
                if (e instanceof LoadingEncoder loading) {
                    loading.loaded();
                }
            } catch (CancellationException closing) {
                // closed while loading: nothing to report
            } catch (RuntimeException cause) {
                failure = withSuppressed(failure, cause);
            }
        }
        if (failure != null) {
            throw failure;
        }
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

    private Encoder load(Path model) {
        return new OnnxEncoder(ModelSpec.load(model), threads, OnnxEncoder.DEFAULT_BATCH_SIZE);
    }

    /** The loaded models; when any failed, the others closed and the first failure thrown. */
    private static Encoders joined(List<CompletableFuture<Encoder>> loading) {
        List<Encoder> loaded = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<Encoder> model : loading) {
            try {
                loaded.add(model.join());
            } catch (CompletionException e) {
                failure = withSuppressed(failure, e.getCause() instanceof RuntimeException r ? r : e);
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

    /** The first failure, with a later one suppressed in it. */
    private static RuntimeException withSuppressed(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
