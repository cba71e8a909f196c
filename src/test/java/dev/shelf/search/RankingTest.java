package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shelf.index.ChunkHit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Passages aggregated to resources, filtered, and the passage each result shows. */
class RankingTest {

    /** Passages of three resources, best first: a's two passages around b's, then c's. */
    private static final List<ChunkHit> PASSAGES = List.of(
            new ChunkHit("a", 1, 5.0f, "a, second passage"),
            new ChunkHit("b", 0, 4.0f, "b, first passage"),
            new ChunkHit("a", 0, 3.0f, "a, first passage"),
            new ChunkHit("c", 2, 2.0f, "c, third passage"));

    @Test
    void each_resource_is_ranked_where_its_best_passage_is_with_that_passages_score_and_text() {
        Ranking ranking = Ranking.ofBestPassages("lexical", PASSAGES, 10);
        assertEquals("lexical", ranking.retriever());
        assertEquals(List.of(
                new RankedResource("a", 5.0, "a, second passage"),
                new RankedResource("b", 4.0, "b, first passage"),
                new RankedResource("c", 2.0, "c, third passage")), ranking.entries());
    }

    @Test
    void at_most_limit_resources_are_kept_however_many_passages_follow() {
        // a (5.0), b (4.0), then a again (already in) and c, which is past the limit of 2.
        assertEquals(List.of("a", "b"), Ranking.ofBestPassages("lexical", PASSAGES, 2).entries().stream()
                .map(RankedResource::id).toList());
        assertEquals(List.of(), Ranking.ofBestPassages("lexical", List.of(), 2).entries());
    }

    @Test
    void a_filtered_ranking_moves_the_others_up_with_their_scores() {
        Ranking ranking = Ranking.ofBestPassages("semantic", PASSAGES, 10).filter(id -> !id.equals("a"));
        assertEquals(List.of(new RankedResource("b", 4.0, "b, first passage"),
                new RankedResource("c", 2.0, "c, third passage")), ranking.entries());
        // Ranks are positions: b, second before, is now rank 1; c, third before, rank 2.
        List<Fused> fused = Fusion.single(ranking);
        assertEquals(new RankScore(1, 4.0), fused.get(0).rank("semantic"));
        assertEquals(new RankScore(2, 2.0), fused.get(1).rank("semantic"));
        assertEquals("semantic", ranking.retriever());
    }

    @Test
    void the_snippet_passage_comes_from_the_first_ranking_that_holds_the_resource() {
        Ranking lexical = new Ranking("lexical", List.of(new RankedResource("a", 3, "a by words")));
        Ranking semantic = new Ranking("semantic", List.of(new RankedResource("d", 0.9, "d by meaning"),
                new RankedResource("a", 0.8, "a by meaning")));
        assertEquals(Map.of("a", "a by words", "d", "d by meaning"), Ranking.passages(List.of(lexical, semantic)));
        assertEquals(Map.of("a", "a by meaning", "d", "d by meaning"), Ranking.passages(List.of(semantic, lexical)));
        assertEquals(Set.of(), Ranking.passages(List.of()).keySet());
    }
}
