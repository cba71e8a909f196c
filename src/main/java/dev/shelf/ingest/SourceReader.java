package dev.shelf.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one reading list into text, or says why it cannot: too large, empty, binary or undecodable.
 * UTF-8 (with or without BOM) and BOM-marked UTF-16 are accepted; Mac Roman mojibake is repaired afterwards.
 */
final class SourceReader {

    /** The largest reading list read; anything bigger is certainly not a hand-made list. */
    static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    private static final int SNIFF_BYTES = 8192;
    private static final double MAX_CONTROL_RATIO = 0.05;

    private final long maxBytes;
    private final MojibakeRepair mojibake = new MojibakeRepair();

    SourceReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The result of reading: text, or the reason the file was skipped. */
    sealed interface Outcome permits Text, Rejected {
    }

    /** Decoded, repaired text of the file. */
    record Text(String text) implements Outcome {
    }

    /** Why the file was skipped. */
    record Rejected(String reason) implements Outcome {
    }

    Outcome read(Path file) {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                return new Rejected("file is " + size + " bytes, over the " + maxBytes + "-byte cap for a reading list");
            }
            byte[] bytes = Files.readAllBytes(file);
            if (isBlank(bytes)) {
                return new Rejected("file is empty");
            }
            if (looksBinary(bytes)) {
                return new Rejected("file is binary, not text");
            }
            String text = decode(bytes);
            if (text == null) {
                return new Rejected("file is not valid UTF-8 (nor UTF-16 with a byte-order mark)");
            }
            return new Text(mojibake.repair(text));
        } catch (IOException e) {
            return new Rejected("cannot be read: " + e);
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksBinary(byte[] bytes) {
        if (hasUtf16Bom(bytes)) {
            return false;
        }
        int n = Math.min(bytes.length, SNIFF_BYTES);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        return control > n * MAX_CONTROL_RATIO;
    }

    private static boolean hasUtf16Bom(byte[] b) {
        return b.length >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE));
    }

    private static String decode(byte[] bytes) {
        if (hasUtf16Bom(bytes)) {
            return strictDecode(bytes, 0, StandardCharsets.UTF_16);
        }
        boolean utf8Bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
        return strictDecode(bytes, utf8Bom ? 3 : 0, StandardCharsets.UTF_8);
    }

    private static String strictDecode(byte[] bytes, int offset, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
