package dev.shelf.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Undoes "UTF-8 bytes decoded as Mac Roman and saved again" ({@code ‚Äô} back to {@code ’}, {@code ü§ó} to 🤗).
 *
 * <p>Each candidate is one UTF-8 sequence: a lead character and its continuation characters, all mapped back to their
 * Mac Roman bytes. It is replaced only when those bytes form exactly one valid UTF-8 character, so correct text (CJK,
 * emoji, a lone accented letter) is never touched. NOTE: instances are immutable and thread-safe.
 */
public final class MojibakeRepair {

    private static final Charset MAC_ROMAN = Charset.forName("x-MacRoman");
    private final Map<Character, Byte> macRomanByte = new HashMap<>();

    public MojibakeRepair() {
        for (int b = 0x80; b <= 0xFF; b++) {
            String decoded = new String(new byte[] {(byte) b}, MAC_ROMAN);
            macRomanByte.put(decoded.charAt(0), (byte) b);
        }
    }

    /** The text with every repairable mojibake sequence replaced by the character it stood for. */
    public String repair(String text) {
        StringBuilder out = null;
        int i = 0;
        int copiedUpTo = 0;
        while (i < text.length()) {
            int length = sequenceLength(text, i);
            if (length > 0) {
                String fixed = decode(text, i, length);
                if (fixed != null) {
                    if (out == null) {
                        out = new StringBuilder(text.length());
                    }
                    out.append(text, copiedUpTo, i).append(fixed);
                    i += length;
                    copiedUpTo = i;
                    continue;
                }
            }
            i++;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copiedUpTo, text.length()).toString();
    }

    private int sequenceLength(String text, int start) {
        Byte lead = macRomanByte.get(text.charAt(start));
        if (lead == null) {
            return 0;
        }
        int b = lead & 0xFF;
        int length = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0;
        if (length == 0 || start + length > text.length()) {
            return 0;
        }
        for (int k = 1; k < length; k++) {
            Byte cont = macRomanByte.get(text.charAt(start + k));
            if (cont == null || (cont & 0xC0) != 0x80) {
                return 0;
            }
        }
        return length;
    }

    private String decode(String text, int start, int length) {
        byte[] bytes = new byte[length];
        for (int k = 0; k < length; k++) {
            bytes[k] = macRomanByte.get(text.charAt(start + k));
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return strict.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
