package dev.shelf.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Collects the entries of one list as parsers find them, checking URLs and recording warnings by line. */
final class EntryCollector {

    private final Path file;
    private final List<Entry> entries = new ArrayList<>();
    private final List<IngestWarning> warnings = new ArrayList<>();

    EntryCollector(Path file) {
        this.file = file;
    }

    void warn(int line, String message) {
        warnings.add(new IngestWarning(file, line, message));
    }

    /**
     * The canonical form of a link destination, or empty: in-page anchors and relative paths silently (they are
     * navigation), anything else that is not an absolute http(s) URL with a warning.
     */
    Optional<String> canonical(String destination, int line) {
        if (destination == null || destination.isBlank() || destination.startsWith("#")) {
            return Optional.empty();
        }
        Optional<String> url = Urls.canonicalize(destination);
        if (url.isEmpty() && destination.contains(":") && !destination.startsWith("mailto:")) {
            warn(line, "skipped a link that is not an absolute http(s) URL: \"" + abbreviate(destination) + "\"");
        }
        return url;
    }

    /** Adds a link entry: the first URL is the primary one. */
    void link(String title, List<String> urls, String description, List<String> section, int line,
              Map<String, String> metadata) {
        List<String> links = List.copyOf(new LinkedHashSet<>(urls));
        add(title, links.get(0), links, description, Kind.LINK, section, line, metadata);
    }

    /** Adds a concept or prose section entry, which has no primary URL but may carry links. */
    void entry(String title, Kind kind, List<String> links, String description, List<String> section, int line,
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
        String cleanDescription = TextCleaner.prose(description);
        if (cleanDescription.equalsIgnoreCase(cleanTitle)) {
            cleanDescription = "";
        }
        entries.add(new Entry(cleanTitle, url, links, cleanDescription, kind, section, line, metadata));
    }

    ParsedList result(String name) {
        return new ParsedList(name, List.copyOf(entries), List.copyOf(warnings));
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
