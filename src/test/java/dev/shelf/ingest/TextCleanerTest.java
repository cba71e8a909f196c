package dev.shelf.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Titles, headings, prose and weights, from hand-written text. */
class TextCleanerTest {

    @Test
    void a_title_collapses_whitespace_and_drops_bold_markers_and_the_emoji_at_either_end() {
        assertEquals("Fine-tune Llama 2", TextCleaner.title("  **Fine-tune**\n  Llama 2 🦙 "));
        assertEquals("AutoGGUF", TextCleaner.title("⚡ AutoGGUF"));
        assertEquals("Merge 🤝 models", TextCleaner.title("Merge 🤝 models"), "emoji inside a title stay");
        assertEquals("Q* search", TextCleaner.title("Q* search"), "a single star is text");
        assertEquals("", TextCleaner.title(null));
    }

    @Test
    void a_heading_also_loses_its_list_number_and_a_trailing_colon() {
        assertEquals("Quantization", TextCleaner.heading("7. Quantization ⚖️"));
        assertEquals("Tools", TextCleaner.heading("2) Tools:"));
        assertEquals("2024 plans", TextCleaner.heading("2024 plans"), "a number without a dot is part of the title");
    }

    @Test
    void prose_only_collapses_whitespace() {
        assertEquals("a **b** c", TextCleaner.prose(" a \n\t**b**   c "));
        assertEquals("", TextCleaner.prose(null));
    }

    @Test
    void weight_counts_words_with_a_letter_or_digit_and_one_word_per_two_cjk_characters() {
        assertEquals(3, TextCleaner.weight("Hello, world — 42!"));
        assertEquals(0, TextCleaner.weight("  "));
        assertEquals(3, TextCleaner.weight("微調您的第一個"), "seven characters weigh three words");
        assertEquals(2, TextCleaner.weight("LLM 微調"));
    }
}
