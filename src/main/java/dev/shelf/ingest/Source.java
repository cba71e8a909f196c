package dev.shelf.ingest;

import java.nio.file.Path;

/**
 * A reading list that was ingested.
 *
 * @param id a stable slug of the file name, unique within one ingestion
 * @param name a readable name: the list's own title where it has one, else the file name
 * @param file the file it was read from
 * @param format the format it was read as ({@link ListFormat#label()}: markdown, text, bookmarks, csv, opml, bibtex;
 *               corpora that are not reading lists name their own)
 */
public record Source(String id, String name, Path file, String format) {
}
