package dev.shelf.ingest;

import java.util.List;

/**
 * What a parser made of one reading list.
 *
 * @param name the list's own title, or null when it has none
 * @param entries the entries in file order
 * @param warnings entries that were skipped, by line
 */
public record ParsedList(String name, List<Entry> entries, List<IngestWarning> warnings) {
}
