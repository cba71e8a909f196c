package dev.shelf.ingest.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shelf.ingest.Entry;
import dev.shelf.ingest.EntryCollector;
import dev.shelf.ingest.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.junit.jupiter.api.Test;

/** List items as entries: sub-section labels, concept items, prose, and nested blocks. */
class ListReaderTest {

    private final EntryCollector out = new EntryCollector(MarkdownFixture.FILE);
    private final SectionTracker sections = new SectionTracker(out);
    private final ProseReader prose = new ProseReader(out, sections);
    private final ListReader lists = new ListReader(out, sections, prose, this::nested);
    /** The nested blocks other than lists handed back to the walker: type, list path and depth. */
    private final List<String> handedBack = new ArrayList<>();

    /** Stands in for the walker: nested lists are read again, other blocks only noted. */
    private void nested(Node block, List<String> listPath, int depth) {
        if (block instanceof ListBlock list) {
            lists.read(list, listPath, depth);
        } else {
            handedBack.add(block.getClass().getSimpleName() + " " + listPath + " at depth " + depth);
        }
    }

    /** Reads the headings and top-level lists of the Markdown; every entry, sections closed. */
    private List<Entry> read(String markdown) {
        for (Node block = MarkdownFixture.parse(markdown).getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading heading) {
                sections.heading(heading);
            } else if (block instanceof ListBlock list) {
                lists.read(list, List.of(), 0);
            }
        }
        sections.closeSection();
        return out.result(null).entries();
    }

    @Test
    void a_short_item_without_links_names_a_sub_section_for_the_items_nested_under_it() {
        List<Entry> entries = read("""
                ## Notebooks

                - Tools
                  - [LazyMergekit](https://colab.org/lazy) merges models in one click.
                """);
        assertEquals(List.of(new Entry("LazyMergekit", "https://colab.org/lazy", List.of("https://colab.org/lazy"),
                "LazyMergekit merges models in one click.", Kind.LINK, List.of("Notebooks", "Tools"), 4, Map.of())),
                entries);
    }

    @Test
    void an_item_with_links_or_of_more_than_eight_words_names_no_sub_section() {
        List<Entry> entries = read("""
                - [Guides](https://g.org)
                  - [A](https://a.org)
                - An item that says far more than eight words in all
                  - [B](https://b.org)
                """);
        assertEquals(List.of("Guides", "A", "B", "Introduction"), entries.stream().map(Entry::title).toList());
        entries.forEach(entry -> assertEquals(List.of(), entry.section(), entry::toString));
        assertEquals("An item that says far more than eight words in all", entries.get(3).description(),
                "the long item is prose instead");
    }

    @Test
    void a_bold_term_followed_by_a_colon_is_a_concept_carrying_its_links_which_are_entries_of_their_own() {
        String mergekit = "https://github.com/arcee-ai/mergekit";
        List<Entry> entries = read("""
                ## Merging

                * **Model merging**: Combine models. The [mergekit](https://github.com/arcee-ai/mergekit) library does it.
                """);
        assertEquals(List.of(
                new Entry("Model merging", null, List.of(mergekit), "Combine models. The mergekit library does it.",
                        Kind.CONCEPT, List.of("Merging"), 3, Map.of()),
                new Entry("mergekit", mergekit, List.of(mergekit), "The mergekit library does it.", Kind.LINK,
                        List.of("Merging"), 3, Map.of())), entries);
    }

    @Test
    void a_bold_term_that_is_itself_a_link_is_a_link_entry_not_a_concept() {
        List<Entry> entries = read("- **[Linked term](https://lt.org)**: says what it is\n");
        assertEquals(List.of(Kind.LINK), entries.stream().map(Entry::kind).toList());
        assertEquals("Linked term", entries.get(0).title());
    }

    @Test
    void the_text_of_items_without_links_is_prose_of_the_section() {
        List<Entry> entries = read("""
                ## Notes

                - Quantization stores each weight in fewer bits.
                - So big models fit in small memory.
                """);
        assertEquals(List.of(new Entry("Notes", null, List.of(), "Quantization stores each weight in fewer bits. So big"
                + " models fit in small memory.", Kind.SECTION, List.of(), 1, Map.of())), entries);
    }

    @Test
    void other_blocks_nested_in_an_item_go_back_to_the_walker_one_level_deeper_under_the_item_label() {
        read("""
                - Tools

                  > A quote inside the item.

                  - Nested
                    > Deeper.
                """);
        assertEquals(List.of("BlockQuote [Tools] at depth 1", "BlockQuote [Tools, Nested] at depth 2"), handedBack);
    }
}
