package dev.shelf.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EncodersTest {

    private static final HashingEncoder ENGLISH = new HashingEncoder(64, 32);

    /** The hashing model, made to embed only Chinese text. */
    private static Encoder chineseOnly() {
        HashingEncoder inner = new HashingEncoder(32, 32);
        return new Encoder() {
            @Override
            public String name() {
                return "zh";
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
            public float[] encodeQuery(String query) {
                return inner.encodeQuery(query);
            }

            @Override
            public List<float[]> encode(List<String> passages) {
                return inner.encode(passages);
            }

            @Override
            public Scope scope() {
                return Scope.CHINESE;
            }

            @Override
            public void close() {
                inner.close();
            }
        };
    }

    @Test
    void the_primary_model_comes_first_and_a_chinese_model_may_follow() {
        Encoders encoders = new Encoders(List.of(ENGLISH, chineseOnly()));
        assertEquals(ENGLISH, encoders.primary());
        assertEquals(List.of(ENGLISH.name(), "zh"), encoders.names());
    }

    @Test
    void a_model_that_reads_only_some_texts_cannot_be_the_primary() {
        ModelException e = assertThrows(ModelException.class, () -> new Encoders(List.of(chineseOnly(), ENGLISH)));
        assertTrue(e.getMessage().contains("put a model that reads every text first"), e.getMessage());
    }

    @Test
    void a_model_named_twice_or_none_at_all_is_refused() {
        assertThrows(ModelException.class, () -> new Encoders(List.of(ENGLISH, ENGLISH)));
        assertThrows(ModelException.class, () -> new Encoders(List.of()));
    }
}
