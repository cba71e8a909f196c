package dev.shelf.search;

import dev.shelf.text.HtmlText;
import dev.shelf.text.Texts;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a result shows of its text: the passage that earned it with the query's words marked, or, when none of them
 * occurs in it (a hit by meaning alone), its opening. Always HTML-escaped text in which only {@code <mark>} is markup.
 */
public final class Snippets {

    /** The longest plain snippet, in characters. */
    public static final int PLAIN_CHARS = 240;

    private Snippets() {
    }

    /**
     * @param highlight the query's highlighter: a passage with the query's words marked, empty when none occurs
     * @param passage the passage that earned the result, or empty
     * @param description the resource's description, used when there is no passage
     */
    public static String snippet(Function<String, Optional<String>> highlight, String passage, String description) {
        String text = passage == null || passage.isEmpty() ? description : passage;
        return highlight.apply(text).orElseGet(() -> plain(text));
    }

    /** The opening of a text, escaped, cut at a word. */
    public static String plain(String text) {
        return HtmlText.escape(Texts.abbreviateAtWord(text, PLAIN_CHARS));
    }
}
