package dev.shelf.index;

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
}
