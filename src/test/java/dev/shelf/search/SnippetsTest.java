package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What a result shows: the marked passage, or the escaped opening of the text when no query word occurs in it. */
class SnippetsTest {

    /** A highlighter for the query "gguf", as the index makes one: marks the word, escapes the rest. */
    private static final Function<String, Optional<String>> GGUF = text -> text.contains("GGUF")
            ? Optional.of(text.replace("&", "&amp;").replace("GGUF", "<mark>GGUF</mark>"))
            : Optional.empty();

    @Test
    void the_passage_with_the_query_words_marked_when_they_occur_in_it() {
        assertEquals("Convert to <mark>GGUF</mark> &amp; quantize",
                Snippets.snippet(GGUF, "Convert to GGUF & quantize", "The description"));
    }

    @Test
    void without_a_passage_the_description_is_what_is_highlighted() {
        assertEquals("A <mark>GGUF</mark> reader", Snippets.snippet(GGUF, "", "A GGUF reader"));
        assertEquals("A <mark>GGUF</mark> reader", Snippets.snippet(GGUF, null, "A GGUF reader"));
    }

    @Test
    void a_passage_without_the_query_words_shows_its_escaped_opening() {
        assertEquals("Run &lt;b&gt;models&lt;/b&gt; &amp; &quot;agents&quot; on Tom&#39;s laptop",
                Snippets.snippet(GGUF, "Run <b>models</b> & \"agents\" on Tom's laptop", "A GGUF reader"));
    }

    @Test
    void plain_keeps_a_short_text_whole_and_cuts_a_long_one_at_the_last_space_within_240_characters() {
        assertEquals("Short &amp; sweet", Snippets.plain("Short & sweet"));
        // 60 words "abcd" joined by spaces = 60*4 + 59 = 299 characters. Spaces sit at 4, 9, ... 5j+4; the last at
        // or before 240 is j = 47, at 239, past the middle (120): keep characters 0..238 = 48 words, then " …".
        String text = String.join(" ", Collections.nCopies(60, "abcd"));
        assertEquals(String.join(" ", Collections.nCopies(48, "abcd")) + " …", Snippets.plain(text));
        assertEquals(240, Snippets.PLAIN_CHARS);
    }

    @Test
    void plain_cuts_before_escaping_so_an_escape_is_never_cut_in_half() {
        // 239 "x", then " &&": 242 characters; the last space within 240 is at 239: "x" * 239 + " …", no "&" kept.
        String text = "x".repeat(239) + " &&";
        assertEquals("x".repeat(239) + " …", Snippets.plain(text));
        // 238 "x", " & ", "yy": 243 characters; the space at 240 is the last: "x" * 238 + " &amp;" + " …".
        assertEquals("x".repeat(238) + " &amp; …", Snippets.plain("x".repeat(238) + " & yy"));
    }
}
