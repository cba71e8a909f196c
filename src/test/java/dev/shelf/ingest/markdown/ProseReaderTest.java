package dev.shelf.ingest.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.ingest.Entry;
import dev.shelf.ingest.EntryCollector;
import dev.shelf.ingest.IngestWarning;
import dev.shelf.ingest.Kind;
import java.util.List;
import java.util.Map;
import org.commonmark.node.Heading;
import org.commonmark.node.Paragraph;
import org.junit.jupiter.api.Test;

/** Running text as entries: how links are titled and described, and when the text is prose. */
class ProseReaderTest {

    private final EntryCollector out = new EntryCollector(MarkdownFixture.FILE);
    private final SectionTracker sections = new SectionTracker(out);
    private final ProseReader prose = new ProseReader(out, sections);

    private void headings(String markdown) {
        MarkdownFixture.all(MarkdownFixture.parse(markdown), Heading.class).forEach(sections::heading);
    }

    /** Reads the Markdown's first paragraph under the given list labels; every entry so far, sections closed. */
    private List<Entry> paragraph(String markdown, String... listPath) {
        prose.paragraph(MarkdownFixture.first(markdown, Paragraph.class), List.of(listPath));
        sections.closeSection();
        return out.result(null).entries();
    }

    @Test
    void a_link_is_a_link_entry_described_by_the_sentence_it_stands_in() {
        List<Entry> entries = paragraph("Runs anywhere. Try [Ollama](https://ollama.com) to run models locally.");
        assertEquals(List.of(new Entry("Ollama", "https://ollama.com", List.of("https://ollama.com"),
                "Try Ollama to run models locally.", Kind.LINK, List.of(), 1, Map.of())), entries);
    }

    @Test
    void a_link_that_is_all_the_text_there_is_has_no_description() {
        assertEquals("", paragraph("[Ollama](https://ollama.com)").get(0).description());
    }

    @Test
    void text_with_links_becomes_section_prose_only_when_it_says_twelve_words_besides_them() {
        String elevenWords = "is a tool that runs large language models on your laptop";
        assertEquals(List.of(Kind.LINK), paragraph("[Ollama](https://ollama.com) " + elevenWords)
                .stream().map(Entry::kind).toList());
        assertEquals(List.of(Kind.LINK, Kind.LINK, Kind.SECTION),
                paragraph("[LM Studio](https://lmstudio.ai) " + elevenWords + " too").stream().map(Entry::kind).toList());
    }

    @Test
    void badges_and_anchor_links_give_no_entry_so_the_text_is_prose() {
        List<Entry> entries = paragraph("[![badge](https://img.shields.io/x.svg)](https://example.org/badge) "
                + "See the [intro](#intro) for the words that make this paragraph long enough.");
        assertEquals(List.of(new Entry("Introduction", null, List.of(), "See the intro for the words that make this"
                + " paragraph long enough.", Kind.SECTION, List.of(), 1, Map.of())), entries);
    }

    @Test
    void a_placeholder_link_is_titled_by_the_short_text_beside_it() {
        Entry paper = paragraph("Attention Is All You Need [Paper](https://arxiv.org/abs/1706.03762)").get(0);
        assertEquals("Attention Is All You Need", paper.title());
        assertEquals("https://arxiv.org/abs/1706.03762", paper.url());
    }

    @Test
    void a_placeholder_link_beside_long_text_is_titled_by_where_it_stands_and_the_placeholder() {
        String moreThanEightWords = "This explains at length, in nine words or more, why";
        headings("## Transformers\n");
        assertEquals("Transformers (Paper)", paragraph(moreThanEightWords + " [Paper](https://p.org/1)").get(0).title());
        assertEquals("Tools (Paper)", paragraph(moreThanEightWords + " [Paper](https://p.org/2)", "Tools").get(1).title());
    }

    @Test
    void a_link_without_a_destination_is_a_concept_described_by_the_text_besides_it() {
        assertEquals(List.of(new Entry("tiktoken", null, List.of(), "splits text into tokens.", Kind.CONCEPT,
                List.of("Tools"), 1, Map.of())), paragraph("[tiktoken]() splits text into tokens.", "Tools"));
    }

    @Test
    void a_bracketed_label_right_before_a_link_is_its_title() {
        assertEquals("Huggingface LMsys Leaderboard",
                paragraph("[Huggingface LMsys Leaderboard][LLMsys Leaderboard](https://hf.co/lb)").get(0).title());
    }

    @Test
    void a_paragraph_under_a_heading_link_describes_it_even_when_it_links_elsewhere() {
        headings("## [Guide to merging](https://g.org)\n");
        List<Entry> entries = paragraph("Pairs well with [mergekit](https://m.org).");
        assertEquals(List.of("mergekit", "Guide to merging"), entries.stream().map(Entry::title).toList());
        assertEquals("Pairs well with mergekit.", entries.get(1).description());
    }

    @Test
    void a_link_that_is_not_http_gives_no_entry_and_only_a_scheme_other_than_mailto_is_reported() {
        List<Entry> entries = paragraph("[js](javascript:alert(1)), [mail](mailto:a@b.c) and [doc](docs/x.md)");
        assertEquals(List.of(), entries);
        assertEquals(List.of(new IngestWarning(MarkdownFixture.FILE, 1,
                "skipped a link that is not an absolute http(s) URL: \"javascript:alert(1)\"")),
                out.result(null).warnings());
    }

    @Test
    void the_text_of_a_list_item_says_whether_its_links_gave_entries() {
        assertTrue(prose.itemText(MarkdownFixture.inline("[A](https://a.org)"), 4, List.of()));
        assertFalse(prose.itemText(MarkdownFixture.inline("[Intro](#intro)"), 5, List.of()));
        assertEquals(List.of(4), out.result(null).entries().stream().map(Entry::line).toList());
    }
}
