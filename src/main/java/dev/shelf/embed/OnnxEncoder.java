package dev.shelf.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Embeds text with a local ONNX sentence-transformer, tokenized by DJL's HuggingFace tokenizer from a local
 * {@code tokenizer.json} (DJL is set offline; nothing is downloaded).
 *
 * <p>Batches are sorted by token length so that padding is minimal; {@code token_type_ids} is fed only when the model
 * declares that input; every tensor and result is closed. NOTE: thread-safe (ONNX Runtime sessions and the Rust
 * tokenizer are); one instance per model is meant to be shared and closed once.
 */
public final class OnnxEncoder implements Encoder {

    /**
     * Texts per ONNX run: on passages sorted by length, 4 to 16 embed fastest; larger runs pad more and smaller ones
     * pay more per run (the batch sizes measured are in docs/experiments.md).
     */
    public static final int DEFAULT_BATCH_SIZE = 16;
    private static final String INPUT_IDS = "input_ids";
    private static final String ATTENTION_MASK = "attention_mask";
    private static final String TOKEN_TYPE_IDS = "token_type_ids";

    private final ModelSpec spec;
    private final OrtEnvironment env;
    /** Threads of the passage session. */
    private final int threads;
    /**
     * Embeds passages, in batches, with every thread it was given; made on first use, since a server with its index
     * built only encodes queries and starts faster without it. Guarded by {@code this}.
     */
    private OrtSession session;
    /**
     * Embeds queries, one short run at a time, on the caller's thread alone: a two-thread session encoded a query
     * slower inside a search, its spinning workers slowing the search's other stages and concurrent clients too
     * ({@code bench}).
     */
    private final OrtSession querySession;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean takesTokenTypes;
    private final int batchSize;

    /**
     * Loads the model.
     *
     * @param threads ONNX Runtime threads for embedding passages (1 .. available processors); queries use one
     * @throws ModelException when a file is missing or the ONNX file cannot be loaded, naming the file
     */
    public OnnxEncoder(ModelSpec spec, int threads, int batchSize) {
        this.spec = spec;
        this.batchSize = batchSize;
        spec.checkFiles();
        // DJL must never reach the network: the tokenizer comes from a local file and its native library from the jar.
        System.setProperty("ai.djl.offline", "true");
        OrtLibraries.preferUnpacked();
        this.env = OrtEnvironment.getEnvironment();
        this.threads = Math.max(1, threads);
        this.querySession = session(1);
        Set<String> inputs = querySession.getInputNames();
        if (!inputs.contains(INPUT_IDS) || !inputs.contains(ATTENTION_MASK)) {
            close();
            throw new ModelException("model " + spec.onnx() + " has inputs " + inputs + ", expected input_ids and attention_mask", null);
        }
        this.takesTokenTypes = inputs.contains(TOKEN_TYPE_IDS);
        try {
            this.tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(spec.tokenizer())
                    .optMaxLength(spec.maxTokens())
                    .optTruncation(true)
                    .optPadding(false)
                    .optAddSpecialTokens(true)
                    .build();
        } catch (IOException | RuntimeException e) {
            close();
            throw new ModelException("cannot load the tokenizer " + spec.tokenizer() + " (" + e.getMessage()
                    + "); run `mvn -B -DskipTests package` to unpack it again", e);
        }
    }

    @Override
    public void readyForPassages() {
        passageSession();
    }

    private synchronized OrtSession passageSession() {
        if (session == null) {
            session = session(threads);
        }
        return session;
    }

