package dev.shelf.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Figures per kind of query: the mean of each kind's queries, worked out by hand. */
class EvaluatorTest {

    @Test
    void each_kind_gets_the_mean_of_its_queries_in_the_order_kinds_first_appear() {
        Map<String, Double> perQuery = new LinkedHashMap<>();
        perQuery.put("q1", 0.5);
        perQuery.put("q2", 1.0);
        perQuery.put("q3", 0.25);
        perQuery.put("q4", 0.0);
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("q1", "plain");
        kinds.put("q2", "keyword");
        kinds.put("q3", "plain");
        kinds.put("q4", "plain");

        Map<String, Double> means = Evaluator.meanByKind(perQuery, kinds);

        assertEquals(List.of("plain", "keyword"), List.copyOf(means.keySet()));
        assertEquals((0.5 + 0.25 + 0.0) / 3, means.get("plain"), 1e-12);
        assertEquals(1.0, means.get("keyword"), 1e-12);
    }

    @Test
    void queries_without_a_kind_give_no_figures_per_kind() {
        assertEquals(Map.of(), Evaluator.meanByKind(Map.of("q1", 0.5), Map.of()));
    }
}
