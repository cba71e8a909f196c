package dev.shelf.bench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShelfProcessTest {

    private static final Instant BUILT = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dir;

    private Path file(String name, Instant modified) throws Exception {
        Path file = Files.writeString(dir.resolve(name), name);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void an_archive_older_than_the_jar_is_deleted() throws Exception {
        Path jar = file("shelf.jar", BUILT);
        Path archive = file("shelf.jsa", BUILT.minusSeconds(60));
        ShelfProcess.dropStaleArchive(archive, jar);
        assertFalse(Files.exists(archive));
        assertTrue(Files.exists(jar));
    }

    @Test
    void an_archive_written_after_the_jar_is_kept() throws Exception {
        Path jar = file("shelf.jar", BUILT);
        Path archive = file("shelf.jsa", BUILT.plusSeconds(60));
        ShelfProcess.dropStaleArchive(archive, jar);
        assertTrue(Files.exists(archive));
    }

    @Test
    void an_archive_as_old_as_the_jar_is_deleted_too() throws Exception {
        Path jar = file("shelf.jar", BUILT);
        Path archive = file("shelf.jsa", BUILT);
        ShelfProcess.dropStaleArchive(archive, jar);
        assertFalse(Files.exists(archive));
    }

    @Test
    void no_archive_yet_is_no_error() throws Exception {
        Path jar = file("shelf.jar", BUILT);
        assertDoesNotThrow(() -> ShelfProcess.dropStaleArchive(dir.resolve("shelf.jsa"), jar));
    }
}
