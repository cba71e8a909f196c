package dev.shelf.ingest.markdown;

import static dev.shelf.ingest.markdown.MarkdownFixture.inline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain text of inline Markdown and the links in it, with their offsets and sentences. */
class InlineTextTest {

    @Test
    void the_text_is_plain_and_each_link_knows_where_its_text_stands_in_it() {
        InlineText inline = inline("Read **the** [guide](https://g.org) now.");
        assertEquals("Read the guide now.", inline.text());
        assertEquals(List.of(new InlineText.LinkRef("guide", "https://g.org", 9, 14, false, null)), inline.links());
    }

    @Test
    void the_text_without_links_is_what_the_text_says_besides_them() {
        InlineText inline = inline("[LoRA](https://a.org) and [QLoRA](https://b.org): low-rank adapters");
        assertEquals("and : low-rank adapters", inline.textWithoutLinks());
        assertEquals(3, inline.weightWithoutLinks());
    }

    @Test
    void a_link_is_described_by_the_sentence_it_stands_in() {
        InlineText inline = inline("First sentence here. See [this post](https://t.org) for more. Last one.");
        assertEquals("See this post for more.", inline.sentenceAround(inline.links().get(0)));
    }

    @Test
    void a_run_on_sentence_is_cut_to_a_window_of_whole_words_around_the_link() {
        String words = "word ".repeat(200);
        InlineText inline = inline(words + "[middle](https://m.org) " + words);
        String sentence = inline.sentenceAround(inline.links().get(0));
        assertTrue(sentence.contains(" middle "), sentence);
        assertTrue(sentence.length() <= InlineText.MAX_SENTENCE_CHARS + 10, () -> sentence.length() + " chars");
        assertTrue(sentence.startsWith("word ") && sentence.endsWith(" word"), sentence);
    }

    @Test
    void a_link_showing_only_an_image_is_a_badge_named_by_its_alt_text() {
        InlineText inline = inline("[![Open In Colab](https://colab.org/badge.svg)](https://colab.org/nb)");
        assertEquals(List.of(new InlineText.LinkRef("Open In Colab", "https://colab.org/nb", 0, 0, true, null)),
                inline.links());
        assertEquals("", inline.text());
    }

    @Test
    void raw_html_links_are_links_and_a_br_is_a_space() {
        InlineText inline = inline("Home<br><a href=\"https://h.org\">page</a>");
        assertEquals("Home page", inline.text());
        assertEquals(List.of(new InlineText.LinkRef("page", "https://h.org", 5, 9, false, null)), inline.links());
    }

    @Test
    void a_bracketed_label_right_before_a_link_is_its_label_and_leaves_the_text() {
        InlineText inline = inline("[Huggingface LMsys Leaderboard][LLMsys Leaderboard](https://hf.co/lb)");
        assertEquals("Huggingface LMsys Leaderboard", inline.links().get(0).label());
        assertEquals("LLMsys Leaderboard", inline.links().get(0).text());
        assertEquals("LLMsys Leaderboard", inline.text());
    }

    @Test
    void code_spans_and_line_breaks_are_plain_text() {
        assertEquals("run pip install x and then more", inline("run `pip install x` and\nthen more").text());
    }
}
