package dev.shelf.ingest;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXObject;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.jbibtex.ParseException;
import org.jbibtex.Value;

/**
 * Reads a BibTeX file (Zotero, Mendeley, JabRef, arXiv listings) with jbibtex: each entry becomes a resource titled
 * by its {@code title} in plain Unicode (LaTeX accents and braces resolved), linking to its {@code url}, else its
 * {@code doi}, else its arXiv {@code eprint}; {@code abstract} (or {@code note}) describes it and authors, year,
 * venue and keywords go to metadata. {@code @string} macros are expanded. An entry with no link is still a
 * searchable resource, a {@link Kind#CONCEPT} without URL, as a term from a glossary is.
 * NOTE: instances are stateless and thread-safe (jbibtex parsers are made per call).
 */
final class BibtexParser {

    /** Where each entry starts, by citation key: jbibtex keeps no positions, so the text is scanned for them. */
    private static final Pattern ENTRY_START = Pattern.compile("(?m)^[ \\t]*@[ \\t]*([a-zA-Z]+)[ \\t]*[{(][ \\t\\r\\n]*([^,\\s{}()]+)[ \\t]*,");
    private static final Pattern URL_COMMAND = Pattern.compile("\\\\url\\{([^}]*)}");
    private static final Pattern DOI_PREFIX = Pattern.compile("(?i)^(https?://(dx\\.)?doi\\.org/|doi:)\\s*");
    private static final Pattern ARXIV_PREFIX = Pattern.compile("(?i)^arxiv:\\s*");
    private static final Pattern AUTHOR_SEPARATOR = Pattern.compile("\\s+and\\s+");
    private static final Key DOI = new Key("doi");
    private static final Key EPRINT = new Key("eprint");
    private static final Key ARCHIVE_PREFIX = new Key("archiveprefix");
    private static final Key ABSTRACT = new Key("abstract");
    private static final Key KEYWORDS = new Key("keywords");

    ParsedList parse(Path file, String text) {
        EntryCollector out = new EntryCollector(file);
        Map<String, Integer> lines = entryLines(text);
        BibTeXDatabase database;
        BibTeXParser parser;
        try {
            parser = new LenientParser();
            database = parser.parseFully(new StringReader(text));
        } catch (ParseException | RuntimeException e) {
            throw new UnreadableListException("is not readable BibTeX: " + e.getMessage(), e);
        }
        for (Exception problem : parser.getExceptions()) {
            out.warn(lineOf(problem), "skipped unreadable BibTeX: " + firstLine(problem.getMessage()));
        }
        for (BibTeXObject object : database.getObjects()) {
            if (object instanceof BibTeXEntry entry) {
                entry(entry, lines.getOrDefault(entry.getKey().getValue(), 0), out);
            }
        }
        return out.result(null);
    }

    private static void entry(BibTeXEntry entry, int line, EntryCollector out) {
        String title = field(entry, BibTeXEntry.KEY_TITLE);
        Map<String, String> metadata = new LinkedHashMap<>();
        String authors = field(entry, BibTeXEntry.KEY_AUTHOR);
        if (authors.isEmpty()) {
            authors = field(entry, BibTeXEntry.KEY_EDITOR);
        }
        put(metadata, "Authors", String.join(", ", AUTHOR_SEPARATOR.split(authors)));
        put(metadata, "Year", field(entry, BibTeXEntry.KEY_YEAR));
        String venue = field(entry, BibTeXEntry.KEY_JOURNAL);
        put(metadata, "Venue", venue.isEmpty() ? field(entry, BibTeXEntry.KEY_BOOKTITLE) : venue);
        put(metadata, "Keywords", field(entry, KEYWORDS));
        String description = field(entry, ABSTRACT);
        if (description.isEmpty()) {
            description = field(entry, BibTeXEntry.KEY_NOTE);
        }
        List<String> urls = new ArrayList<>();
        for (String candidate : candidateUrls(entry)) {
            out.canonical(candidate, line).ifPresent(urls::add);
        }
        if (urls.isEmpty()) {
            out.entry(title, Kind.CONCEPT, List.of(), description, List.of(), line, metadata);
        } else {
            out.link(title, urls, description, List.of(), line, metadata);
        }
    }

