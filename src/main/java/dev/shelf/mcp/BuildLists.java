package dev.shelf.mcp;

import dev.shelf.index.BuildInfo;
import dev.shelf.ingest.Ingester;
import dev.shelf.library.ListState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The lists of a build as {@code list_sources} gives them when nothing re-indexes (as under {@code shelf mcp}): every
 * list of the build is ready, its format read from its file (null when the file is gone or unreadable).
 */
public final class BuildLists {

    private BuildLists() {
    }

    public static List<ListState> of(BuildInfo info) {
        return info.sources().stream().map(list -> new ListState(list.id(), list.name(), list.file(),
                format(Path.of(list.file())), list.resources(), ListState.READY, null)).toList();
    }

    private static String format(Path file) {
        try {
            return Ingester.formatOf(file.getFileName().toString(), Files.readAllBytes(file)).orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
