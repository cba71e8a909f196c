package dev.shelf.ingest;

import java.util.List;

/**
 * One place where a resource is listed: which reading list, under which headings, on which line (1-based).
 *
 * @param id the reading list's id (see {@link Source#id()})
 * @param name the reading list's human-readable name
 * @param section the heading path of the entry inside that list
 * @param line the 1-based line of the entry in the file
 */
public record Mention(String id, String name, List<String> section, int line) {
    public Mention {
        section = List.copyOf(section);
    }
}
