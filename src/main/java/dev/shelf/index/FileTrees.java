package dev.shelf.index;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deleting folders of index builds and temporary indexes. */
public final class FileTrees {

    private FileTrees() {
    }

    /** Deletes the folder and everything in it; nothing when it does not exist. */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** What the operating system said, without the Java wrapping ("No space left on device", "Read-only file system"). */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + " (" + fs.getFile() + ")";
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied (" + denied.getFile() + ")";
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
