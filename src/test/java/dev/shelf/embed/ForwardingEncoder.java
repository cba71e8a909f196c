package dev.shelf.embed;

import java.util.List;

/**
 * An encoder that hands every call to another: tests extend it and override only the calls they watch or hold back.
 */
public abstract class ForwardingEncoder implements Encoder {

    private final Encoder inner;

    protected ForwardingEncoder(Encoder inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public int dimensions() {
        return inner.dimensions();
    }

    @Override
    public int chunkTokens() {
        return inner.chunkTokens();
    }

    @Override
    public int tokenCount(String text) {
        return inner.tokenCount(text);
    }

    @Override
    public int passageTokens(String passage) {
        return inner.passageTokens(passage);
    }

    @Override
    public float[] encodeQuery(String query) {
        return inner.encodeQuery(query);
    }

    @Override
    public List<float[]> encode(List<String> passages) {
        return inner.encode(passages);
    }

    @Override
    public void readyForPassages() {
        inner.readyForPassages();
    }

    @Override
    public String vectorIdentity() {
        return inner.vectorIdentity();
    }

    @Override
    public Scope scope() {
        return inner.scope();
    }

    @Override
    public void close() {
        inner.close();
    }
}
