package dev.shelf.cli;

import static dev.shelf.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bad option values are refused while the command line is parsed, before any model or index is opened: one
 * {@code error:} line and exit status 2, never a stack trace.
 */
class CliOptionsTest {

    private static void assertOneErrorLine(CliRun run, String expected) {
        assertEquals(2, run.status(), run::err);
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run::err);
        assertTrue(lines.get(0).startsWith("error: "), run::err);
        assertTrue(lines.get(0).contains(expected), run::err);
        assertEquals("", run.out());
    }

    @Test
    void eval_without_its_judged_queries_says_which_file_and_which_options_in_one_line_with_status_1() {
        CliRun run = run("eval", "--queries", "no/such/queries.jsonl", "--qrels", "no/such/qrels.tsv");
        assertEquals(1, run.status(), run::err);
        assertEquals(List.of("error: no/such/queries.jsonl: no such file: give --queries FILE and --qrels FILE (the tuning"
                + " set is in src/test/resources/eval/ of the repository)"), run.err().lines().toList());
    }

    @Test
    void eval_refuses_rewrites_for_a_beir_collection_which_has_no_judged_queries_to_rewrite() {
        assertOneErrorLine(run("eval", "--beir", "some/collection", "--rewrites", "some/rewrites.jsonl"),
                "--rewrites rewrites the judged queries of --queries; a --beir collection has none");
    }

    @Test
    void search_with_k_zero_is_one_error_line_with_status_2() {
        assertOneErrorLine(run("search", "x", "--k", "0"), "--k must be between 1 and 100, got 0");
    }

    @Test
    void related_with_k_over_the_maximum_is_refused_the_same_way() {
        assertOneErrorLine(run("related", "some-id", "--k", "101"), "--k must be between 1 and 100, got 101");
    }

    @Test
    void a_fusion_weight_outside_zero_to_one_is_refused() {
        assertOneErrorLine(run("search", "x", "--weight", "1.5"), "--weight must be between 0 and 1, got 1.5");
    }

    @Test
    void an_unknown_fusion_or_mode_names_the_valid_values() {
        assertOneErrorLine(run("search", "x", "--fusion", "borda"), "RRF, WEIGHTED");
        assertOneErrorLine(run("search", "x", "--mode", "fuzzy"), "HYBRID, LEXICAL, SEMANTIC");
    }

    @Test
    void a_value_that_is_not_a_number_and_an_unknown_option_are_refused() {
        assertOneErrorLine(run("search", "x", "--k", "ten"), "'ten'");
        assertOneErrorLine(run("index", "--no-such-option"), "--no-such-option");
    }

    @Test
    void the_error_line_says_where_to_read_the_usage() {
        assertOneErrorLine(run("search", "x", "--k", "0"), "(see 'shelf search --help')");
    }
}
