package dev.shelf.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.ingest.markdown.MarkdownParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Small fixtures for the shapes the bundled lists use, one rule each. */
class ParsersTest {

    private static final Path FILE = Path.of("fixture.md");

    private static List<Entry> markdown(String text) {
        return new MarkdownParser().parse(FILE, text).entries();
    }

    private static Entry titled(List<Entry> entries, String title) {
        return entries.stream().filter(e -> e.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + title + " in " + entries));
    }

    @Test
    void placeholder_link_texts_take_the_title_from_the_rows_first_text_column() {
        List<Entry> entries = markdown("""
                | Title | Article | Colab |
                | --- | --- | --- |
                | ⚡ AutoGGUF | [Article](https://a.org/x) | <a href="https://colab.research.google.com/drive/1?usp=sharing"><img src="c.svg" alt="Open In Colab"></a> |
                """);
        Entry row = titled(entries, "AutoGGUF");
        assertEquals("https://a.org/x", row.url());
        assertEquals(List.of("https://a.org/x", "https://colab.research.google.com/drive/1"), row.links());
    }

    @Test
    void a_bold_term_with_a_colon_is_a_concept_and_its_inline_links_are_resources_described_by_their_sentence() {
        List<Entry> entries = markdown("""
                ## Merging

                * **Model merging**: Combine models. The [mergekit](https://github.com/arcee-ai/mergekit) library does it. Done.
                """);
        Entry concept = titled(entries, "Model merging");
        assertEquals(Kind.CONCEPT, concept.kind());
        assertEquals(List.of("Merging"), concept.section());
        Entry tool = titled(entries, "mergekit");
        assertEquals("The mergekit library does it.", tool.description());
        assertEquals(3, tool.line());
    }

    @Test
    void code_blocks_badges_html_and_anchor_links_give_nothing() {
        List<Entry> entries = markdown("""
                <div align="center"><h1>My List</h1></div>

                [![badge](https://img.shields.io/x.svg)](https://example.org/badge)

                # Table of contents
                - [Intro](#intro)

                ```mermaid
                graph LR
                    A["[x](https://example.org/code)"] --> B
                ```
                """);
        assertEquals(List.of(), entries);
        assertEquals("My List", new MarkdownParser().parse(FILE, "<h1>My List</h1>\n\n# Part\n").name());
    }

    @Test
    void outline_terms_nest_definitions_and_short_lines_are_headings() {
        ParsedList parsed = new OutlineParser().parse(Path.of("wiki.txt"), """
                My Wiki Page

                Vocabulary

                  • GGUF - a file format for GGML models.
                  • Parameters - learnable values.
                    • They include weights and biases.
                  • MMLU
                  • task (mandatory) -
                    • Start with a verb.

                LLM vs ML

                LLMs are a kind of machine learning model, specifically designed for language tasks of many kinds.
                """);
        assertEquals("My Wiki Page", parsed.name());
        List<Entry> entries = parsed.entries();
        assertEquals("a file format for GGML models.", titled(entries, "GGUF").description());
        assertEquals(List.of("Vocabulary"), titled(entries, "GGUF").section());
        assertEquals(5, titled(entries, "GGUF").line());
        assertEquals("learnable values. They include weights and biases.", titled(entries, "Parameters").description());
        assertEquals("Start with a verb.", titled(entries, "task (mandatory)").description());
        assertEquals(Kind.SECTION, titled(entries, "LLM vs ML").kind());
        assertTrue(entries.stream().noneMatch(e -> e.title().equals("MMLU")), "a bare term is prose, not a concept");
    }

    @Test
    void trailing_dates_and_durations_of_link_texts_become_metadata() {
        Entry video = titled(markdown("* [Optimize Your AI Models (11:42) (28 Sep 2024)](https://y.com/w?v=1)\n"),
                "Optimize Your AI Models");
        assertEquals(Map.of("Duration", "11:42", "Date", "28 Sep 2024"), video.metadata());
    }
}
