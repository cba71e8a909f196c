package dev.shelf.ingest.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shelf.ingest.Entry;
import dev.shelf.ingest.ParsedList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser as a whole: repairs reported before the walk, and line counting. */
class MarkdownParserTest {

    private static ParsedList parse(String markdown) {
        return new MarkdownParser().parse(MarkdownFixture.FILE, markdown);
    }

    private static List<String> warnings(ParsedList parsed) {
        return parsed.warnings().stream().map(w -> w.line() + ": " + w.message()).toList();
    }

    @Test
    void an_unclosed_code_fence_is_read_as_text_and_reported_with_the_lines_it_would_hide() {
        ParsedList parsed = parse("# List\n\n```\n* [After](https://a.org)\n");
        assertEquals(List.of("After"), parsed.entries().stream().map(Entry::title).toList());
        assertEquals(List.of("3: a code fence that is never closed would hide lines 4-4; read it as text and the lines"
                + " after it as Markdown"), warnings(parsed));
    }

    @Test
    void markers_nested_too_deep_on_one_line_are_cut_to_the_walkers_limit_and_reported_once() {
        ParsedList parsed = parse("> ".repeat(100) + "[Deep](https://deep.org)\n");
        assertEquals(List.of("Deep"), parsed.entries().stream().map(Entry::title).toList());
        assertEquals(List.of("1: nested 100 levels deep on one line; read as 64 levels"), warnings(parsed));
    }

    @Test
    void every_kind_of_line_break_ends_a_line() {
        ParsedList parsed = parse("# L\r\n\r\n* [A](https://a.org)\r* [B](https://b.org)\n* [C](https://c.org)");
        assertEquals(List.of(3, 4, 5), parsed.entries().stream().map(Entry::line).toList());
    }
}
