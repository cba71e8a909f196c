package dev.shelf.ingest.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shelf.ingest.Entry;
import dev.shelf.ingest.EntryCollector;
import dev.shelf.ingest.Kind;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.junit.jupiter.api.Test;

/** Table rows as entries: titles, descriptions, metadata, links, and the rows that are reported. */
class TableReaderTest {

    private final EntryCollector out = new EntryCollector(MarkdownFixture.FILE);
    private final SectionTracker sections = new SectionTracker(out);

    /** Reads the headings and tables of the Markdown; the entries they gave. */
    private List<Entry> read(String markdown) {
        TableReader tables = new TableReader(out, sections, markdown.split("\n", -1));
        for (Node block = MarkdownFixture.parse(markdown).getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading heading) {
                sections.heading(heading);
            } else if (block instanceof TableBlock table) {
                tables.read(table);
            }
        }
        return out.result(null).entries();
    }

    private List<String> warnings() {
        return out.result(null).warnings().stream().map(w -> w.line() + ": " + w.message()).toList();
    }

    @Test
    void a_table_row_whose_link_cell_is_a_placeholder_takes_its_title_from_the_first_text_column() {
        List<Entry> entries = read("""
                | Title | Article | Colab |
                | --- | --- | --- |
                | ⚡ AutoGGUF | [Article](https://a.org/x) | [![Open In Colab](https://c.org/b.svg)](https://c.org/1) |
                """);
        assertEquals(List.of(new Entry("AutoGGUF", "https://a.org/x", List.of("https://a.org/x", "https://c.org/1"), "",
                Kind.LINK, List.of(), 3, Map.of())), entries);
    }

    @Test
    void a_row_titled_by_its_first_column_link_keeps_its_other_text_columns_as_metadata_under_their_headers() {
        List<Entry> entries = read("""
                | Dataset | # | Authors | Notes |
                | --- | --- | --- | --- |
                | [Buzz](https://hf.co/datasets/Buzz) | 31.2M | Alignment Lab AI | A huge mix. |
                """);
        assertEquals(List.of(new Entry("Buzz", "https://hf.co/datasets/Buzz", List.of("https://hf.co/datasets/Buzz"),
                "A huge mix.", Kind.LINK, List.of(), 3, Map.of("#", "31.2M", "Authors", "Alignment Lab AI"))), entries);
    }

    @Test
    void without_a_description_header_the_first_text_column_after_the_title_describes_the_row() {
        List<Entry> entries = read("""
                | Model | Use | Size | Link |
                | --- | --- | --- | --- |
                | Phi-3 | Small chat model | 3.8B | [🔗](https://x.org/phi3) |
                """);
        assertEquals(List.of(new Entry("Phi-3", "https://x.org/phi3", List.of("https://x.org/phi3"), "Small chat model",
                Kind.LINK, List.of(), 3, Map.of("Size", "3.8B"))), entries);
    }

    @Test
    void a_row_linking_only_in_its_description_is_a_concept_and_those_links_are_entries_described_by_their_sentence() {
        List<Entry> entries = read("""
                | Concept | Description |
                | --- | --- |
                | Model merging | Combine models. The [mergekit](https://github.com/arcee-ai/mergekit) library does it. |
                """);
        String mergekit = "https://github.com/arcee-ai/mergekit";
        assertEquals(List.of(
                new Entry("Model merging", null, List.of(mergekit), "Combine models. The mergekit library does it.",
                        Kind.CONCEPT, List.of(), 3, Map.of()),
                new Entry("mergekit", mergekit, List.of(mergekit), "The mergekit library does it.", Kind.LINK,
                        List.of(), 3, Map.of())), entries);
    }

    @Test
    void a_placeholder_link_in_the_description_is_titled_by_the_row_title_and_the_placeholder() {
        List<Entry> entries = read("""
                | Name | Notes |
                | --- | --- |
                | RLHF | Read the [paper](https://p.org/rlhf). |
                """);
        assertEquals("RLHF (paper)", entries.get(1).title());
        assertEquals("https://p.org/rlhf", entries.get(1).url());
    }

    @Test
    void rows_with_more_or_fewer_cells_than_the_header_are_read_and_reported_at_their_line() {
        List<Entry> entries = read("""
                | Name | Notes | Link |
                | --- | --- | --- |
                | Extra | Too many. | [🔗](https://e.org) | surplus |
                | Short |
                """);
        assertEquals(List.of("Extra", "Short"), entries.stream().map(Entry::title).toList());
        assertEquals(List.of(
                "3: table row has 4 cells but its header has 3; the extra cells are ignored",
                "4: table row has 1 cells but its header has 3; the missing cells are read as empty"), warnings());
    }

    @Test
    void an_empty_row_and_a_row_without_a_title_are_skipped_with_a_warning() {
        List<Entry> entries = read("""
                | Name | Link |
                | --- | --- |
                | | |
                | 🔗 | [Link](https://l.org) |
                """);
        assertEquals(List.of(), entries);
        assertEquals(List.of("3: skipped an empty table row", "4: skipped a table row without a title: \"🔗\""),
                warnings());
    }

    @Test
    void a_row_whose_only_link_is_not_http_is_a_concept_and_the_link_is_reported_once() {
        List<Entry> entries = read("""
                | Name | Description | Link |
                | --- | --- | --- |
                | Script | Hostile. | [🔗](javascript:alert(1)) |
                """);
        assertEquals(List.of(new Entry("Script", null, List.of(), "Hostile.", Kind.CONCEPT, List.of(), 3, Map.of())),
                entries);
        assertEquals(List.of("3: skipped a link that is not an absolute http(s) URL: \"javascript:alert(1)\""),
                warnings());
    }

    @Test
    void rows_take_the_section_path_of_the_headings_above_the_table() {
        List<Entry> entries = read("""
                # List

                ## Tools

                | Name |
                | --- |
                | mergekit |
                """);
        assertEquals(List.of("Tools"), entries.get(0).section());
        assertEquals(7, entries.get(0).line());
    }

    @Test
    void the_cells_a_row_was_written_with_are_its_unescaped_pipes_outside_code_spans() {
        assertEquals(2, TableReader.cellsWritten("| a | b |"));
        assertEquals(2, TableReader.cellsWritten("a | b"));
        assertEquals(2, TableReader.cellsWritten("  | `x|y` | c \\| d |  "));
        assertEquals(1, TableReader.cellsWritten("| a |"));
    }
}
