package dev.shelf.library;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher reports changes in a real folder and its subfolders, new ones included, and passes over temp files. */
class FolderWatcherTest {

    @TempDir
    Path dir;

    @Test
    void which_names_are_passed_over() {
        for (String name : List.of(".hidden.md", ".shelf-upload-123.tmp", "list.md~", "#list.md#", "list.md.swp",
                "list.md.part", "list.md.crdownload", "x.tmp")) {
            assertTrue(FolderWatcher.ignored(name), name);
        }
        for (String name : List.of("list.md", "notes.txt", "temp.md", "a#b.md")) {
            assertFalse(FolderWatcher.ignored(name), name);
        }
    }

    @Test
    void saves_deletes_and_files_in_new_subfolders_are_reported_but_hidden_files_not() throws Exception {
        BlockingQueue<Path> changes = new LinkedBlockingQueue<>();
        try (FolderWatcher watcher = FolderWatcher.start(List.of(dir), changes::add)) {
            Files.writeString(dir.resolve(".draft.tmp"), "x");
            Path list = Files.writeString(dir.resolve("list.md"), "# List");
            awaitChange(changes, list);
            Files.delete(list);
            awaitChange(changes, list);

            Path sub = Files.createDirectory(dir.resolve("sub"));
            awaitChange(changes, sub);
            Path nested = Files.writeString(sub.resolve("nested.md"), "# Nested");
            awaitChange(changes, nested);
        }
        assertTrue(changes.stream().noneMatch(p -> p.getFileName().toString().startsWith(".")), changes::toString);
    }

    private static void awaitChange(BlockingQueue<Path> changes, Path expected) throws InterruptedException {
        while (true) {
            Path change = changes.poll(10, TimeUnit.SECONDS);
            assertTrue(change != null, "no change reported for " + expected);
            assertFalse(change.getFileName().toString().startsWith("."), "a hidden file was reported: " + change);
            if (change.equals(expected)) {
                return;
            }
        }
    }
}
