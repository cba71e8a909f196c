package dev.shelf.ingest.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.ingest.Entry;
import dev.shelf.ingest.EntryCollector;
import dev.shelf.ingest.Kind;
import java.util.List;
import java.util.Map;
import org.commonmark.node.Heading;
import org.junit.jupiter.api.Test;

/** What headings make of the outline: the list name, section paths, skipped parts, heading links, prose. */
class SectionTrackerTest {

    /** Eleven words: enough for a section entry. */
    private static final String ENOUGH_PROSE = "Quantization stores each weight in fewer bits, so big models fit.";

    private final EntryCollector out = new EntryCollector(MarkdownFixture.FILE);
    private final SectionTracker sections = new SectionTracker(out);

    /** Hands the tracker every heading of the Markdown, in order. */
    private void headings(String markdown) {
        MarkdownFixture.all(MarkdownFixture.parse(markdown), Heading.class).forEach(sections::heading);
    }

    private List<Entry> entries() {
        return out.result(null).entries();
    }

    @Test
    void the_first_level_one_heading_names_the_list_and_is_not_a_section_of_it() {
        headings("# My Reading List\n\n## Tools\n");
        assertEquals("My Reading List", sections.name());
        assertEquals(List.of("Tools"), sections.path(List.of()));
    }

    @Test
    void a_heading_replaces_the_headings_at_its_level_and_below_in_the_path() {
        headings("# List\n## Models\n### Small\n");
        assertEquals(List.of("Models", "Small", "Tools"), sections.path(List.of("Tools")));
        headings("## Datasets\n");
        assertEquals(List.of("Datasets"), sections.path(List.of()));
    }

    @Test
    void the_prose_of_a_section_becomes_one_section_entry_at_its_heading_when_the_next_heading_closes_it() {
        headings("# List\n\n## Models\n\n### Quantization\n");
        sections.addProse(ENOUGH_PROSE);
        sections.addProse("More on it.");
        headings("## Datasets\n");
        assertEquals(List.of(new Entry("Quantization", null, List.of(), ENOUGH_PROSE + " More on it.", Kind.SECTION,
                List.of("Models"), 5, Map.of())), entries());
    }

    @Test
    void prose_of_fewer_than_ten_words_gives_no_section() {
        headings("## Models\n");
        sections.addProse("Too short to be worth finding.");
        sections.closeSection();
        assertEquals(List.of(), entries());
    }

    @Test
    void prose_before_any_heading_is_titled_introduction_or_by_the_list_name_when_it_has_one() {
        sections.addProse(ENOUGH_PROSE);
        sections.closeSection();
        sections.htmlBlock("<h1>My List</h1>");
        sections.addProse(ENOUGH_PROSE);
        sections.closeSection();
        assertEquals(List.of("Introduction", "My List"), entries().stream().map(Entry::title).toList());
        assertEquals(List.of(1, 1), entries().stream().map(Entry::line).toList());
    }

    @Test
    void a_licence_heading_skips_its_part_up_to_the_next_heading_at_its_level_or_higher() {
        headings("# List\n## License\n");
        assertTrue(sections.skipping());
        headings("### Terms\n");
        assertTrue(sections.skipping(), "a sub-heading of the licence is part of it");
        sections.addProse(ENOUGH_PROSE);
        headings("## Models\n");
        assertFalse(sections.skipping());
        assertEquals(List.of(), entries(), "prose gathered in a skipped part is dropped");
    }

    @Test
    void a_table_of_contents_is_skipped_up_to_the_next_heading_of_any_level() {
        headings("# List\n## Table of Contents\n");
        assertTrue(sections.skipping());
        headings("#### Models\n");
        assertFalse(sections.skipping());
        assertEquals(List.of("Models"), sections.path(List.of()));
    }

    @Test
    void a_heading_with_a_link_is_a_link_entry_described_by_the_prose_under_it_and_opens_no_section() {
        headings("# List\n## Training\n### [Uncensor any LLM](https://hf.co/blog/abliteration)\n");
        assertTrue(sections.describingHeadingLink());
        sections.addProse("Discover how.");
        sections.addProse("  ");
        sections.addProse("It works.");
        sections.closeSection();
        assertEquals(List.of(new Entry("Uncensor any LLM", "https://hf.co/blog/abliteration",
                List.of("https://hf.co/blog/abliteration"), "Discover how. It works.", Kind.LINK, List.of("Training"),
                3, Map.of())), entries());
        assertEquals(List.of("Training"), sections.path(List.of()));
    }

    @Test
    void a_heading_link_whose_text_is_a_placeholder_is_titled_by_the_heading_text() {
        headings("## [🔗](https://x.org/post) Merging models\n");
        sections.closeSection();
        assertEquals("Merging models", entries().get(0).title());
    }

    @Test
    void an_html_h1_before_any_heading_names_the_list_and_one_after_a_heading_does_not() {
        sections.htmlBlock("<div align=\"center\"><h1>My <b>List</b> 🚀</h1></div>");
        assertEquals("My List", sections.name());

        SectionTracker later = new SectionTracker(out);
        MarkdownFixture.all(MarkdownFixture.parse("## Part\n"), Heading.class).forEach(later::heading);
        later.htmlBlock("<h1>Too late</h1>");
        assertNull(later.name());
    }
}
