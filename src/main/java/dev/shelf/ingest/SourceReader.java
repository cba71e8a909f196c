package dev.shelf.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one reading list into text, or says why it cannot: too large, empty, binary or undecodable.
 * UTF-8 (with or without BOM) and BOM-marked UTF-16 are accepted; Mac Roman mojibake is repaired afterwards.
 */
final class SourceReader {

    /** The largest reading list read; anything bigger is certainly not a hand-made list. */
    static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    private static final int SNIFF_BYTES = 8192;
    private static final double MAX_CONTROL_RATIO = 0.05;
    /** More than one malformed UTF-8 sequence per this many bytes means the file is in another encoding. */
    private static final int MAX_MALFORMED_PER_BYTES = 200;
    private static final int MAX_LINES_REPORTED = 20;

    private final long maxBytes;
    private final MojibakeRepair mojibake = new MojibakeRepair();

    SourceReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The result of reading: text, or the reason the file was skipped. */
    sealed interface Outcome permits Text, Rejected {
    }

    /**
     * Decoded, repaired text of the file.
     *
     * @param text the text
     * @param problems what had to be replaced to read it (stray bytes that are not UTF-8, control characters)
     */
    record Text(String text, List<LineProblem> problems) implements Outcome {
    }

    /** Something replaced on a 1-based line. */
    record LineProblem(int line, String message) {
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
            return read(Files.readAllBytes(file));
        } catch (IOException e) {
            return new Rejected("cannot be read: " + e);
        }
    }

    /** Reads content already in memory (an upload, or a file's bytes); the size cap is the caller's business. */
    Outcome read(byte[] bytes) {
        if (isBlank(bytes)) {
            return new Rejected("file is empty");
        }
        if (looksBinary(bytes)) {
            return new Rejected("file is binary, not text");
        }
        List<LineProblem> problems = new ArrayList<>();
        String text = decode(bytes, problems);
        if (text == null) {
            return new Rejected("file is not valid UTF-8 (nor UTF-16 with a byte-order mark)");
        }
        return new Text(mojibake.repair(replaceControls(text, problems)), List.copyOf(problems));
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
            // NUL counts like any control byte: one flipped byte must not make a list "binary".
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        return control > n * MAX_CONTROL_RATIO;
    }

    private static boolean hasUtf16Bom(byte[] b) {
        return b.length >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE));
    }

    private static String decode(byte[] bytes, List<LineProblem> problems) {
        if (hasUtf16Bom(bytes)) {
            return strictDecode(bytes, StandardCharsets.UTF_16);
        }
        boolean utf8Bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
        return lenientUtf8(bytes, utf8Bom ? 3 : 0, problems);
    }

    private static String strictDecode(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * UTF-8 with each stray malformed sequence replaced by U+FFFD and reported by line, so that one damaged byte
     * costs one entry, not the list. A file with more than a few of them is in another encoding and is refused.
     */
    private static String lenientUtf8(byte[] bytes, int offset, List<LineProblem> problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        // UTF-8 never decodes to more chars than it has bytes, plus one replacement per malformed byte at most.
        CharBuffer out = CharBuffer.allocate(bytes.length - offset + 1);
        List<Integer> malformed = new ArrayList<>();
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                malformed.add(in.position());
                out.put('\uFFFD');
                in.position(in.position() + result.length());
            } else {
                decoder.flush(out);
                break;
            }
        }
        // A character cut by a truncated file is one damaged character, whatever the file's size.
        boolean cutAtEnd = !malformed.isEmpty() && bytes.length - malformed.get(malformed.size() - 1) <= 3;
        int stray = malformed.size() - (cutAtEnd ? 1 : 0);
        if (stray > (bytes.length - offset) / MAX_MALFORMED_PER_BYTES) {
            return null;
        }
        int line = 1;
        int scanned = 0;
        List<Integer> lines = new ArrayList<>();
        for (int at : malformed) {
            for (; scanned < at; scanned++) {
                if (bytes[scanned] == '\n') {
                    line++;
                }
            }
            lines.add(line);
        }
        report(lines, "bytes that are not UTF-8 were replaced with \uFFFD", problems);
        return out.flip().toString();
    }

    /** Control characters (a flipped byte, a pasted terminal escape) become spaces; tabs and line breaks stay. */
    private static String replaceControls(String text, List<LineProblem> problems) {
        StringBuilder clean = null;
        List<Integer> lines = new ArrayList<>();
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (isStrayControl(c)) {
                if (clean == null) {
                    clean = new StringBuilder(text);
                }
                clean.setCharAt(i, ' ');
                if (lines.isEmpty() || lines.get(lines.size() - 1) != line) {
                    lines.add(line);
                }
            }
        }
        report(lines, "control characters were replaced with spaces", problems);
        return clean == null ? text : clean.toString();
    }

    private static boolean isStrayControl(char c) {
        return (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == 0x7F;
    }

    /** One problem per line, for the first few lines, then one that counts the rest. */
    private static void report(List<Integer> lines, String message, List<LineProblem> problems) {
        List<Integer> distinct = lines.stream().distinct().toList();
        for (int i = 0; i < Math.min(distinct.size(), MAX_LINES_REPORTED); i++) {
            problems.add(new LineProblem(distinct.get(i), message));
        }
        if (distinct.size() > MAX_LINES_REPORTED) {
            problems.add(new LineProblem(distinct.get(MAX_LINES_REPORTED), "and on " + (distinct.size()
                    - MAX_LINES_REPORTED) + " more lines from here on: " + message));
        }
    }
}
