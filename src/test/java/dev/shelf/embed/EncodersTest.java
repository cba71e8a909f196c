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
}
