package dev.shelf.ingest.markdown;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;

/**
 * Repairs, before and after parsing, the two ways a small slip in a Markdown list hides everything after it or
 * exhausts the parser: container markers nested thousands deep on one line ({@code > > > ...}, {@code - - - ...}), and
 * an HTML block or code fence that is never closed ({@code <!--}, {@code <pre>}, {@code ```}), which CommonMark runs to
 * the end of the file, or an HTML declaration ({@code <!DOCTYPE}, {@code <?}) that runs on to a stray {@code >}.
 * Each repair is reported with its line.
 */
final class MarkdownGuard {

    private static final Pattern ENTRY_SIGNS = Pattern.compile("\\]\\(\\s*<?https?:|^\\s{0,3}#{1,6}\\s");
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n|\\n[ \\t]*$");
    private static final Pattern RAW_TEXT_TAG = Pattern.compile("(?i)^<(script|pre|style|textarea)(?=[\\s>]|$)");

    /** A repair made, with its 1-based line. */
    record Note(int line, String message) {
    }

    private MarkdownGuard() {
    }

    /**
     * Cuts the container markers at the start of each line to at most {@code max}; the text after them is kept.
     * Lines are changed in place.
     */
    static void limitNesting(String[] lines, int max, List<Note> notes) {
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int markers = 0;
            int cut = -1;
            int at = 0;
            while (true) {
                int start = skipBlanks(line, at);
                int end = markerEnd(line, start);
                if (end < 0) {
                    at = start;
                    break;
                }
                markers++;
                if (markers == max) {
                    cut = end;
                }
                at = end;
            }
            if (markers > max) {
                lines[i] = line.substring(0, cut) + " " + line.substring(at);
                notes.add(new Note(i + 1, "nested " + markers + " levels deep on one line; read as " + max
                        + " levels"));
            }
        }
    }

    /**
     * A block that hides the lines after it: it is never closed and runs to the end of the file, or it is an HTML
     * declaration or processing instruction that runs on over blank lines to a stray {@code >}.
     *
     * @param lineIndex 0-based line where it opens
     * @param lastIndex 0-based last line it hides
     */
    record Unclosed(int lineIndex, int lastIndex, String what) {
    }

    /** The first top-level block that hides lines which look like list entries, if there is one. */
    static Optional<Unclosed> unclosedBlock(Node document, String[] lines) {
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block.getSourceSpans().isEmpty()) {
                continue;
            }
            int start = block.getSourceSpans().get(0).getLineIndex();
            int last = block.getSourceSpans().get(block.getSourceSpans().size() - 1).getLineIndex();
            String what = switch (block) {
                case HtmlBlock html -> hidingHtml(html.getLiteral());
                case FencedCodeBlock fence when fence.getClosingFenceLength() == null -> "a code fence that is never closed";
                default -> null;
            };
            if (what != null && hidesEntries(lines, start + 1, last)) {
                return Optional.of(new Unclosed(start, last, what));
            }
        }
        return Optional.empty();
    }

    /** The line with its first character escaped, so that it reads as text and the lines after it as Markdown. */
    static String escapeStart(String line) {
        int at = skipBlanks(line, 0);
        return at >= line.length() ? line : line.substring(0, at) + "\\" + line.substring(at);
    }

    private static boolean hidesEntries(String[] lines, int from, int to) {
        for (int i = from; i <= to && i < lines.length; i++) {
            if (ENTRY_SIGNS.matcher(lines[i]).find()) {
                return true;
            }
        }
        return false;
    }

    /** What hides lines in this HTML block, or null when it is a well-formed one. */
    private static String hidingHtml(String literal) {
        String html = literal.stripLeading();
        Matcher tag = RAW_TEXT_TAG.matcher(html);
        if (tag.find()) {
            boolean closed = html.toLowerCase(Locale.ROOT).contains("</" + tag.group(1).toLowerCase(Locale.ROOT) + ">");
            return closed ? null : "HTML that is never closed";
        }
        if (html.startsWith("<!--")) {
            int close = html.indexOf("-->", 2);
            if (close < 0) {
                return "an HTML comment that is never closed";
            }
            // A comment closed at the end of a line was meant, however long: the author hid those lines on purpose.
            // One that runs over blank lines to a "-->" inside a line (a diagram's arrow) was not.
            int lineEnd = html.indexOf('\n', close);
            String rest = html.substring(close + 3, lineEnd < 0 ? html.length() : lineEnd);
            return !rest.isBlank() && BLANK_LINE.matcher(html.substring(0, close)).find()
                    ? "an HTML comment that runs on to a stray -->" : null;
        }
        boolean declaration = html.startsWith("<?") || html.startsWith("<![CDATA[")
                || (html.length() > 2 && html.startsWith("<!") && Character.isLetter(html.charAt(2)));
        return declaration && BLANK_LINE.matcher(html).find() ? "an HTML declaration that runs on over blank lines"
                : null;
    }

    private static int skipBlanks(String line, int at) {
        while (at < line.length() && (line.charAt(at) == ' ' || line.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }

    /** The end of the container marker at {@code at} ({@code >}, a bullet, or {@code 1.}/{@code 1)}), or -1. */
    private static int markerEnd(String line, int at) {
        if (at >= line.length()) {
            return -1;
        }
        char c = line.charAt(at);
        if (c == '>') {
            return at + 1;
        }
        int end;
        if (c == '-' || c == '*' || c == '+') {
            end = at + 1;
        } else {
            end = at;
            while (end < line.length() && end - at < 9 && Character.isDigit(line.charAt(end))) {
                end++;
            }
            if (end == at || end >= line.length() || (line.charAt(end) != '.' && line.charAt(end) != ')')) {
                return -1;
            }
            end++;
        }
        // A bullet is a marker only when followed by a blank: "-x" and "**bold**" are text.
        return end == line.length() || line.charAt(end) == ' ' || line.charAt(end) == '\t' ? end : -1;
    }
}
