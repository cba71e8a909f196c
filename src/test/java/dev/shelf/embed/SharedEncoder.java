package dev.shelf.embed;

import java.nio.file.Path;

/** The default model, loaded once per test JVM and shared by every test that needs it. */
public final class SharedEncoder {

    /** The model folder the tests use: the default model of the app. */
    public static final Path MODEL_DIR = Path.of("models/bge-small-en-v15-q");

    private static final class Holder {
        static final OnnxEncoder ENCODER = new OnnxEncoder(ModelSpec.load(MODEL_DIR));
    }

    private SharedEncoder() {
    }

    /** The shared encoder; NOTE: never close it, the JVM does. */
    public static OnnxEncoder get() {
        return Holder.ENCODER;
    }
}
