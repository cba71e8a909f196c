package dev.shelf.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EncodersTest {

    /** A model for every text and every query (scope all). */
    private static final HashingEncoder ANY = new HashingEncoder(64, 32);

    /** An English model, as bge-small-en, e5-small and MiniLM are in production. */
    private static final HashingEncoder ENGLISH = new HashingEncoder(48, 32).scoped(Scope.ENGLISH);

    /** A model that embeds only Chinese text, as bge-small-zh does. */
    private static final HashingEncoder CHINESE = new HashingEncoder(32, 32).scoped(Scope.CHINESE);

    @Test
    void the_primary_model_comes_first_and_a_chinese_model_may_follow() {
        Encoders encoders = new Encoders(List.of(ANY, CHINESE));
        assertEquals(ANY, encoders.primary());
        assertEquals(List.of(ANY.name(), CHINESE.name()), encoders.names());
    }

    @Test
    void a_model_that_reads_only_some_texts_cannot_be_the_primary() {
        ModelException e = assertThrows(ModelException.class, () -> new Encoders(List.of(CHINESE, ANY)));
        assertTrue(e.getMessage().contains("put a model that embeds every passage first"), e.getMessage());
    }

    @Test
    void a_model_named_twice_or_none_at_all_is_refused() {
        assertThrows(ModelException.class, () -> new Encoders(List.of(ANY, ANY)));
        assertThrows(ModelException.class, () -> new Encoders(List.of()));
    }

    @Test
    void an_english_model_may_be_the_primary() {
        assertEquals(ENGLISH, new Encoders(List.of(ENGLISH, CHINESE)).primary());
    }

    @Test
    void a_chinese_query_without_an_english_word_is_not_asked_of_the_english_models() {
        List<Encoder> models = List.of(ENGLISH, ANY, CHINESE);
        assertEquals(List.of(ANY, CHINESE), Encoders.askedFor("模型量化成 4 位", models));
        assertEquals(models, Encoders.askedFor("EXL2 跟 GPTQ 差在哪", models));
        assertEquals(List.of(ENGLISH, ANY), Encoders.askedFor("model quantization", models));
    }

    @Test
    void with_english_models_alone_a_chinese_query_still_asks_them() {
        assertEquals(List.of(ENGLISH), Encoders.askedFor("模型量化", List.of(ENGLISH)));
    }
}
