package dev.shelf.ingest;

import java.util.regex.Pattern;

/** Turns the text of a link, heading or table cell into a clean title, running text into one line, and weighs text. */
public final class TextCleaner {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Bold markers a parser left as text (unbalanced ones); single stars stay, as in "Q*". */
    private static final Pattern EMPHASIS_MARKERS = Pattern.compile("\\*\\*|__");
    private static final Pattern HEADING_NUMBER = Pattern.compile("^\\d{1,2}[.)]\\s+");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]");

    private TextCleaner() {
    }

    /** Collapses whitespace, drops emphasis markers and the decorative emoji or symbols at either end. */
    public static String title(String raw) {
        if (raw == null) {
            return "";
        }
        String text = EMPHASIS_MARKERS.matcher(raw).replaceAll("");
        text = WHITESPACE.matcher(text).replaceAll(" ").strip();
        return stripDecorations(text);
    }

    /** A heading as a section name: a clean title without list numbering ("7. Quantization ⚖️" is "Quantization"). */
    public static String heading(String raw) {
        String text = title(raw);
        text = HEADING_NUMBER.matcher(text).replaceFirst("");
        if (text.endsWith(":")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    /** Collapses whitespace in running text. */
    public static String prose(String raw) {
        return raw == null ? "" : WHITESPACE.matcher(raw).replaceAll(" ").strip();
    }

    /**
     * How much text there is, in words: whitespace-separated Latin words plus one word per two CJK characters, so
     * that a Chinese sentence weighs about what its English translation would.
     */
    public static int weight(String text) {
        String latin = CJK.matcher(text).replaceAll(" ");
        int cjk = text.length() - CJK.matcher(text).replaceAll("").length();
        int words = 0;
        for (String token : WHITESPACE.split(latin.strip())) {
            if (token.chars().anyMatch(Character::isLetterOrDigit)) {
                words++;
            }
        }
        return words + cjk / 2;
    }

    private static String stripDecorations(String text) {
        int start = 0;
        while (start < text.length()) {
            int cp = text.codePointAt(start);
            if (!isDecoration(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        int end = text.length();
        while (end > start) {
            int cp = text.codePointBefore(end);
            if (!isDecoration(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return text.substring(start, end).strip();
    }

    private static boolean isDecoration(int cp) {
        if (Character.isWhitespace(cp) || cp == 0x200D || cp == 0x20E3 || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F) || cp == 0xF8FF) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL || type == Character.SURROGATE || type == Character.PRIVATE_USE
                || type == Character.NON_SPACING_MARK && cp >= 0x2000;
    }
}
