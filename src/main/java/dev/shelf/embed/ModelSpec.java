package dev.shelf.embed;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * The facts of one embedding model, read from {@code models/<name>/model.properties}: where its ONNX file and
 * {@code tokenizer.json} are, its dimensions, token limits, pooling, the prefixes its queries and passages need, and
 * which texts it embeds.
 *
 * @param name model id; part of every embedding-cache key
 * @param onnx the ONNX file
 * @param tokenizer the HuggingFace {@code tokenizer.json}
 * @param dimensions vector length
 * @param maxTokens the most tokens the model reads; longer input is truncated
 * @param chunkTokens the token budget of one indexed passage
 * @param pooling how token vectors are pooled
 * @param normalize whether vectors are scaled to unit length (required for dot-product search)
 * @param queryPrefix text put before every query (BGE's retrieval instruction, E5's {@code "query: "}), empty for none
 * @param passagePrefix text put before every indexed passage (E5's {@code "passage: "}), empty for none
 * @param scope which texts the model reads: what it embeds and which queries it is asked (a Chinese model only text
 *              with Chinese in it; an English one every passage, but no Chinese query without an English word)
 */
public record ModelSpec(String name, Path onnx, Path tokenizer, int dimensions, int maxTokens, int chunkTokens,
                        Pooling pooling, boolean normalize, String queryPrefix, String passagePrefix, Scope scope) {

    /** The spec file's name inside a model folder. */
    public static final String SPEC_FILE = "model.properties";

    public ModelSpec {
        if (dimensions <= 0 || maxTokens <= 0 || chunkTokens <= 0 || chunkTokens > maxTokens) {
            throw new IllegalArgumentException("model " + name + ": expected positive dimensions and 0 < chunkTokens <= maxTokens, got dimensions="
                    + dimensions + ", maxTokens=" + maxTokens + ", chunkTokens=" + chunkTokens);
        }
    }

    /**
     * Reads the spec in the given model folder and checks that its files are there and whole (their SHA-256).
     *
     * @throws ModelException naming the missing or malformed file and how to restore it
     */
    public static ModelSpec load(Path modelDir) {
        return read(modelDir, true);
    }

    /**
     * Reads the spec in the given model folder without looking at the model's files: what the model is, before it is
     * loaded (by {@link #load}).
     *
     * @throws ModelException naming the spec file when it is missing or malformed
     */
    public static ModelSpec read(Path modelDir) {
        return read(modelDir, false);
    }

    private static ModelSpec read(Path modelDir, boolean checkFiles) {
        Path specFile = modelDir.resolve(SPEC_FILE);
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(specFile, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new ModelException("cannot read the model spec " + specFile + ": " + e.getMessage(), e);
        }
        try {
            ModelSpec spec = new ModelSpec(
                    required(p, "name", specFile),
                    modelDir.resolve(required(p, "onnx", specFile)),
                    modelDir.resolve(required(p, "tokenizer", specFile)),
                    Integer.parseInt(required(p, "dimensions", specFile)),
                    Integer.parseInt(required(p, "maxTokens", specFile)),
                    Integer.parseInt(p.getProperty("chunkTokens", required(p, "maxTokens", specFile)).strip()),
                    Pooling.valueOf(required(p, "pooling", specFile).toUpperCase(Locale.ROOT)),
                    Boolean.parseBoolean(p.getProperty("normalize", "true").strip()),
                    p.getProperty("queryPrefix", ""),
                    p.getProperty("passagePrefix", ""),
                    Scope.valueOf(p.getProperty("scope", "all").strip().toUpperCase(Locale.ROOT)));
            if (checkFiles) {
                spec.checkFiles();
                checkDigest(spec.onnx(), p.getProperty("onnxSha256"));
                checkDigest(spec.tokenizer(), p.getProperty("tokenizerSha256"));
            }
            return spec;
        } catch (IllegalArgumentException e) {
            throw new ModelException("malformed model spec " + specFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * What makes the model's passage vectors what they are: the embedding cache keeps vectors only while it is
     * unchanged (a changed passage prefix, say, embeds again).
     */
    public String vectorIdentity() {
        return String.join("\u0000", name, passagePrefix, pooling.name(), Boolean.toString(normalize),
                Integer.toString(dimensions));
    }

    /** @throws ModelException when the ONNX file or tokenizer is missing or empty */
    public void checkFiles() {
        for (Path file : new Path[] {onnx, tokenizer}) {
            try {
                if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                    throw new ModelException("model file " + file + " is missing or empty; run `mvn -B -DskipTests package`"
                            + " to unpack it from Maven Central again", null);
                }
            } catch (IOException e) {
                throw new ModelException("cannot read model file " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Checks a model file against the SHA-256 its spec records, when it records one: a damaged file that still loads
     * would give wrong vectors without a word.
     */
    private static void checkDigest(Path file, String expected) {
        if (expected != null && !expected.isBlank()) {
            ModelFileCheck.sha256().check(file, expected);
        }
    }

    private static String required(Properties p, String key, Path specFile) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing key '" + key + "' in " + specFile);
        }
        return value.strip();
    }
}
