package dev.shelf.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LoadingEncoderTest {

    private static final ModelSpec SPEC = new ModelSpec("zh-model", Path.of("zh.onnx"), Path.of("zh.json"), 8, 512,
            256, Pooling.CLS, true, "", "passage: ", Scope.CHINESE);

    @Test
    void what_the_model_is_is_known_before_it_has_loaded() {
        LoadingEncoder encoder = new LoadingEncoder(SPEC, new CompletableFuture<>());
        assertEquals("zh-model", encoder.name());
        assertEquals(8, encoder.dimensions());
        assertEquals(256, encoder.chunkTokens());
        assertEquals(Scope.CHINESE, encoder.scope());
        assertEquals(SPEC.vectorIdentity(), encoder.vectorIdentity());
        assertFalse(encoder.covers("plain English"));
    }

    @Test
    void an_encode_waits_for_the_model_and_then_answers_as_it_does() throws Exception {
        CompletableFuture<Encoder> model = new CompletableFuture<>();
        LoadingEncoder encoder = new LoadingEncoder(SPEC, model);
        CompletableFuture<float[]> vector = CompletableFuture.supplyAsync(() -> encoder.encodeQuery("模型量化"));
        Thread.sleep(50);
        assertFalse(vector.isDone(), "nothing to encode with yet");
        HashingEncoder real = new HashingEncoder(8, 256);
        model.complete(real);
        assertArrayEquals(real.encodeQuery("模型量化"), vector.get(5, TimeUnit.SECONDS));
        assertSame(real, encoder.loaded());
    }

    @Test
    void a_model_that_failed_to_load_throws_its_own_error_at_each_use_and_closes_quietly() {
        ModelException damaged = new ModelException("model file zh.onnx is damaged", null);
        LoadingEncoder encoder = new LoadingEncoder(SPEC, CompletableFuture.failedFuture(damaged));
        assertSame(damaged, assertThrows(ModelException.class, () -> encoder.encodeQuery("q")));
        assertSame(damaged, assertThrows(ModelException.class, () -> encoder.tokenCount("q")));
        encoder.close();
    }

    @Test
    void closing_before_the_model_has_loaded_calls_the_load_off_without_waiting_for_it() {
        CompletableFuture<Encoder> model = new CompletableFuture<>();
        LoadingEncoder encoder = new LoadingEncoder(SPEC, model);
        encoder.close();
        assertTrue(model.isCancelled(), "the loader sees the cancellation and closes what it made");
        assertThrows(CancellationException.class, () -> encoder.encodeQuery("q"));
    }

    @Test
    void a_load_that_failed_with_an_error_is_reported_as_a_model_exception() {
        LoadingEncoder encoder = new LoadingEncoder(SPEC,
                CompletableFuture.failedFuture(new UnsatisfiedLinkError("no onnxruntime in java.library.path")));
        ModelException e = assertThrows(ModelException.class, encoder::loaded);
        assertTrue(e.getMessage().contains("zh-model"), e.getMessage());
        assertTrue(e.getCause() instanceof UnsatisfiedLinkError);
    }

    @Test
    void closing_closes_the_loaded_model() {
        AtomicBoolean closed = new AtomicBoolean();
        Encoder real = new Encoder() {
            @Override
            public String name() {
                return "zh-model";
            }

            @Override
            public int dimensions() {
                return 8;
            }

            @Override
            public int chunkTokens() {
                return 256;
            }

            @Override
            public int tokenCount(String text) {
                return 1;
            }

            @Override
            public float[] encodeQuery(String query) {
                return new float[8];
            }

            @Override
            public List<float[]> encode(List<String> passages) {
                return List.of();
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        new LoadingEncoder(SPEC, CompletableFuture.completedFuture(real)).close();
        assertTrue(closed.get());
    }
}
