package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shelf.works.Works;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkFoldingTest {

    private static Fused fused(String id, double score) {
        return new Fused(id, score, Map.of());
    }

    @Test
    void each_work_keeps_its_best_ranked_copy_in_place_and_the_others_drop_out() {
        Works works = new Works(List.of(new Works.Group(List.of("mirror", "post", "pdf"), List.of("address x"))));
        List<Fused> ranked = List.of(fused("other", 0.9), fused("post", 0.8), fused("mirror", 0.7), fused("last", 0.6),
                fused("pdf", 0.5));
        assertEquals(List.of("other", "post", "last"),
                WorkFolding.fold(ranked, works).stream().map(Fused::id).toList());
    }

    @Test
    void a_ranking_without_copies_is_unchanged() {
        List<Fused> ranked = List.of(fused("a", 1), fused("b", 0.5));
        assertEquals(ranked, WorkFolding.fold(ranked, Works.NONE));
    }
}
