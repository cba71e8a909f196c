package dev.shelf.ingest.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Facts and placeholders in link texts, from hand-written text. */
class LinkTextTest {

    @Test
    void trailing_durations_and_dates_of_a_link_text_are_split_off_as_facts() {
        LinkText.TitleFacts video = LinkText.facts("Optimize Your AI Models (11:42) (28 Sep 2024)");
        assertEquals("Optimize Your AI Models", video.title());
        assertEquals(Map.of("Duration", "11:42", "Date", "28 Sep 2024"), video.facts());

        assertEquals(new LinkText.TitleFacts("Intro to GGUF", Map.of("Duration", "1hr")),
                LinkText.facts("Intro to GGUF (1hr)"));
        assertEquals(new LinkText.TitleFacts("(11:42)", Map.of()), LinkText.facts("(11:42)"),
                "a fact that is the whole text is the title");
    }

    @Test
    void link_texts_that_say_nothing_about_their_target_are_placeholders() {
        assertTrue(LinkText.isPlaceholder("🔗"));
        assertTrue(LinkText.isPlaceholder("Open In Colab"));
        assertTrue(LinkText.isPlaceholder("**Article**"));
        assertTrue(LinkText.isPlaceholder(""));
        assertFalse(LinkText.isPlaceholder("Attention Is All You Need"));
        assertFalse(LinkText.isPlaceholder("Paper 1"));
    }
}
