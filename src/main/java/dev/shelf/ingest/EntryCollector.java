package dev.shelf.ingest;

import dev.shelf.text.Texts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Collects the entries of one list as parsers find them, checking URLs and recording warnings by line. */
public final class EntryCollector {

    /** Longer titles are run-on text, not titles. */
    static final int MAX_TITLE_CHARS = 300;
    /** Longer descriptions are pasted text, not a description of one entry; the rest would only bloat the index. */
    static final int MAX_DESCRIPTION_CHARS = 20_000;
    /** How much of a refused link a warning quotes. */
    private static final int QUOTED_CHARS = 80;

    private final Path file;
    private final List<Entry> entries = new ArrayList<>();
    private final List<IngestWarning> warnings = new ArrayList<>();

    public EntryCollector(Path file) {
        this.file = file;
    }

    public void warn(int line, String message) {
        warnings.add(new IngestWarning(file, line, message));
    }

    /**
     * The canonical form of a link destination, or empty: in-page anchors and relative paths silently (they are
     * navigation), anything else that is not an absolute http(s) URL with a warning.
     */
    public Optional<String> canonical(String destination, int line) {
        if (destination == null || destination.isBlank() || destination.startsWith("#")) {
            return Optional.empty();
        }
        Optional<String> url = Urls.canonicalize(destination);
        if (url.isEmpty() && destination.contains(":") && !destination.startsWith("mailto:")) {
            warn(line, "skipped a link that is not an absolute http(s) URL: \"" + Texts.abbreviate(destination, QUOTED_CHARS) + "\"");
        }
        return url;
    }

    /** Adds a link entry: the first URL is the primary one. */
    public void link(String title, List<String> urls, String description, List<String> section, int line,
              Map<String, String> metadata) {
        List<String> links = List.copyOf(new LinkedHashSet<>(urls));
        add(title, links.get(0), links, description, Kind.LINK, section, line, metadata);
    }

    /** Adds a concept or prose section entry, which has no primary URL but may carry links. */
    public void entry(String title, Kind kind, List<String> links, String description, List<String> section, int line,
               Map<String, String> metadata) {
        add(title, null, List.copyOf(new LinkedHashSet<>(links)), description, kind, section, line, metadata);
    }

    private void add(String title, String url, List<String> links, String description, Kind kind,
                     List<String> section, int line, Map<String, String> metadata) {
        String cleanTitle = TextCleaner.title(title);
        if (cleanTitle.isEmpty()) {
            warn(line, "skipped an entry without a title" + (url == null ? "" : " (" + url + ")"));
            return;
        }
        if (cleanTitle.length() > MAX_TITLE_CHARS) {
            warn(line, "title of " + cleanTitle.length() + " characters cut to " + MAX_TITLE_CHARS);
            cleanTitle = cut(cleanTitle, MAX_TITLE_CHARS);
        }
        String cleanDescription = TextCleaner.prose(description);
        if (cleanDescription.equalsIgnoreCase(cleanTitle)) {
            cleanDescription = "";
        }
        if (cleanDescription.length() > MAX_DESCRIPTION_CHARS) {
            warn(line, "description of " + cleanDescription.length() + " characters cut to " + MAX_DESCRIPTION_CHARS);
            cleanDescription = cut(cleanDescription, MAX_DESCRIPTION_CHARS);
        }
        entries.add(new Entry(cleanTitle, url, links, cleanDescription, kind, section, line, metadata));
    }

    public ParsedList result(String name) {
        return new ParsedList(name, List.copyOf(entries), List.copyOf(warnings));
    }

    /** The text cut to at most {@code max} characters, at a space when there is one near the end. */
    private static String cut(String text, int max) {
        int end = max - 1;
        int space = text.lastIndexOf(' ', end);
        if (space > max - 100) {
            end = space;
        }
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).strip() + "…";
    }
}
