package dev.shelf.index;

/** HTML escaping of snippet text, shared by the highlighter and the search layer's plain snippets. */
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

    private static boolean needsEscape(char c) {
        return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
    }
}
