package dev.shelf.text;

/**
 * The one HTML escaping of Shelf's text: the index's highlighter and the search's plain snippets make every snippet
 * with {@link #escape}, the topic map's SVG labels are escaped with it too, and a reader that shows a snippet as plain
 * text undoes it with {@link #unescape}. The browser's {@code snippet.js} undoes the same five entities.
 */
public final class HtmlText {

    private HtmlText() {
    }

    /**
     * Escapes the five characters that matter in HTML text and attributes and nothing else, so that a client can undo
     * it simply (Lucene's SimpleHTMLEncoder also turns "/" into a numeric entity).
     */
    public static String escape(String text) {
        int first = 0;
        while (first < text.length() && !needsEscape(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            // The highlighter escapes every piece of every passage, and most pieces have nothing to escape.
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The text that {@link #escape} was given back from what it returned. */
    public static String unescape(String html) {
        // "&amp;" last, so that an escaped entity ("&amp;lt;") comes back as the entity's text, not as "<".
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static boolean needsEscape(char c) {
        return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
    }
}
