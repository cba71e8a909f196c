package dev.shelf.ingest.markdown;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The repairs made before and after parsing: nesting cut on one line, blocks that would hide entries. */
class MarkdownGuardTest {

    private static Optional<MarkdownGuard.Unclosed> unclosed(String markdown) {
        return MarkdownGuard.unclosedBlock(MarkdownFixture.parse(markdown), markdown.split("\n", -1));
    }

    @Test
    void container_markers_beyond_the_limit_are_cut_keeping_the_text_after_them_and_noted_by_line() {
        String[] lines = {"> > > [x](https://x.org)", "**bold** text", "-x", "1. 2) 3. deep"};
        List<MarkdownGuard.Note> notes = new ArrayList<>();

        MarkdownGuard.limitNesting(lines, 2, notes);

        assertArrayEquals(new String[] {"> > [x](https://x.org)", "**bold** text", "-x", "1. 2) deep"}, lines);
        assertEquals(List.of(
                new MarkdownGuard.Note(1, "nested 3 levels deep on one line; read as 2 levels"),
                new MarkdownGuard.Note(4, "nested 3 levels deep on one line; read as 2 levels")), notes);
    }

    @Test
    void an_html_comment_never_closed_that_hides_entries_is_found_with_the_lines_it_hides() {
        assertEquals(Optional.of(new MarkdownGuard.Unclosed(2, 4, "an HTML comment that is never closed")),
                unclosed("# List\n\n<!-- TODO sort these\n\n* [A](https://a.org)\n"));
    }

    @Test
    void a_code_fence_never_closed_that_hides_entries_is_found() {
        assertEquals(Optional.of(new MarkdownGuard.Unclosed(0, 1, "a code fence that is never closed")),
                unclosed("```\n* [A](https://a.org)\n"));
    }

    @Test
    void raw_html_never_closed_and_a_declaration_running_over_blank_lines_are_found() {
        assertEquals(Optional.of(new MarkdownGuard.Unclosed(0, 2, "HTML that is never closed")),
                unclosed("<pre>\n\n* [A](https://a.org)\n"));
        assertEquals(Optional.of(new MarkdownGuard.Unclosed(0, 3, "an HTML declaration that runs on over blank lines")),
                unclosed("<!DOCTYPE html\n\n* [A](https://a.org)\n>\n"));
    }

    @Test
    void a_comment_that_runs_over_blank_lines_to_an_arrow_inside_a_line_is_found() {
        assertEquals(Optional.of(new MarkdownGuard.Unclosed(0, 3, "an HTML comment that runs on to a stray -->")),
                unclosed("<!-- a\n\n## Models\nA --> B\n"));
    }

    @Test
    void a_comment_closed_at_a_line_end_or_hiding_only_prose_is_left_alone() {
        assertEquals(Optional.empty(), unclosed("<!--\n* [A](https://a.org)\n-->\n"));
        assertEquals(Optional.empty(), unclosed("<!-- note\n\nJust prose, no entries.\n"));
    }

    @Test
    void escaping_a_line_puts_a_backslash_before_its_first_character_after_the_indent() {
        assertEquals("  \\<!-- x", MarkdownGuard.escapeStart("  <!-- x"));
        assertEquals("\\```", MarkdownGuard.escapeStart("```"));
        assertEquals("   ", MarkdownGuard.escapeStart("   "));
    }
}
