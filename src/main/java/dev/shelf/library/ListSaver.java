package dev.shelf.library;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes list files atomically: a temporary file in the same folder, forced to disk, then moved over the old file, so
 * that a reader (the watcher, a build) sees the old list or the new one, never half of one. A process killed between
 * the two leaves its temporary file behind; {@link #clearLeftovers} removes those at the next start.
 */
final class ListSaver {

    /** Names of the temporary files: dotfiles, so the watcher and ingestion skip them. */
    static final String TEMP_PREFIX = ".shelf-upload-";
    static final String TEMP_SUFFIX = ".tmp";
    /** The names {@link Files#createTempFile} makes of the prefix and suffix: a number between them, nothing else. */
    private static final Pattern TEMP_NAME = Pattern.compile(Pattern.quote(TEMP_PREFIX) + "[0-9]+"
            + Pattern.quote(TEMP_SUFFIX));

    private ListSaver() {
    }

    /**
     * Writes {@code content} as {@code target}, a file of {@code folder}.
     *
     * @throws IOException when the file cannot be written; nothing is left of the attempt then
     */
    static void write(Path folder, Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(folder, TEMP_PREFIX, TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * Deletes the temporary files of saves cut short in a folder: regular files named as {@link #write} names them,
     * nothing else.
     *
     * @return the files deleted
     */
    static List<Path> clearLeftovers(Path folder) throws IOException {
        List<Path> deleted = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(ListSaver::isLeftover).toList()) {
                if (Files.deleteIfExists(file)) {
                    deleted.add(file);
                }
            }
        }
        return deleted;
    }

    private static boolean isLeftover(Path file) {
        return TEMP_NAME.matcher(file.getFileName().toString()).matches()
                && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }
}
