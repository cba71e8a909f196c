package dev.shelf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shelf.eval.EvalReport;
import dev.shelf.eval.Evaluator;
import dev.shelf.eval.Judgments;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code eval}'s tables of each list alone and of hybrid against the best of them, from hand-made scores. */
class EvalListsTableTest {

    private static String tables(Map<String, String> kinds) {
        Judgments judgments = new Judgments(Map.of("q1", "rope", "q2", "gguf"), Map.of(), kinds);
        Map<String, Evaluator.Scores> modes = new LinkedHashMap<>();
        modes.put("lexical", new Evaluator.Scores(0.25, 0, 0, 0, Map.of("plain", 0.0, "keyword", 0.5),
                Map.of("q1", 0.0, "q2", 0.5)));
        modes.put("hybrid", new Evaluator.Scores(0.75, 0, 0, 0, Map.of("plain", 0.5, "keyword", 1.0),
                Map.of("q1", 0.5, "q2", 1.0)));
        Map<String, Evaluator.Scores> models = Map.of("m", new Evaluator.Scores(0.5, 0, 0, 0,
                Map.of("plain", 0.25, "keyword", 0.75), Map.of("q1", 0.25, "q2", 0.75)));
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            EvalCommand.printLists(EvalReport.of(judgments, modes, models, false), out);
        }
        return text.toString();
    }

    @Test
    void each_list_has_a_column_and_each_kind_a_row_under_the_whole_set() {
        String text = tables(new LinkedHashMap<>(Map.of("q1", "plain", "q2", "keyword")));
        String[] lines = text.split("\n");
        assertEquals("nDCG@10 of each list alone", lines[1]);
        assertEquals("kind         lexical  m", lines[2]);
        assertEquals("all            0.250  0.500 ", lines[3]);
        // one row per kind (their order is the judgments', which Map.of leaves open)
        assertEquals(1, text.lines().filter(l -> l.startsWith("plain          0.000  0.250")).count());
        assertEquals(1, text.lines().filter(l -> l.startsWith("keyword        0.500  0.750")).count());
    }

    @Test
    void hybrid_is_set_against_the_best_list_with_its_wins_losses_and_p() {
        String text = tables(Map.of());
        // m is best (0.5); hybrid 0.75 wins both queries by 0.25: 2 of 4 sign patterns as extreme
        assertEquals(1, text.lines().filter(l -> l.matches(
                "all\\s+2\\s+m\\s+0\\.500\\s+0\\.750\\s+\\+0\\.250\\s+2\\s+0\\s+0\\.500")).count(), text);
    }
}
