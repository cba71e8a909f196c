package dev.shelf.ingest;

import java.nio.file.Path;

/**
 * A problem found while reading a list: a skipped entry (with its 1-based line) or a skipped file (line 0).
 *
 * @param file the reading list concerned
 * @param line the 1-based line of the entry, or 0 when the whole file is concerned
 * @param message what is wrong, with the offending value
 */
public record IngestWarning(Path file, int line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