    /** The addresses of an entry, best first: url, a url command in howpublished, doi, arXiv eprint. */
    private static List<String> candidateUrls(BibTeXEntry entry) {
        List<String> urls = new ArrayList<>();
        raw(entry, BibTeXEntry.KEY_URL).ifPresent(urls::add);
        raw(entry, BibTeXEntry.KEY_HOWPUBLISHED).map(URL_COMMAND::matcher).filter(Matcher::find)
                .ifPresent(m -> urls.add(m.group(1).strip()));
        raw(entry, DOI).map(d -> DOI_PREFIX.matcher(d).replaceFirst(""))
                .ifPresent(d -> urls.add("https://doi.org/" + d));
        String archive = raw(entry, ARCHIVE_PREFIX).orElse("arXiv");
        if (archive.equalsIgnoreCase("arxiv")) {
            raw(entry, EPRINT).map(e -> ARXIV_PREFIX.matcher(e).replaceFirst(""))
                    .ifPresent(e -> urls.add("https://arxiv.org/abs/" + e));
        }
        return urls;
    }

    /** A field as written (macros expanded), for addresses, where LaTeX must not be interpreted. */
    private static Optional<String> raw(BibTeXEntry entry, Key key) {
        Value value = entry.getField(key);
        String text = value == null ? "" : value.toUserString().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** A field as plain Unicode text: macros expanded, LaTeX accents and commands resolved, braces removed. */
    private static String field(BibTeXEntry entry, Key key) {
        return raw(entry, key).map(BibtexParser::plain).orElse("");
    }

    static String plain(String latex) {
        if (latex.indexOf('\\') < 0 && latex.indexOf('{') < 0 && latex.indexOf('~') < 0) {
            return latex;
        }
        try {
            return new LaTeXPrinter().print(new LaTeXParser().parse(latex)).strip();
        } catch (ParseException | RuntimeException e) {
            // Unbalanced braces: the text is still better than nothing once the markup is gone.
            return latex.replaceAll("\\\\[a-zA-Z]+\\s*|[{}\\\\]", "").strip();
        }
    }

    private static void put(Map<String, String> metadata, String key, String value) {
        String clean = TextCleaner.prose(value);
        if (!clean.isEmpty()) {
            metadata.put(key, clean);
        }
    }

    private static Map<String, Integer> entryLines(String text) {
        Map<String, Integer> lines = new HashMap<>();
        Matcher m = ENTRY_START.matcher(text);
        int line = 1;
        int scanned = 0;
        while (m.find()) {
            for (; scanned < m.start(); scanned++) {
                if (text.charAt(scanned) == '\n') {
                    line++;
                }
            }
            String type = m.group(1).toLowerCase(Locale.ROOT);
            if (!type.equals("string") && !type.equals("comment") && !type.equals("preamble")) {
                lines.putIfAbsent(m.group(2), line + leadingLineBreaks(text, m.start()));
            }
        }
        return lines;
    }

    /** The pattern may start on a blank line before the entry's {@code @}. */
    private static int leadingLineBreaks(String text, int from) {
        int breaks = 0;
        for (int i = from; i < text.length() && text.charAt(i) != '@'; i++) {
            if (text.charAt(i) == '\n') {
                breaks++;
            }
        }
        return breaks;
    }

    private static int lineOf(Exception problem) {
        if (problem instanceof ParseException parse && parse.currentToken != null) {
            return parse.currentToken.next != null ? parse.currentToken.next.beginLine : parse.currentToken.beginLine;
        }
        return 0;
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** A parser that keeps an entry whose {@code @string} macro or cross-reference is undefined, as BibTeX does. */
    private static final class LenientParser extends BibTeXParser {
        LenientParser() throws ParseException {
        }

        @Override
        public void checkStringResolution(Key key, org.jbibtex.BibTeXString string) {
            // An undefined macro reads as empty, as BibTeX itself reads it (with a warning of its own).
        }

        @Override
        public void checkCrossReferenceResolution(Key key, BibTeXEntry entry) {
            // A dangling crossref costs only the inherited fields.
        }
    }
}
