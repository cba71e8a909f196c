package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shelf.index.ChunkHit;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Passages aggregated to resources, filtered, and the passage each result shows. */
class RankingTest {

    /** Passages of three resources, best first: a's two passages around b's, then c's. */
    private static final List<ChunkHit> PASSAGES = List.of(
            new ChunkHit("a", 1, 5.0f),
            new ChunkHit("b", 0, 4.0f),
            new ChunkHit("a", 0, 3.0f),
            new ChunkHit("c", 2, 2.0f));

    @Test
    void each_resource_is_ranked_where_its_best_passage_is_with_that_passages_score_and_ordinal() {
        Ranking ranking = Ranking.ofBestPassages("lexical", PASSAGES, 10);
        assertEquals("lexical", ranking.retriever());
        assertEquals(List.of(
                new Ranking.Entry("a", 5.0, 1),
                new Ranking.Entry("b", 4.0, 0),
                new Ranking.Entry("c", 2.0, 2)), ranking.entries());
    }

    @Test
    void at_most_limit_resources_are_kept_however_many_passages_follow() {
        // a (5.0), b (4.0), then a again (already in) and c, which is past the limit of 2.
        assertEquals(List.of("a", "b"), Ranking.ofBestPassages("lexical", PASSAGES, 2).entries().stream()
                .map(Ranking.Entry::id).toList());
        assertEquals(List.of(), Ranking.ofBestPassages("lexical", List.of(), 2).entries());
    }

    @Test
    void a_filtered_ranking_moves_the_others_up_with_their_scores() {
        Ranking ranking = Ranking.ofBestPassages("semantic", PASSAGES, 10).filter(id -> !id.equals("a"));
        assertEquals(List.of(new Ranking.Entry("b", 4.0, 0),
                new Ranking.Entry("c", 2.0, 2)), ranking.entries());
        // Ranks are positions: b, second before, is now rank 1; c, third before, rank 2.
        List<Fused> fused = Fusion.single(ranking);
        assertEquals(new RankScore(1, 4.0), fused.get(0).rank("semantic"));
        assertEquals(new RankScore(2, 2.0), fused.get(1).rank("semantic"));
        assertEquals("semantic", ranking.retriever());
    }

    @Test
    void the_snippet_passage_comes_from_the_first_ranking_that_holds_the_resource() {
        // a's passage 0 matched the words, its passage 3 the meaning; d was found by meaning only (passage 1).
        Ranking lexical = new Ranking("lexical", List.of(new Ranking.Entry("a", 3, 0)));
        Ranking semantic = new Ranking("semantic", List.of(new Ranking.Entry("d", 0.9, 1),
                new Ranking.Entry("a", 0.8, 3)));
        List<Fused> fused = Fusion.RRF.fuse(List.of(lexical, semantic), Map.of("lexical", 1.0, "semantic", 1.0));
        Fused a = fused.stream().filter(f -> f.id().equals("a")).findFirst().orElseThrow();
        Fused d = fused.stream().filter(f -> f.id().equals("d")).findFirst().orElseThrow();
        assertEquals(OptionalInt.of(0), Ranking.passage(List.of(lexical, semantic), a));
        assertEquals(OptionalInt.of(1), Ranking.passage(List.of(lexical, semantic), d));
        assertEquals(OptionalInt.of(3), Ranking.passage(List.of(semantic, lexical), a));
        assertEquals(OptionalInt.empty(), Ranking.passage(List.of(), a));
        // A ranking of the same name that does not hold the resource at that rank (a model called "lexical") gives
        // no passage rather than another resource's.
        Ranking impostor = new Ranking("lexical", List.of(new Ranking.Entry("z", 9, 7)));
        assertEquals(OptionalInt.of(3), Ranking.passage(List.of(impostor, semantic), a));
    }
}
