package dev.shelf.library;

import dev.shelf.ingest.Ingester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The format of each list file, read again only when the file changed (every listing of the lists asks). The one
 * place the API's {@code format} comes from: once {@code Source} carries its format, the build's own can be shown
 * instead. NOTE: thread-safe.
 */
final class ListFormats {

    private final Map<Path, Known> known = new ConcurrentHashMap<>();

    /** The file's format, null when it is in none, too large to be a list, or unreadable. */
    String of(Path file) {
        Optional<Stamp> stamp = Stamp.of(file);
        if (stamp.isEmpty() || stamp.get().size() > Library.MAX_LIST_BYTES) {
            return null;
        }
        Known before = known.get(file);
        if (before != null && before.stamp().equals(stamp.get())) {
            return before.format();
        }
        try {
            String format = Ingester.formatOf(file.getFileName().toString(), Files.readAllBytes(file)).orElse(null);
            known.put(file, new Known(stamp.get(), format));
            return format;
        } catch (IOException e) {
            return null;
        }
    }

    private record Known(Stamp stamp, String format) {
    }
}
