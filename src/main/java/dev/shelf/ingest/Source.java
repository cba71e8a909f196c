package dev.shelf.ingest;

import java.nio.file.Path;

/**
 * A reading list that was ingested.
 *
 * @param id a stable slug of the file name, unique within one ingestion
 * @param name a readable name: the list's own title where it has one, else the file name
 * @param file the file it was read from
 */
public record Source(String id, String name, Path file) {
}
