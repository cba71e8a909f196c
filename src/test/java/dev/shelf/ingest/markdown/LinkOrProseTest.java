package dev.shelf.ingest.markdown;

import static dev.shelf.ingest.markdown.MarkdownFixture.inline;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.ingest.TextCleaner;
import org.junit.jupiter.api.Test;

/** The link-or-prose rule and the label rule at their thresholds. */
class LinkOrProseTest {

    private static boolean isLabel(String text) {
        return LinkOrProse.isLabel(text, TextCleaner.weight(text));
    }

    @Test
    void text_that_gave_no_link_entry_is_prose_however_short() {
        assertTrue(LinkOrProse.isProse(inline("Tools"), false));
        assertTrue(LinkOrProse.isProse(inline("See the [intro](#intro)."), false));
    }

    @Test
    void text_that_gave_link_entries_is_prose_as_well_from_twelve_words_besides_its_links() {
        String eleven = "one two three four five six seven eight nine ten eleven";
        assertFalse(LinkOrProse.isProse(inline("[A](https://a.org) " + eleven), true));
        assertTrue(LinkOrProse.isProse(inline("[A](https://a.org) " + eleven + " twelve"), true));
        assertFalse(LinkOrProse.isProse(inline("[A long link text of many many words](https://a.org) here"), true),
                "the words of the link text do not count");
    }

    @Test
    void a_label_is_text_of_one_to_eight_words() {
        assertTrue(isLabel("Tools"));
        assertTrue(isLabel("one two three four five six seven eight"));
        assertFalse(isLabel("one two three four five six seven eight nine"));
        assertFalse(isLabel(""));
        assertTrue(isLabel("一鍵輕鬆合併模型使用一鍵輕鬆合併"), "sixteen CJK characters weigh eight words");
        assertFalse(isLabel("一鍵輕鬆合併模型使用一鍵輕鬆合併模型"));
    }
}
