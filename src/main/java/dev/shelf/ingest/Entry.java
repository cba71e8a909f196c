package dev.shelf.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry as a parser found it in one list, before entries of all lists are merged into resources.
 *
 * @param title cleaned, non-blank title
 * @param url canonical primary URL or null
 * @param links canonical URLs of the entry, primary first
 * @param description text describing the entry (may be empty)
 * @param kind what the entry is
 * @param section heading path inside the list
 * @param line 1-based line of the entry
 * @param metadata extra columns, in order
 */
public record Entry(String title, String url, List<String> links, String description, Kind kind,
             List<String> section, int line, Map<String, String> metadata) {

    public Entry {
        links = List.copyOf(links);
        section = List.copyOf(section);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
