package dev.shelf.text;

/** Cutting text down to a length, for error messages, summaries and plain snippets. */
public final class Texts {

    private static final String ELLIPSIS = "…";

    private Texts() {
    }

    /**
     * The text itself when it has at most {@code max} characters, else its first characters followed by "…", at most
     * {@code max} characters in all. A cut never splits a surrogate pair.
     */
    public static String abbreviate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Math.max(0, max - ELLIPSIS.length());
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    /**
     * Like {@link #abbreviate} but cut at the last space within {@code max} characters when there is one past its
     * middle, so that a snippet does not end in half a word; " …" marks the cut.
     */
    public static String abbreviateAtWord(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max);
        return text.substring(0, cut > max / 2 ? cut : max) + " " + ELLIPSIS;
    }
}
