package dev.shelf.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EncodersTest {

    private static final HashingEncoder ENGLISH = new HashingEncoder(64, 32);

    /** A model that embeds only Chinese text, as bge-small-zh does. */
    private static final HashingEncoder CHINESE = new HashingEncoder(32, 32).scoped(Scope.CHINESE);

    @Test
    void the_primary_model_comes_first_and_a_chinese_model_may_follow() {
        Encoders encoders = new Encoders(List.of(ENGLISH, CHINESE));
        assertEquals(ENGLISH, encoders.primary());
        assertEquals(List.of(ENGLISH.name(), CHINESE.name()), encoders.names());
    }

    @Test
    void a_model_that_reads_only_some_texts_cannot_be_the_primary() {
        ModelException e = assertThrows(ModelException.class, () -> new Encoders(List.of(CHINESE, ENGLISH)));
        assertTrue(e.getMessage().contains("put a model that reads every text first"), e.getMessage());
    }

    @Test
    void a_model_named_twice_or_none_at_all_is_refused() {
        assertThrows(ModelException.class, () -> new Encoders(List.of(ENGLISH, ENGLISH)));
        assertThrows(ModelException.class, () -> new Encoders(List.of()));
    }

    /** An English model, as bge-small-en, e5-small and MiniLM are in production. */
    private static final HashingEncoder ENGLISH_ONLY = new HashingEncoder(48, 32).scoped(Scope.ENGLISH);

    @Test
    void an_english_model_may_be_the_primary() {
        assertEquals(ENGLISH_ONLY, new Encoders(List.of(ENGLISH_ONLY, CHINESE)).primary());
    }

    @Test
    void a_chinese_query_without_an_english_word_is_asked_of_the_models_that_read_chinese() {
        List<Encoder> models = List.of(ENGLISH_ONLY, ENGLISH, CHINESE);
        assertEquals(List.of(ENGLISH, CHINESE), Encoders.askedFor("模型量化成 4 位", models));
        assertEquals(models, Encoders.askedFor("EXL2 跟 GPTQ 差在哪", models));
        assertEquals(List.of(ENGLISH_ONLY, ENGLISH), Encoders.askedFor("model quantization", models));
    }

    @Test
    void with_english_models_alone_a_chinese_query_still_asks_them() {
        assertEquals(List.of(ENGLISH_ONLY), Encoders.askedFor("模型量化", List.of(ENGLISH_ONLY)));
    }
}
