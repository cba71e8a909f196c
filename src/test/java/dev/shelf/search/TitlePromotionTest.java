package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An exact title beats fusion: the key titles are compared by, and the promotion itself. */
class TitlePromotionTest {

    private static Fused fused(String id, double score) {
        return new Fused(id, score, Map.of("lexical", new RankScore(1, score)));
    }

    private static List<String> ids(List<Fused> fused) {
        return fused.stream().map(Fused::id).toList();
    }

    @Test
    void the_key_ignores_case_and_turns_runs_of_punctuation_and_space_into_one_space() {
        assertEquals("prompt hacking", TitlePromotion.key("  Prompt   HACKING!! "));
        assertEquals("llama 3 1 8b instruct", TitlePromotion.key("Llama-3.1 (8B) — Instruct"));
        assertEquals("gguf", TitlePromotion.key("\"GGUF\""));
    }

    @Test
    void the_key_folds_compatibility_characters_and_keeps_letters_of_any_script() {
        // NFKC: full-width letters and the "fi" ligature become plain ones.
        assertEquals("gguf fine tuning", TitlePromotion.key("ＧＧＵＦ ﬁne-tuning"));
        assertEquals("模型合併 mergekit", TitlePromotion.key("模型合併：MergeKit"));
        assertEquals("", TitlePromotion.key("?!…"));
    }

    @Test
    void an_exact_match_already_ranked_moves_first_scored_as_high_as_the_old_top() {
        List<Fused> ranked = List.of(fused("a", 0.9), fused("b", 0.5), fused("c", 0.2));
        List<Fused> promoted = TitlePromotion.promote(ranked, List.of("c"));
        // c: max(0.2, 0.9) = 0.9, first; the others follow unchanged.
        assertEquals(List.of("c", "a", "b"), ids(promoted));
        assertEquals(List.of(0.9, 0.9, 0.5), promoted.stream().map(Fused::score).toList());
        assertEquals(new RankScore(1, 0.2), promoted.get(0).rank("lexical"), "its retriever ranks are kept");
    }

    @Test
    void several_ranked_exact_matches_keep_their_ranked_order_and_a_higher_score_stays() {
        List<Fused> ranked = List.of(fused("a", 0.9), fused("b", 0.5), fused("c", 0.2));
        List<Fused> promoted = TitlePromotion.promote(ranked, List.of("c", "a"));
        // a before c as ranked (not as listed); a keeps 0.9 = max(0.9, 0.9); c gets max(0.2, 0.9) = 0.9.
        assertEquals(List.of("a", "c", "b"), ids(promoted));
        assertEquals(List.of(0.9, 0.9, 0.5), promoted.stream().map(Fused::score).toList());
    }

    @Test
    void exact_matches_no_retriever_found_are_added_by_id_after_the_ranked_ones_without_ranks() {
        List<Fused> ranked = List.of(fused("a", 0.9), fused("b", 0.5));
        List<Fused> promoted = TitlePromotion.promote(ranked, List.of("z", "b", "y"));
        // b was ranked: first; y and z were not: next, by id, at the old top score 0.9.
        assertEquals(List.of("b", "y", "z", "a"), ids(promoted));
        assertEquals(List.of(0.9, 0.9, 0.9, 0.9), promoted.stream().map(Fused::score).toList());
        assertEquals(Map.of(), promoted.get(1).ranks());
        // Over an empty ranking there is no old top: score 0.
        assertEquals(List.of(new Fused("x", 0, Map.of())), TitlePromotion.promote(List.of(), List.of("x")));
    }

    @Test
    void without_an_exact_match_the_ranking_is_left_as_it_is() {
        List<Fused> ranked = List.of(fused("a", 0.9), fused("b", 0.5));
        assertEquals(ranked, TitlePromotion.promote(ranked, List.of()));
    }
}
