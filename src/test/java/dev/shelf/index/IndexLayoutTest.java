package dev.shelf.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which build is served, and when a new one must be made first. */
class IndexLayoutTest {

    @TempDir
    Path dir;

    private Path build(IndexLayout layout, String name, int format) throws IOException {
        Path build = Files.createDirectories(layout.builds().resolve(name));
        new BuildInfo(format, "2026-01-01T00:00:00Z", "model", 4, List.of(new BuildInfo.ModelInfo("model", 4, 1),
                new BuildInfo.ModelInfo("model-zh", 8, 0)), 1, 1, List.of(), null).write(build);
        return build;
    }

    @Test
    void a_folder_without_current_has_no_build_and_needs_one() {
        IndexLayout layout = new IndexLayout(dir);
        assertEquals(Optional.empty(), layout.current());
        assertTrue(layout.needsBuild());
    }

    @Test
    void the_build_current_names_is_served_and_needs_nothing_when_of_this_format() throws IOException {
        IndexLayout layout = new IndexLayout(dir);
        Path build = build(layout, "build-1", BuildInfo.FORMAT);
        layout.switchTo(build);
        assertEquals(Optional.of(build), layout.current());
        assertFalse(layout.needsBuild());
    }

    @Test
    void a_build_without_the_vector_field_of_a_model_in_use_must_be_built_again() throws IOException {
        IndexLayout layout = new IndexLayout(dir);
        layout.switchTo(build(layout, "build-1", BuildInfo.FORMAT));
        assertFalse(layout.needsBuild(List.of("model", "model-zh")));
        assertTrue(layout.needsBuild(List.of("model", "another-model")));
    }

    @Test
    void a_build_of_an_older_format_is_still_named_but_must_be_built_again() throws IOException {
        IndexLayout layout = new IndexLayout(dir);
        Path old = build(layout, "build-old", BuildInfo.FORMAT - 1);
        layout.switchTo(old);
        assertEquals(Optional.of(old), layout.current(), "the server still reports it rather than ignoring it");
        assertTrue(layout.needsBuild());
    }

    @Test
    void a_build_json_without_a_format_is_read_as_format_0() throws IOException {
        IndexLayout layout = new IndexLayout(dir);
        Path build = Files.createDirectories(layout.builds().resolve("build-unnumbered"));
        Files.writeString(build.resolve(BuildInfo.FILE), "{\"indexedAt\": \"x\", \"model\": \"m\", \"dimensions\": 4}");
        assertEquals(0, BuildInfo.read(build).format());
        layout.switchTo(build);
        assertTrue(layout.needsBuild());
    }
}
