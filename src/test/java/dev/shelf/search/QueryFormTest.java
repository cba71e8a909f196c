package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueryFormTest {

    @Test
    void a_remembered_entry_named_by_its_kind_is_a_description() {
        assertTrue(QueryForm.isDescription(
                "a tutorial that walks through quantizing a Llama model to GGUF and running it locally"));
        assertTrue(QueryForm.isDescription("Chip Huyen's long overview of multimodal systems, from CLIP to chat"));
        assertTrue(QueryForm.isDescription("the 2015 blog post with diagrams of the gates of a recurrent network"));
        assertTrue(QueryForm.isDescription("a series of Medium posts on where the Poisson distribution comes from"));
    }

    @Test
    void a_question_is_no_description_even_when_it_names_a_kind_of_work() {
        assertFalse(QueryForm.isDescription("which paper introduced rotary position embeddings for transformers"));
        assertFalse(QueryForm.isDescription("is there a tutorial on running a quantized Llama model on a laptop"));
        assertFalse(QueryForm.isDescription("I read a blog post on merging models once, where was it?"));
    }

    @Test
    void a_request_in_ones_own_words_that_names_no_kind_of_work_is_no_description() {
        assertFalse(QueryForm.isDescription("combine several fine-tuned models into one without any training"));
        assertFalse(QueryForm.isDescription("leaderboard that ranks chat models by human votes"));
        assertFalse(QueryForm.isDescription(""));
    }

    @Test
    void a_long_description_keeps_equal_weights_and_a_long_question_leans_on_the_question_model() {
        assertFalse(QueryWeights.isLongQuestion(
                "a tutorial that walks through quantizing a Llama model to GGUF and running it locally"));
        assertTrue(QueryWeights.isLongQuestion("how do I quantize a Llama model to GGUF and run it locally"));
        assertTrue(QueryWeights.isLongQuestion("combine several fine-tuned models into one without any training"));
    }
}
