package dev.shelf.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.text.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileCheckTest {

    private final List<Path> hashed = new ArrayList<>();
    private final ModelFileCheck check = new ModelFileCheck(file -> {
        hashed.add(file);
        return Sha256.hexOf(file);
    });

    private static Path model(Path dir, String text) throws IOException {
        return Files.writeString(dir.resolve("model.onnx"), text);
    }

    @Test
    void a_file_that_passed_is_not_hashed_again_while_it_is_unchanged(@TempDir Path dir) throws IOException {
        Path file = model(dir, "weights");
        String digest = Sha256.hexOf(file);

        check.check(file, digest);
        check.check(file, digest);
        check.check(file, digest.toUpperCase());

        assertEquals(List.of(file), hashed);
        assertTrue(Files.readString(dir.resolve(ModelFileCheck.STAMP_FILE)).contains("model.onnx=" + digest));
    }

    @Test
    void a_file_rewritten_with_the_same_size_and_date_is_hashed_again_and_caught(@TempDir Path dir) throws IOException {
        Path file = model(dir, "weights");
        String digest = Sha256.hexOf(file);
        check.check(file, digest);
        FileTime date = Files.getLastModifiedTime(file);
        ModelFileCheck.FileState checked = ModelFileCheck.FileState.of(file, digest).orElseThrow();

        // Rewritten until the change time moves: a file system with a coarse clock can give a write in the same tick
        // the same change time (the limit the class documents).
        do {
            Files.writeString(file, "WEIGHTS");
            Files.setLastModifiedTime(file, date);
        } while (ModelFileCheck.FileState.of(file, digest).orElseThrow().changeNanos() == checked.changeNanos()
                && sleptAMoment());

        ModelException e = assertThrows(ModelException.class, () -> check.check(file, digest));
        assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains(file.toString()), e.getMessage());
        assertEquals(2, hashed.size());
    }

    private static boolean sleptAMoment() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    @Test
    void a_passed_check_leaves_a_stamp_anyone_can_read_and_no_temporary_file(@TempDir Path dir) throws IOException {
        Path file = model(dir, "weights");

        check.check(file, Sha256.hexOf(file));

        assertEquals("rw-r--r--", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(ModelFileCheck.STAMP_FILE))));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(".verified", "model.onnx"),
                    left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void a_damaged_file_leaves_no_stamp_and_fails_every_time(@TempDir Path dir) throws IOException {
        Path file = model(dir, "weights");
        String other = Sha256.hex("other weights");

        assertThrows(ModelException.class, () -> check.check(file, other));
        assertThrows(ModelException.class, () -> check.check(file, other));

        assertEquals(2, hashed.size());
        assertTrue(Files.notExists(dir.resolve(ModelFileCheck.STAMP_FILE)));
    }

    @Test
    void a_stamp_for_another_expected_digest_vouches_for_nothing(@TempDir Path dir) throws IOException {
        Path file = model(dir, "weights");
        check.check(file, Sha256.hexOf(file));

        assertThrows(ModelException.class, () -> check.check(file, Sha256.hex("a newer model")));
        assertEquals(2, hashed.size());
    }

    @Test
    void an_unreadable_stamp_means_hashing_again(@TempDir Path dir) throws IOException {
        Path file = model(dir, "weights");
        Files.writeString(dir.resolve(ModelFileCheck.STAMP_FILE), "model.onnx=\\u12");

        check.check(file, Sha256.hexOf(file));

        assertEquals(List.of(file), hashed);
    }

    @Test
    void a_folder_that_cannot_hold_a_stamp_still_checks(@TempDir Path dir) throws IOException {
        Path file = model(dir, "weights");
        // A folder where the stamp would go: the stamp cannot be written, and the check must not care.
        Files.createDirectory(dir.resolve(ModelFileCheck.STAMP_FILE));

        check.check(file, Sha256.hexOf(file));
        check.check(file, Sha256.hexOf(file));

        assertEquals(2, hashed.size());
        try (var left = Files.list(dir)) {
            assertEquals(2, left.count(), "no temporary file is left behind");
        }
    }
}
