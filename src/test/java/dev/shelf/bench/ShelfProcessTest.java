package dev.shelf.bench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShelfProcessTest {

    private static final Instant BUILT = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dir;

    private Path file(String name, Instant modified) throws Exception {
        Path file = Files.writeString(dir.resolve(name), name);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @ParameterizedTest(name = "archive written {0} s after the jar: kept {1}")
    @CsvSource({"-60, false", "0, false", "60, true"})
    void an_archive_is_kept_only_when_written_after_the_jar(long secondsAfterJar, boolean kept) throws Exception {
        Path jar = file("shelf.jar", BUILT);
        Path archive = file("shelf.jsa", BUILT.plusSeconds(secondsAfterJar));
        ShelfProcess.dropStaleArchive(archive, jar);
        assertEquals(kept, Files.exists(archive));
        assertTrue(Files.exists(jar));
    }

    @ParameterizedTest(name = "archive written {0} s after a library jar: kept {1}")
    @CsvSource({"-60, false", "0, false", "60, true"})
    void a_library_jar_changed_since_the_archive_makes_it_stale_too(long secondsAfterLibrary, boolean kept)
            throws Exception {
        Path jar = file("shelf.jar", BUILT.minusSeconds(3600));
        Files.createDirectory(dir.resolve("lib"));
        file("lib/lucene-core.jar", BUILT.minusSeconds(7200));
        file("lib/picocli.jar", BUILT);
        file("lib/notes.txt", BUILT.plusSeconds(7200));
        Path archive = file("shelf.jsa", BUILT.plusSeconds(secondsAfterLibrary));
        ShelfProcess.dropStaleArchive(archive, jar);
        assertEquals(kept, Files.exists(archive), "only jars count, and the newest of them");
    }

    @Test
    void no_archive_yet_is_no_error() throws Exception {
        Path jar = file("shelf.jar", BUILT);
        assertDoesNotThrow(() -> ShelfProcess.dropStaleArchive(dir.resolve("shelf.jsa"), jar));
    }
}
