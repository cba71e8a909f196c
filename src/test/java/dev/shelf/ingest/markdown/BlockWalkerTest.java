package dev.shelf.ingest.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shelf.ingest.Entry;
import dev.shelf.ingest.EntryCollector;
import dev.shelf.ingest.IngestWarning;
import dev.shelf.ingest.Kind;
import dev.shelf.ingest.ParsedList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The walk over a document's blocks: which reader gets each, skipped parts, deep nesting, the last section. */
class BlockWalkerTest {

    private static ParsedList walk(String markdown) {
        return new BlockWalker(new EntryCollector(MarkdownFixture.FILE), markdown.split("\n", -1))
                .walk(MarkdownFixture.parse(markdown));
    }

    private static List<String> titles(ParsedList parsed) {
        return parsed.entries().stream().map(Entry::title).toList();
    }

    @Test
    void paragraphs_lists_tables_and_quotes_give_entries_in_order_and_code_gives_none() {
        ParsedList parsed = walk("""
                # My List

                Start with [A](https://a.org/a).

                - [B](https://b.org/b)

                | Name | Link |
                | --- | --- |
                | C | [🔗](https://c.org/c) |

                > [D](https://d.org/d), quoted.

                ```python
                [E](https://e.org/e)
                ```
                """);
        assertEquals("My List", parsed.name());
        assertEquals(List.of("A", "B", "C", "D"), titles(parsed));
        assertEquals(List.of(3, 5, 9, 11), parsed.entries().stream().map(Entry::line).toList());
    }

    @Test
    void blocks_under_a_skipped_heading_give_nothing_until_the_next_heading_at_its_level() {
        ParsedList parsed = walk("""
                ## License

                - [MIT](https://mit.org)

                ## Models

                - [Phi](https://phi.org)
                """);
        assertEquals(List.of(new Entry("Phi", "https://phi.org", List.of("https://phi.org"), "", Kind.LINK,
                List.of("Models"), 7, Map.of())), parsed.entries());
    }

    @Test
    void blocks_nested_deeper_than_the_limit_are_read_flat_and_reported() {
        ParsedList parsed = walk("> ".repeat(BlockWalker.MAX_DEPTH + 6) + "[Deep](https://deep.org)\n");
        assertEquals(List.of("Deep"), titles(parsed));
        assertEquals(List.of(new IngestWarning(MarkdownFixture.FILE, 1, "nested more than 64 levels deep; the deeper"
                + " part is read as if it were at that level")), parsed.warnings());
    }

    @Test
    void the_last_section_is_closed_at_the_end_of_the_list() {
        ParsedList parsed = walk("## Notes\n\nQuantization stores each weight in fewer bits so big models fit.\n");
        assertEquals(List.of(new Entry("Notes", null, List.of(),
                "Quantization stores each weight in fewer bits so big models fit.", Kind.SECTION, List.of(), 1,
                Map.of())), parsed.entries());
    }
}
