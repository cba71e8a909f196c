package dev.shelf.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void the_five_markup_characters_become_entities_wherever_they_are() {
        assertEquals("&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;", HtmlText.escape("<b> & \"x\" 'y'"));
        assertEquals("plain then &amp;", HtmlText.escape("plain then &"));
        assertEquals("&amp; then plain", HtmlText.escape("& then plain"));
    }

    @Test
    void text_without_markup_characters_and_slashes_come_back_unchanged() {
        assertEquals("LoRA / QLoRA: fine-tune on one GPU", HtmlText.escape("LoRA / QLoRA: fine-tune on one GPU"));
        assertEquals("", HtmlText.escape(""));
    }

    @Test
    void unescaping_gives_back_the_escaped_text_even_when_it_was_an_entity_itself() {
        for (String text : new String[] {"<b> & \"x\" 'y'", "&lt; is how HTML writes <", "&amp;#39;", "plain"}) {
            assertEquals(text, HtmlText.unescape(HtmlText.escape(text)));
        }
    }
}
