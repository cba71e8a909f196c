package dev.shelf.embed;

/**
 * Which texts a model reads: every text, English, or only text with Chinese in it. What a model reads decides what
 * it embeds and which queries it is asked:
 * <ul>
 *   <li>{@link #ALL}: every passage and every query.</li>
 *   <li>{@link #ENGLISH}: every passage (an English passage's vector places its English words even beside Chinese
 *   ones, and the primary model must embed every passage), and every query but a Chinese one with no English word in
 *   it: such a query it could only place by characters it was never trained on, which drowns the lists that read
 *   it.</li>
 *   <li>{@link #CHINESE}: passages and queries with Chinese in them; its vectors of English text would only add noise
 *   beside the English models'.</li>
 * </ul>
 */
public enum Scope {
    ALL,
    ENGLISH,
    CHINESE;

    /** Han characters that make a text Chinese: one alone is more often a symbol or a name in an English text. */
    static final int MIN_HAN = 2;
    /** Latin letters in a row that make an English word: a lone letter is more often a label ("A 股") than a word. */
    static final int MIN_LETTERS = 2;

    /** Whether a model of this scope embeds the text (a passage, or a query it is asked). */
    public boolean covers(String text) {
        return this != CHINESE || hasChinese(text);
    }

    /** Whether a model of this scope embeds every passage, as the primary model must. */
    public boolean embedsEveryPassage() {
        return this != CHINESE;
    }

    /** Whether a model of this scope is asked the query. */
    public boolean answers(String query) {
        return switch (this) {
            case ALL -> true;
            case ENGLISH -> !hasChinese(query) || hasEnglishWord(query);
            case CHINESE -> hasChinese(query);
        };
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

    /**
     * Whether the text holds a run of at least {@value #MIN_LETTERS} Latin letters ("GPTQ", "LoRA", "AI"; full-width
     * letters too, as a Chinese keyboard types them).
     */
    static boolean hasEnglishWord(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            run = Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN ? run + 1 : 0;
            if (run >= MIN_LETTERS) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
