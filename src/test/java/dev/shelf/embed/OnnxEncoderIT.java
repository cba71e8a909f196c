package dev.shelf.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxEncoderIT {

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void vectors_have_the_specs_dimensions_and_unit_length() {
        float[] v = SharedEncoder.get().encode(List.of("GGUF is a file format for quantized models.")).get(0);
        assertEquals(384, v.length);
        assertEquals(1.0, dot(v, v), 1e-4);
    }

    @Test
    void a_query_is_closer_to_its_answer_than_to_an_unrelated_passage() {
        OnnxEncoder encoder = SharedEncoder.get();
        float[] query = encoder.encodeQuery("combine several fine-tuned models into one without training");
        List<float[]> passages = encoder.encode(List.of(
                "Merge Large Language Models with mergekit: create new models by merging existing ones, no GPU needed.",
                "Khan Academy - Calculus: an interactive course covering the essentials of calculus."));
        assertTrue(dot(query, passages.get(0)) > dot(query, passages.get(1)) + 0.1,
                () -> dot(query, passages.get(0)) + " vs " + dot(query, passages.get(1)));
    }

    @Test
    void batching_and_padding_change_a_vector_only_within_quantization_noise() {
        // The int8 model quantizes activations with a scale taken over the whole batch, so batch-mates move a
        // vector slightly; the attention mask keeps padding itself out.
        OnnxEncoder encoder = SharedEncoder.get();
        String text = "LoRA adapters";
        float[] alone = encoder.encode(List.of(text)).get(0);
        float[] padded = encoder.encode(List.of("a much longer passage about quantization, GPTQ, AWQ and GGUF formats", text)).get(1);
        assertTrue(dot(alone, padded) > 0.995, () -> "cosine " + dot(alone, padded));
        assertArrayEquals(alone, encoder.encode(List.of(text)).get(0), 0f, "the same input gives the same vector");
    }

    @Test
    void a_second_spec_over_the_same_files_with_mean_pooling_works(@TempDir Path dir) throws IOException {
        ModelSpec base = SharedEncoder.get().spec();
        Files.writeString(dir.resolve(ModelSpec.SPEC_FILE), String.join("\n",
                "name=bge-small-mean", "onnx=" + base.onnx().toAbsolutePath(), "tokenizer=" + base.tokenizer().toAbsolutePath(),
                "dimensions=384", "maxTokens=512", "chunkTokens=128", "pooling=mean", "normalize=true"));
        ModelSpec mean = ModelSpec.load(dir);
        try (OnnxEncoder encoder = new OnnxEncoder(mean, 1, 8)) {
            float[] v = encoder.encodeQuery("what is GGUF");
            assertEquals(1.0, dot(v, v), 1e-4);
            float[] cls = SharedEncoder.get().encode(List.of("what is GGUF")).get(0);
            assertTrue(dot(v, cls) < 0.999, "mean pooling gives another vector than CLS pooling");
        }
    }

    @Test
    void a_passage_counts_the_tokens_the_model_runs_over_its_prefix_and_special_tokens_included(@TempDir Path dir)
            throws IOException {
        ModelSpec base = SharedEncoder.get().spec();
        Files.writeString(dir.resolve(ModelSpec.SPEC_FILE), String.join("\n",
                "name=bge-small-prefixed", "onnx=" + base.onnx().toAbsolutePath(),
                "tokenizer=" + base.tokenizer().toAbsolutePath(),
                "dimensions=384", "maxTokens=512", "chunkTokens=256", "pooling=cls", "normalize=true",
                "passagePrefix=passage:\\u0020"));
        String text = "GGUF is a file format";
        assertEquals(7, SharedEncoder.get().tokenCount(text), "word pieces, GGUF split up");
        assertEquals(7 + 2, SharedEncoder.get().passageTokens(text), "[CLS] and [SEP]");
        try (OnnxEncoder prefixed = new OnnxEncoder(ModelSpec.load(dir), 1, 8)) {
            assertEquals(7 + 2 + 2, prefixed.passageTokens(text), "\"passage\" and \":\" too");
        }
    }

    @Test
    void a_missing_model_file_is_a_clear_error_naming_it_and_how_to_restore_it(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(ModelSpec.SPEC_FILE), "name=x\nonnx=model.onnx\ntokenizer=tokenizer.json\n"
                + "dimensions=384\nmaxTokens=512\npooling=cls\n");
        ModelException e = assertThrows(ModelException.class, () -> ModelSpec.load(dir));
        assertTrue(e.getMessage().contains(dir.resolve("model.onnx").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("mvn -B -DskipTests package"), e.getMessage());
    }

    @Test
    void a_corrupted_model_file_is_a_clear_error_not_a_crash(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("model.onnx"), "this is not an onnx file");
        Files.copy(SharedEncoder.get().spec().tokenizer(), dir.resolve("tokenizer.json"));
        Files.writeString(dir.resolve(ModelSpec.SPEC_FILE), "name=x\nonnx=model.onnx\ntokenizer=tokenizer.json\n"
                + "dimensions=384\nmaxTokens=512\npooling=cls\n");
        ModelException e = assertThrows(ModelException.class, () -> new OnnxEncoder(ModelSpec.load(dir)));
        assertTrue(e.getMessage().contains("model.onnx"), e.getMessage());
    }

    @Test
    void a_truncated_model_file_is_a_clear_error_not_a_native_crash(@TempDir Path dir) throws IOException {
        byte[] real = Files.readAllBytes(SharedEncoder.get().spec().onnx());
        Files.write(dir.resolve("model.onnx"), java.util.Arrays.copyOf(real, real.length / 2));
        Files.copy(SharedEncoder.get().spec().tokenizer(), dir.resolve("tokenizer.json"));
        Files.writeString(dir.resolve(ModelSpec.SPEC_FILE), "name=x\nonnx=model.onnx\ntokenizer=tokenizer.json\n"
                + "dimensions=384\nmaxTokens=512\npooling=cls\n");
        ModelException e = assertThrows(ModelException.class, () -> new OnnxEncoder(ModelSpec.load(dir)));
        assertTrue(e.getMessage().contains("model.onnx") && e.getMessage().contains("mvn -B -DskipTests package"),
                e.getMessage());
    }

    @Test
    void a_model_file_damaged_by_one_byte_is_caught_by_its_recorded_checksum(@TempDir Path dir) throws IOException {
        Path bundled = SharedEncoder.get().spec().onnx().getParent();
        java.util.Properties spec = new java.util.Properties();
        try (var in = Files.newBufferedReader(bundled.resolve(ModelSpec.SPEC_FILE))) {
            spec.load(in);
        }
        byte[] model = Files.readAllBytes(bundled.resolve(spec.getProperty("onnx")));
        model[model.length / 2] ^= 0x01;
        Files.write(dir.resolve(spec.getProperty("onnx")), model);
        Files.copy(bundled.resolve(spec.getProperty("tokenizer")), dir.resolve(spec.getProperty("tokenizer")));
        Files.copy(bundled.resolve(ModelSpec.SPEC_FILE), dir.resolve(ModelSpec.SPEC_FILE));

        ModelException e = assertThrows(ModelException.class, () -> ModelSpec.load(dir));
        assertTrue(e.getMessage().contains(dir.resolve(spec.getProperty("onnx")).toString())
                && e.getMessage().contains("damaged") && e.getMessage().contains("mvn -B -DskipTests package"),
                e.getMessage());
    }
}
