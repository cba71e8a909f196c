package dev.shelf.ingest;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which format a reading list is in, from its content first and its extension second: a {@code .txt}
 * that is really a bookmark export is read as bookmarks, and a {@code .html} page that is not one is refused.
 * NOTE: stateless and thread-safe.
 */
final class FormatDetector {

    /** The signatures are all near the start; a multi-megabyte ICON attribute must not be scanned. */
    private static final int HEAD_CHARS = 64 * 1024;
    private static final Pattern NETSCAPE_DOCTYPE = Pattern.compile("(?i)<!DOCTYPE\\s+NETSCAPE-Bookmark-file-1\\s*>");
    /** A definition list of anchors, as every bookmark export writes them, even without the doctype. */
    private static final Pattern DL_OF_ANCHORS = Pattern.compile("(?is)<dl[\\s>].{0,2000}?<dt>\\s*<a\\s[^>]{0,2000}?href\\s*=");
    /** Pocket's HTML export: a plain list of anchors carrying {@code time_added}. */
    private static final Pattern POCKET_ANCHOR = Pattern.compile("(?i)<a\\s[^>]{0,4000}?\\btime_added\\s*=");
    private static final Pattern OPML_ROOT = Pattern.compile("(?i)<opml[\\s>]");
    /** A BibTeX entry at the start of a line: {@code @article{key,}, {@code @string{...}, {@code @misc(key,}. */
    private static final Pattern BIBTEX_ENTRY = Pattern.compile("(?m)^[ \\t]*@[a-zA-Z]+[ \\t]*[{(]");
    /** Lines BibTeX tools write before the first entry: comments and blank lines. */
    private static final Pattern BIBTEX_PREAMBLE = Pattern.compile("(?:[ \\t]*(?:%[^\\n]*)?\\r?\\n)*");
    private static final Pattern MARKUP_START = Pattern.compile("^\\s*<[a-zA-Z!?]");
    private static final Pattern JSON_START = Pattern.compile("^\\s*(\\{\\s*\"|\\[\\s*[{\\[\"])");
    private static final Pattern MARKDOWN_SIGNS = Pattern.compile(
            "(?m)^\\s{0,3}(#{1,6}\\s|\\|.*\\||[*+-]\\s+\\[)|\\]\\((https?:|#)");
    /** Extensions that promise a structured format: such a file that is in none is refused, not read as an outline. */
    private static final Set<String> STRUCTURED = Set.of("html", "htm", "csv", "tsv", "opml", "xml", "bib", "bibtex",
            "json", "jsonl", "yaml", "yml", "pdf");

    private FormatDetector() {
    }

    /** The format of a list, or empty when its content is in none Shelf reads. */
    static Optional<ListFormat> detect(String fileName, String text) {
        String ext = extension(fileName);
        if (ext.equals("md") || ext.equals("markdown")) {
            // A Markdown list may quote a citation or a bookmark snippet; its extension is the stronger sign.
            return Optional.of(ListFormat.MARKDOWN);
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String head = body.length() > HEAD_CHARS ? body.substring(0, HEAD_CHARS) : body;
        if (isBookmarks(head)) {
            return Optional.of(ListFormat.BOOKMARKS);
        }
        // A .txt is an outline unless its content says otherwise: a stray "<div>" on its first line costs a line,
        // not the list. Markup in a file of any other extension is a page or a feed, not a list.
        boolean plainText = ext.equals("txt") || ext.equals("text");
        if (MARKUP_START.matcher(head).find()) {
            if (OPML_ROOT.matcher(head).find()) {
                return Optional.of(ListFormat.OPML);
            }
            if (!plainText) {
                return Optional.empty();
            }
        }
        if (isBibtex(head, ext)) {
            return Optional.of(ListFormat.BIBTEX);
        }
        if (CsvListParser.hasListHeader(firstLine(head))) {
            return Optional.of(ListFormat.CSV);
        }
        if (STRUCTURED.contains(ext) || !plainText && JSON_START.matcher(head).find()) {
            return Optional.empty();
        }
        return Optional.of(MARKDOWN_SIGNS.matcher(body).find() ? ListFormat.MARKDOWN : ListFormat.TEXT);
    }

    private static boolean isBookmarks(String head) {
        return NETSCAPE_DOCTYPE.matcher(head).find() || DL_OF_ANCHORS.matcher(head).find()
                || POCKET_ANCHOR.matcher(head).find();
    }

    /**
     * BibTeX when the first thing after comments is an entry; a {@code .bib} file may have free text first (BibTeX
     * ignores it), so for that extension an entry anywhere at the start of a line is enough.
     */
    private static boolean isBibtex(String head, String ext) {
        var preamble = BIBTEX_PREAMBLE.matcher(head);
        int start = preamble.lookingAt() ? preamble.end() : 0;
        var entry = BIBTEX_ENTRY.matcher(head);
        if (entry.find(start) && entry.start() == start) {
            return true;
        }
        return (ext.equals("bib") || ext.equals("bibtex")) && BIBTEX_ENTRY.matcher(head).find();
    }

    private static String firstLine(String head) {
        int end = head.indexOf('\n');
        return (end < 0 ? head : head.substring(0, end)).strip();
    }

    static String extension(String fileName) {
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        String name = fileName.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
