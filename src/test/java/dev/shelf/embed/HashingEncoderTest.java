package dev.shelf.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The unit tier's fake model: deterministic, unit length, close when texts share words. */
class HashingEncoderTest {

    private final HashingEncoder encoder = new HashingEncoder(64, 32);

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Test
    void the_same_text_gets_the_same_vector_from_any_instance() {
        float[] first = encoder.encodeQuery("run quantized models");
        float[] again = new HashingEncoder(64, 32).encode(List.of("run quantized models")).get(0);
        assertArrayEquals(first, again);
    }

    @Test
    void every_vector_has_unit_length_even_for_a_text_without_words() {
        for (String text : List.of("run quantized models", "a a a b", "", "?!")) {
            float[] v = encoder.encodeQuery(text);
            assertEquals(1.0, dot(v, v), 1e-6, text);
        }
        // No word: the unit vector of dimension 0.
        float[] none = encoder.encodeQuery("?!");
        assertEquals(1.0f, none[0]);
    }

    @Test
    void texts_sharing_words_are_closer_than_texts_sharing_none() {
        // The eight words land in eight different dimensions, so the cosines below are exact.
        assertEquals(8, Stream.of("run", "quantized", "models", "on", "a", "laptop", "refusal", "direction")
                .mapToInt(encoder::dimension).distinct().count());
        float[] run = encoder.encodeQuery("run quantized models");
        float[] laptop = encoder.encodeQuery("quantized models on a laptop");
        float[] refusal = encoder.encodeQuery("refusal direction");
        // 3 words at 1/sqrt(3) against 5 words at 1/sqrt(5), sharing 2: cos = 2 / (sqrt(3) * sqrt(5)) = 0.5164
        assertEquals(2 / Math.sqrt(15), dot(run, laptop), 1e-6);
        assertEquals(0.0, dot(run, refusal), 1e-9);
    }

    @Test
    void case_and_punctuation_do_not_matter_and_a_token_is_a_word() {
        assertArrayEquals(encoder.encodeQuery("fine tune lora"), encoder.encodeQuery("Fine-Tune LoRA!"));
        // fine, tune, a, 7b, model
        assertEquals(5, encoder.tokenCount("Fine-tune a 7B model."));
        assertEquals(0, encoder.tokenCount(" -- "));
    }
}
