package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MoreLikeTest {

    @Test
    void the_request_forms_give_the_name_they_ask_about() {
        assertEquals(Optional.of("Ollama"), MoreLike.subject("Something like Ollama"));
        assertEquals(Optional.of("Ollama"), MoreLike.subject("  more like   Ollama? "));
        assertEquals(Optional.of("LangChain"), MoreLike.subject("Alternatives to LangChain"));
        assertEquals(Optional.of("OpenHermes-2.5"), MoreLike.subject("Other datasets like OpenHermes-2.5"));
        assertEquals(Optional.of("vLLM"), MoreLike.subject("similar to vLLM"));
        assertEquals(Optional.of("nanoGPT"), MoreLike.subject("papers similar to nanoGPT"));
        assertEquals(Optional.of("GGUF"), MoreLike.subject("more articles like GGUF"));
    }

    @Test
    void the_name_ends_where_a_qualifier_begins_and_a_quoted_title_is_taken_whole() {
        assertEquals(Optional.of("Axolotl"), MoreLike.subject("Something like Axolotl for fine-tuning"));
        assertEquals(Optional.of("nanoGPT"), MoreLike.subject("More like nanoGPT by Andrej Karpathy"));
        assertEquals(Optional.of("GPT-4"), MoreLike.subject("models like GPT-4 that run on a laptop"));
        assertEquals(Optional.of("The Illustrated Transformer"),
                MoreLike.subject("More like 'The Illustrated Transformer' by Jay Alammar"));
        assertEquals(Optional.of("Fine-tune Mistral-7b with DPO"),
                MoreLike.subject("More like “Fine-tune Mistral-7b with DPO”"));
        assertEquals(Optional.of("Karpathy's nanoGPT"), MoreLike.subject("more like 'Karpathy's nanoGPT' video"));
    }

    @Test
    void questions_that_only_use_the_words_are_not_requests() {
        for (String query : List.of("other ways to fine-tune a model", "more efficient ways to quantize a model",
                "Other tools to run LLMs locally", "other approaches to alignment", "other than LoRA, what is there",
                "I would like to fine-tune a model", "Which models, like GPT-4, run on a laptop?", "Ollama",
                "more like this", "something like", "more like ???")) {
            assertEquals(Optional.empty(), MoreLike.subject(query), query);
        }
    }

    @Test
    void a_title_is_the_name_when_it_holds_every_word_of_the_name_but_filler() {
        assertTrue(MoreLike.names("OWASP LLM Top 10 by HEGO Wiki", "the OWASP LLM Top 10"));
        assertTrue(MoreLike.names("nanoGPT by Andrej Karpathy", "nanoGPT"));
        assertFalse(MoreLike.names("Understanding Activation-Aware Weight Quantization",
                "Introduction to Weight Quantization"), "a title sharing some of the words is another resource");
        assertFalse(MoreLike.names("How much VRAM is enough", "8GB of VRAM is enough"));
        assertFalse(MoreLike.names("Axolotl", "the"), "a name of filler alone names nothing");
    }

    /** An expansion for X (id "x") with related lists of the given names, each holding only "r". */
    private static MoreLike.Expansion expansion(String... lists) {
        List<Ranking> related = Arrays.stream(lists)
                .map(list -> new Ranking(list, List.of(new Ranking.Entry("r", 1.0, 0)))).toList();
        return MoreLike.Expansion.of("X", new SearchResponse.Like("x", "X"), related, Set.of("x", "x2"));
    }

    @Test
    void the_related_lists_take_half_the_weight_and_the_querys_lists_keep_their_proportions_in_the_other_half() {
        MoreLike.Expansion two = expansion("like lexical", "like bge");
        assertEquals(Map.of("like lexical", 0.25, "like bge", 0.25), two.weights());
        Map<String, Double> w = two.joinWeights(Map.of("lexical", 0.25, "bge", 0.75));
        assertEquals(0.125, w.get("lexical"), 1e-12);
        assertEquals(0.375, w.get("bge"), 1e-12);
        assertEquals(0.25, w.get("like lexical"), 1e-12);
        assertEquals(0.25, w.get("like bge"), 1e-12);
        Map<String, Double> one = expansion("like lexical").joinWeights(Map.of("lexical", 0.5, "bge", 0.5));
        assertEquals(0.5, one.get("like lexical"), 1e-12, "a resource with no vector: one related list");
        assertEquals(1.0, one.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
    }

    @Test
    void the_querys_lists_lose_the_ids_left_out_and_the_related_lists_follow_them() {
        Ranking own = new Ranking("lexical", List.of(new Ranking.Entry("x", 9, 0), new Ranking.Entry("a", 5, 1),
                new Ranking.Entry("x2", 4, 0), new Ranking.Entry("b", 3, 2)));
        List<Ranking> joined = expansion("like lexical").joinRankings(List.of(own));
        assertEquals(List.of("lexical", "like lexical"), joined.stream().map(Ranking::retriever).toList());
        assertEquals(List.of(new Ranking.Entry("a", 5, 1), new Ranking.Entry("b", 3, 2)), joined.get(0).entries());
    }
}
