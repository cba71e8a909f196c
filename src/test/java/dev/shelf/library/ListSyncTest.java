package dev.shelf.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.library.ListSync.Action;
import dev.shelf.pipeline.ListIndexer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another server's lists merged into this one's folder: three ways per file name, this server's edits kept. */
class ListSyncTest {

    @Test
    void the_side_that_left_a_file_as_it_was_yields_to_the_other() {
        Map<String, String> ancestor = Map.of("kept.md", "1", "theirs-changed.md", "1", "ours-changed.md", "1",
                "theirs-removed.md", "1", "ours-removed.md", "1", "both-changed.md", "1");
        Map<String, String> ours = Map.of("kept.md", "1", "theirs-changed.md", "1", "ours-changed.md", "2",
                "theirs-removed.md", "1", "both-changed.md", "2", "ours-added.md", "1");
        Map<String, String> theirs = Map.of("kept.md", "1", "theirs-changed.md", "2", "ours-changed.md", "1",
                "ours-removed.md", "1", "both-changed.md", "3", "theirs-added.md", "1");
        assertEquals(Map.of("theirs-changed.md", Action.TAKE, "theirs-removed.md", Action.REMOVE,
                "theirs-added.md", Action.TAKE), ListSync.plan(ancestor, ours, theirs));
    }

    @Test
    void a_server_that_never_merged_adds_what_it_lacks_removes_nothing_and_later_keeps_its_edits(@TempDir Path dir)
            throws IOException {
        Path folder = Files.createDirectories(dir.resolve("sources"));
        Files.writeString(folder.resolve("local.md"), "# Local\n\n- [A](https://a.example)\n");
        Files.writeString(folder.resolve("shared.md"), "# Shared\n\n- [Old](https://old.example)\n");
        Path build = dir.resolve("build-1");
        Path lists = Files.createDirectories(build.resolve(ListIndexer.BUILD_LISTS));
        Files.writeString(lists.resolve("shared.md"), "# Shared\n\n- [New](https://new.example)\n");
        Files.writeString(lists.resolve("upload.md"), "# Upload\n\n- [U](https://u.example)\n");
        ListSync sync = new ListSync(folder, dir.resolve("lists-base"));

        Map<Path, Action> first = sync.merge(build);

        // Both sides have shared.md, differently: with no ancestor, this server's stays (its build comes next).
        assertEquals(Map.of(folder.resolve("upload.md"), Action.TAKE), first);
        assertTrue(Files.exists(folder.resolve("local.md")));
        assertTrue(Files.readString(folder.resolve("shared.md")).contains("Old"));
        // Now the ancestor is the build's lists: another server's removal of upload.md is taken.
        Path next = dir.resolve("build-2");
        Files.createDirectories(next.resolve(ListIndexer.BUILD_LISTS));
        Files.copy(lists.resolve("shared.md"), next.resolve(ListIndexer.BUILD_LISTS).resolve("shared.md"));
        assertEquals(Map.of(folder.resolve("upload.md"), Action.REMOVE), sync.merge(next));
        assertFalse(Files.exists(folder.resolve("upload.md")));
        // This server edits a list; a build that does not know of the edit does not undo it.
        Files.writeString(folder.resolve("local.md"), "# Local\n\n- [Edited](https://e.example)\n");
        assertEquals(Map.of(), sync.merge(next));
        assertTrue(Files.readString(folder.resolve("local.md")).contains("Edited"));
    }
}
