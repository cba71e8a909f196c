package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MoreLikeTest {

    @Test
    void the_request_forms_give_their_subject() {
        assertEquals(Optional.of("Ollama"), MoreLike.subject("Something like Ollama"));
        assertEquals(Optional.of("Ollama"), MoreLike.subject("  more like   Ollama "));
        assertEquals(Optional.of("LangChain"), MoreLike.subject("Alternatives to LangChain"));
        assertEquals(Optional.of("OpenHermes-2.5"), MoreLike.subject("Other datasets like OpenHermes-2.5"));
        assertEquals(Optional.of("vLLM"), MoreLike.subject("similar to vLLM"));
        assertEquals(Optional.of("nanoGPT"), MoreLike.subject("papers similar to nanoGPT"));
        assertEquals(Optional.of("GGUF"), MoreLike.subject("more articles like GGUF"));
    }

    @Test
    void quotes_around_the_subject_or_its_title_go() {
        assertEquals(Optional.of("The Illustrated Transformer by Jay Alammar"),
                MoreLike.subject("More like 'The Illustrated Transformer' by Jay Alammar"));
        assertEquals(Optional.of("Fine-tune Mistral-7b with DPO"),
                MoreLike.subject("More like “Fine-tune Mistral-7b with DPO”"));
    }

    @Test
    void a_query_that_only_mentions_likeness_or_names_nothing_is_not_a_request() {
        assertEquals(Optional.empty(), MoreLike.subject("Which models, like GPT-4, run on a laptop?"));
        assertEquals(Optional.empty(), MoreLike.subject("I would like to fine-tune a model"));
        assertEquals(Optional.empty(), MoreLike.subject("more like this"));
        assertEquals(Optional.empty(), MoreLike.subject("something like"));
        assertEquals(Optional.empty(), MoreLike.subject("Ollama"));
    }

    @Test
    void a_title_names_the_subject_when_they_share_a_word_that_is_not_filler() {
        assertTrue(MoreLike.names("Understanding Activation-Aware Weight Quantization",
                "Introduction to Weight Quantization"));
        assertTrue(MoreLike.names("OWASP LLM Top 10 by HEGO Wiki", "the OWASP LLM Top 10"));
        assertFalse(MoreLike.names("The Illustrated BERT", "the one by Jay"));
        assertFalse(MoreLike.names("Axolotl", "Unsloth"));
    }

    @Test
    void the_related_lists_take_half_the_weight_and_the_querys_lists_keep_their_proportions_in_the_other_half() {
        Map<String, Double> w = MoreLike.weights(Map.of("lexical", 0.25, "bge", 0.75), List.of("like lexical", "like bge"));
        assertEquals(0.125, w.get("lexical"), 1e-12);
        assertEquals(0.375, w.get("bge"), 1e-12);
        assertEquals(0.25, w.get("like lexical"), 1e-12);
        assertEquals(0.25, w.get("like bge"), 1e-12);
    }
}
