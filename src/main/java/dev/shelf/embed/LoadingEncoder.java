package dev.shelf.embed;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * An encoder whose model is still loading on another thread. What the model is (name, dimensions, scope, vector
 * identity) is known at once from its spec; the first call that needs the model itself waits for it, and a model that
 * failed to load throws its {@link ModelException} there. A server opens its index and starts listening while its
 * models load, so its start-up costs the slower of the two rather than their sum. NOTE: thread-safe.
 */
public final class LoadingEncoder implements Encoder {

    private final ModelSpec spec;
    private final CompletableFuture<? extends Encoder> model;

    /**
     * @param spec the model's spec, as {@link ModelSpec#read} gives it
     * @param model the model being loaded from that spec; {@link #close} cancels it if it is not done, and then
     *              whoever completes the load must close the model it made
     */
    public LoadingEncoder(ModelSpec spec, CompletableFuture<? extends Encoder> model) {
        this.spec = spec;
        this.model = model;
    }

    /**
     * The model, once loaded (waiting for it if need be).
     *
     * @throws ModelException (or the loader's own runtime exception) when it could not be loaded
     * @throws CancellationException when the encoder was closed before its model loaded
     */
    public Encoder loaded() {
        try {
            return model.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new ModelException("model " + spec.name() + " could not be loaded: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public int dimensions() {
        return spec.dimensions();
    }

    @Override
    public int chunkTokens() {
        return spec.chunkTokens();
    }

    @Override
    public String vectorIdentity() {
        return spec.vectorIdentity();
    }

    @Override
    public Scope scope() {
        return spec.scope();
    }

    @Override
    public int tokenCount(String text) {
        return loaded().tokenCount(text);
    }

    @Override
    public int passageTokens(String passage) {
        return loaded().passageTokens(passage);
    }

    @Override
    public float[] encodeQuery(String query) {
        return loaded().encodeQuery(query);
    }

    @Override
    public List<float[]> encode(List<String> passages) {
        return loaded().encode(passages);
    }

    @Override
    public void readyForPassages() {
        loaded().readyForPassages();
    }

    /**
     * Closes the model; one still loading is called off instead (its loader closes it), so that a server stopped
     * during start-up does not first wait for every model. A model that failed to load has nothing to close.
     */
    @Override
    public void close() {
        if (model.cancel(false)) {
            return;
        }
        Encoder loaded;
        try {
            loaded = model.join();
        } catch (CompletionException | CancellationException e) {
            return;
        }
        loaded.close();
    }
}
