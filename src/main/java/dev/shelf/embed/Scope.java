package dev.shelf.embed;

/**
 * Which texts a model embeds: every text, or only text with Chinese in it (a Chinese model, whose vectors of English
 * text would only add noise beside the English models').
 */
public enum Scope {
    ALL,
    CHINESE;

    /** Han characters that make a text Chinese: one alone is more often a symbol or a name in an English text. */
    static final int MIN_HAN = 2;

    /** Whether a model of this scope embeds the text. */
    public boolean covers(String text) {
        return this == ALL || hasChinese(text);
    }

    /** Whether the text holds at least {@value #MIN_HAN} Han characters (Traditional or Simplified). */
    public static boolean hasChinese(String text) {
        int han = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN && ++han >= MIN_HAN) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