    private OrtSession session(int threads) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return env.createSession(spec.onnx().toString(), options);
        } catch (OrtException e) {
            throw new ModelException("cannot load the ONNX model " + spec.onnx() + " (" + e.getMessage()
                    + "); run `mvn -B -DskipTests package` to unpack it again", e);
        }
    }

    /** A shared encoder with all cores and the default batch size. */
    public OnnxEncoder(ModelSpec spec) {
        this(spec, Runtime.getRuntime().availableProcessors(), DEFAULT_BATCH_SIZE);
    }

    public ModelSpec spec() {
        return spec;
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

    /** How many tokens the text is, without the special tokens the model adds (at most maxTokens). */
    @Override
    public int tokenCount(String text) {
        return tokenizer.encode(text, false, false).getIds().length;
    }

    @Override
    public int passageTokens(String passage) {
        return tokenizer.encode(spec.passagePrefix() + passage).getIds().length;
    }

    @Override
    public String vectorIdentity() {
        return spec.vectorIdentity();
    }

    @Override
    public Scope scope() {
        return spec.scope();
    }

    /** The query's vector, with the model's query prefix. */
    @Override
    public float[] encodeQuery(String query) {
        return run(List.of(tokenizer.encode(spec.queryPrefix() + query)), querySession)[0];
    }

    /**
     * The vectors of the given passages, in the given order.
     *
     * @throws ModelException when ONNX Runtime fails
     */
    @Override
    public List<float[]> encode(List<String> texts) {
        List<Encoding> encodings = new ArrayList<>(texts.size());
        for (String text : texts) {
            encodings.add(tokenizer.encode(spec.passagePrefix() + text));
        }
        Integer[] order = new Integer[texts.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> encodings.get(i).getIds().length));
        float[][] vectors = new float[texts.size()][];
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            List<Encoding> batch = new ArrayList<>(end - start);
            for (int k = start; k < end; k++) {
                batch.add(encodings.get(order[k]));
            }
            float[][] batchVectors = run(batch, passageSession());
            for (int k = start; k < end; k++) {
                vectors[order[k]] = batchVectors[k - start];
            }
        }
        return List.of(vectors);
    }

    private float[][] run(List<Encoding> batch, OrtSession model) {
        int rows = batch.size();
        int length = batch.stream().mapToInt(e -> e.getIds().length).max().orElse(0);
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        long[] types = new long[rows * length];
        for (int r = 0; r < rows; r++) {
            Encoding e = batch.get(r);
            System.arraycopy(e.getIds(), 0, ids, r * length, e.getIds().length);
            System.arraycopy(e.getAttentionMask(), 0, mask, r * length, e.getAttentionMask().length);
            System.arraycopy(e.getTypeIds(), 0, types, r * length, e.getTypeIds().length);
        }
        long[] shape = {rows, length};
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OnnxTensor typesTensor = takesTokenTypes ? OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape) : null) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put(INPUT_IDS, idsTensor);
            inputs.put(ATTENTION_MASK, maskTensor);
            if (typesTensor != null) {
                inputs.put(TOKEN_TYPE_IDS, typesTensor);
            }
            try (OrtSession.Result result = model.run(inputs)) {
                OnnxTensor hidden = (OnnxTensor) result.get(0);
                long[] outShape = hidden.getInfo().getShape();
                if (outShape.length != 3 || outShape[2] != spec.dimensions()) {
                    throw new ModelException("model " + spec.onnx() + ": expected output [batch, tokens, "
                            + spec.dimensions() + "], got " + Arrays.toString(outShape), null);
                }
                return pool(hidden.getFloatBuffer(), mask, rows, length);
            }
        } catch (OrtException e) {
            throw new ModelException("ONNX Runtime failed on model " + spec.onnx() + ": " + e.getMessage(), e);
        }
    }

    private float[][] pool(FloatBuffer hidden, long[] mask, int rows, int length) {
        int dims = spec.dimensions();
        float[][] out = new float[rows][dims];
        for (int r = 0; r < rows; r++) {
            float[] v = out[r];
            if (spec.pooling() == Pooling.CLS) {
                hidden.get(r * length * dims, v, 0, dims);
            } else {
                int count = 0;
                for (int t = 0; t < length; t++) {
                    if (mask[r * length + t] == 0) {
                        continue;
                    }
                    count++;
                    int base = (r * length + t) * dims;
                    for (int d = 0; d < dims; d++) {
                        v[d] += hidden.get(base + d);
                    }
                }
                for (int d = 0; d < dims; d++) {
                    v[d] /= Math.max(1, count);
                }
            }
            if (spec.normalize()) {
                UnitVectors.normalize(v);
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        // Reverse order of creation; the environment is process-wide and stays.
        if (tokenizer != null) {
            tokenizer.close();
        }
        for (OrtSession open : new OrtSession[] {querySession, session}) {
            if (open != null) {
                try {
                    open.close();
                } catch (OrtException e) {
                    throw new ModelException("cannot close the ONNX session of " + spec.onnx(), e);
                }
            }
        }
    }
}
