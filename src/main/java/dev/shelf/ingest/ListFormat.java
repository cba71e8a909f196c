package dev.shelf.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The formats of reading list Shelf reads, each with the file extensions a folder walk picks up for it. */
public enum ListFormat {
    MARKDOWN("Markdown", "md", "markdown"),
    TEXT("plain-text outline", "txt", "text"),
    BOOKMARKS("Netscape bookmark HTML", "html", "htm"),
    CSV("CSV or TSV with title and URL columns", "csv", "tsv"),
    OPML("OPML", "opml", "xml"),
    BIBTEX("BibTeX", "bib", "bibtex");

    private final String description;
    private final List<String> extensions;

    ListFormat(String description, String... extensions) {
        this.description = description;
        this.extensions = List.of(extensions);
    }

    /** The lower-case name used by {@link Source#format()} and {@link Ingester#formatOf}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The file extensions (without the dot) a folder walk reads as lists. */
    public List<String> extensions() {
        return extensions;
    }

    /** Every extension a folder walk reads. */
    static Set<String> allExtensions() {
        return Arrays.stream(values()).flatMap(f -> f.extensions.stream()).collect(Collectors.toUnmodifiableSet());
    }

    /** The supported formats in words with their extensions, for the messages about a file in none of them. */
    public static String supported() {
        return Arrays.stream(values())
                .map(f -> f.description + " (" + f.extensions.stream().map(e -> "." + e).collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(", "));
    }
}
