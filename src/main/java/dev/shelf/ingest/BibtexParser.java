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
import java.text.Normalizer;
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
    /** Where an entry, a macro or a comment starts: an {@code @} first on its line. */
    private static final Pattern CHUNK_START = Pattern.compile("(?m)^[ \\t]*@");
    private static final Pattern STRING_CHUNK = Pattern.compile("(?i)[ \\t]*@[ \\t]*string[ \\t]*[{(]");
    private static final Pattern SYMBOL_ACCENT = Pattern.compile(
            "\\\\([`'^\"~=.])\\s*(?:\\{\\s*(\\\\?[a-zA-Z])\\s*}|(\\\\?[a-zA-Z]))");
    /** Letter accents need a brace or a space after them, so that {@code \\url} or {@code \\vspace} is not one. */
    private static final Pattern LETTER_ACCENT = Pattern.compile(
            "\\\\([uvHckrdb])(?:\\s*\\{\\s*(\\\\?[a-zA-Z])\\s*}|\\s+([a-zA-Z]))");
    private static final Map<String, String> COMBINING = Map.ofEntries(Map.entry("`", "\u0300"),
            Map.entry("'", "\u0301"), Map.entry("^", "\u0302"), Map.entry("\"", "\u0308"), Map.entry("~", "\u0303"),
            Map.entry("=", "\u0304"), Map.entry(".", "\u0307"), Map.entry("u", "\u0306"), Map.entry("v", "\u030C"),
            Map.entry("H", "\u030B"), Map.entry("c", "\u0327"), Map.entry("k", "\u0328"), Map.entry("r", "\u030A"),
            Map.entry("d", "\u0323"), Map.entry("b", "\u0331"));
    private static final Pattern MATH_SHIFT = Pattern.compile("(?<!\\\\)\\$");
    private static final Pattern TIE = Pattern.compile("(?<!\\\\)~");
    private static final Pattern SLASHED_L = Pattern.compile("\\\\([lL])(?![a-zA-Z])\\s*(?:\\{})?");
    private static final Pattern LEFTOVER_MARKUP = Pattern.compile("\\\\[a-zA-Z]+\\s*|[{}\\\\]");
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
        LineIndex lineIndex = new LineIndex(text);
        Map<String, Integer> lines = entryLines(text, lineIndex);
        List<BibTeXEntry> entries;
        try {
            entries = parseWhole(text, out);
        } catch (ParseException | RuntimeException e) {
            // An unbalanced brace swallows the rest of the file; read entry by entry so that it costs one entry.
            entries = parseEntryByEntry(text, lineIndex, out);
        }
        for (BibTeXEntry entry : entries) {
            entry(entry, lines.getOrDefault(entry.getKey().getValue(), 0), out);
        }
        return out.result(null);
    }

    private static List<BibTeXEntry> parseWhole(String text, EntryCollector out) throws ParseException {
        BibTeXParser parser = new LenientParser();
        BibTeXDatabase database = parser.parseFully(new StringReader(text));
        for (Exception problem : parser.getExceptions()) {
            out.warn(lineOf(problem, 0), "skipped unreadable BibTeX: " + firstLine(problem.getMessage()));
        }
        return entriesOf(database);
    }

    /** Each entry parsed alone, after every {@code @string} of the file so that its macros still resolve. */
    private static List<BibTeXEntry> parseEntryByEntry(String text, LineIndex lines, EntryCollector out) {
        List<int[]> chunks = new ArrayList<>();
        Matcher start = CHUNK_START.matcher(text);
        while (start.find()) {
            chunks.add(new int[] {start.start(), lines.lineOf(start.start())});
        }
        StringBuilder macros = new StringBuilder();
        for (int i = 0; i < chunks.size(); i++) {
            String chunk = chunk(text, chunks, i);
            if (STRING_CHUNK.matcher(chunk).lookingAt()) {
                macros.append(chunk).append('\n');
            }
        }
        List<BibTeXEntry> entries = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            String chunk = chunk(text, chunks, i);
            if (STRING_CHUNK.matcher(chunk).lookingAt()) {
                continue;
            }
            try {
                entries.addAll(entriesOf(new LenientParser().parse(new StringReader(macros + chunk))));
            } catch (ParseException | RuntimeException e) {
                out.warn(chunks.get(i)[1], "skipped an unreadable BibTeX entry: " + firstLine(e.getMessage()));
            }
        }
        return entries;
    }

    private static String chunk(String text, List<int[]> chunks, int i) {
        return text.substring(chunks.get(i)[0], i + 1 < chunks.size() ? chunks.get(i + 1)[0] : text.length());
    }

    private static List<BibTeXEntry> entriesOf(BibTeXDatabase database) {
        List<BibTeXEntry> entries = new ArrayList<>();
        for (BibTeXObject object : database.getObjects()) {
            if (object instanceof BibTeXEntry entry) {
                entries.add(entry);
            }
        }
        return entries;
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
        // Math shifts are markup; the formula inside reads well enough as text ("$O(n^2)$" is "O(n^2)").
        String text = MATH_SHIFT.matcher(latex).replaceAll("");
        if (text.indexOf('\\') < 0 && text.indexOf('{') < 0 && text.indexOf('~') < 0) {
            return text.strip();
        }
        text = Normalizer.normalize(accents(text), Normalizer.Form.NFC);
        text = TIE.matcher(text).replaceAll(" ");
        text = SLASHED_L.matcher(text).replaceAll(m -> m.group(1).equals("l") ? "ł" : "Ł");
        try {
            return new LaTeXPrinter().print(new LaTeXParser().parse(text)).strip();
        } catch (ParseException | RuntimeException e) {
            // Math or stray specials that jbibtex's LaTeX grammar refuses: the text without markup is still useful.
            return LEFTOVER_MARKUP.matcher(text).replaceAll("").strip();
        }
    }

    /**
     * Accent commands as combining marks. jbibtex's LaTeXPrinter knows only some of them (it drops the cedilla of
     * {@code \c{c}} and the circumflex of {@code \^o}), so they are resolved before its parser sees the text.
     */
    private static String accents(String latex) {
        String text = SYMBOL_ACCENT.matcher(latex).replaceAll(m -> accented(m.group(1), m.group(2) != null ? m.group(2) : m.group(3)));
        return LETTER_ACCENT.matcher(text).replaceAll(m -> accented(m.group(1), m.group(2) != null ? m.group(2) : m.group(3)));
    }

    private static String accented(String accent, String letter) {
        String base = letter.equals("\\i") ? "i" : letter.equals("\\j") ? "j" : letter;
        return Matcher.quoteReplacement(base + COMBINING.get(accent));
    }

    private static void put(Map<String, String> metadata, String key, String value) {
        String clean = TextCleaner.prose(value);
        if (!clean.isEmpty()) {
            metadata.put(key, clean);
        }
    }

    private static Map<String, Integer> entryLines(String text, LineIndex lines) {
        Map<String, Integer> found = new HashMap<>();
        Matcher m = ENTRY_START.matcher(text);
        while (m.find()) {
            String type = m.group(1).toLowerCase(Locale.ROOT);
            if (!type.equals("string") && !type.equals("comment") && !type.equals("preamble")) {
                found.putIfAbsent(m.group(2), lines.lineOf(text.indexOf('@', m.start())));
            }
        }
        return found;
    }

    private static int lineOf(Exception problem, int fallback) {
        if (problem instanceof ParseException parse && parse.currentToken != null) {
            return parse.currentToken.next != null ? parse.currentToken.next.beginLine : parse.currentToken.beginLine;
        }
        return fallback;
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
