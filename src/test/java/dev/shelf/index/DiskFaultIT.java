package dev.shelf.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.shelf.embed.Encoders;
import dev.shelf.embed.SharedEncoder;
import dev.shelf.pipeline.ListIndexer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build on a full disk or a read-only index folder fails with an error that says so, leaves every byte of the
 * previous index as it was (still answering), leaves nothing half-written behind, and the next build on a healthy disk
 * works. The disk is a real tmpfs mounted for the test (root is needed; CI runs as root), so the errors are the
 * operating system's own ENOSPC and EROFS.
 */
class DiskFaultIT {

    @TempDir
    Path dir;

    private Path disk;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        disk = Files.createDirectories(dir.resolve("disk"));
        if (!run("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", disk.toString())) {
            String why = "mounting a tmpfs needs root (CAP_SYS_ADMIN)";
            if (System.getenv("CI") != null) {
                fail(why + ", which CI has");
            }
            Assumptions.abort(why);
        }
    }

    @AfterEach
    void unmount() throws Exception {
        run("umount", "-l", disk.toString());
    }

    @Test
    void a_full_disk_fails_the_build_clearly_and_leaves_the_previous_index_as_it_was() throws Exception {
        IndexLayout layout = new IndexLayout(disk.resolve("index"));
        build(layout, list("v1", 40));
        Path before = layout.current().orElseThrow();
        Map<String, String> snapshot = snapshot(layout.root());
        Path v2 = list("v2", 60);

        int failures = 0;
        for (long free : new long[] {4 << 10, 64 << 10, 256 << 10, 512 << 10}) {
            long used = Files.getFileStore(disk).getTotalSpace() - Files.getFileStore(disk).getUnallocatedSpace();
            assertTrue(run("mount", "-o", "remount,size=" + (used + free), disk.toString()), "remount");
            try {
                build(layout, v2);
                break;
            } catch (IOException e) {
                failures++;
                assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
                assertTrue(e.getMessage().contains("(" + before.getFileName() + ") is unchanged"), e.getMessage());
                assertEquals(snapshot, snapshot(layout.root()), "with " + free + " bytes free: every file as before,"
                        + " nothing half-written left");
                assertEquals(before, layout.current().orElseThrow());
                assertEquals("https://example.org/v1/7", firstUrl(before, "v1 topic seven"));
            }
        }
        assertTrue(failures >= 2, "the disk was full for at least two of the tries");

        assertTrue(run("mount", "-o", "remount,size=16m", disk.toString()), "remount");
        build(layout, v2);
        assertNotEquals(before, layout.current().orElseThrow());
        assertEquals("https://example.org/v2/55", firstUrl(layout.current().orElseThrow(), "v2 topic fifty-five"));
    }

    @Test
    void a_read_only_index_folder_fails_the_build_clearly_and_the_previous_index_still_answers() throws Exception {
        IndexLayout layout = new IndexLayout(disk.resolve("index"));
        build(layout, list("v1", 20));
        Path before = layout.current().orElseThrow();
        Map<String, String> snapshot = snapshot(layout.root());
        assertTrue(run("mount", "-o", "remount,ro", disk.toString()), "remount read-only");

        Path v2 = list("v2", 20);
        IOException e = assertThrows(IOException.class, () -> build(layout, v2));

        assertTrue(e.getMessage().contains("Read-only file system"), e.getMessage());
        assertTrue(e.getMessage().contains("(" + before.getFileName() + ") is unchanged"), e.getMessage());
        assertEquals(snapshot, snapshot(layout.root()));
        assertEquals("https://example.org/v1/7", firstUrl(before, "v1 topic seven"));

        assertTrue(run("mount", "-o", "remount,rw", disk.toString()), "remount read-write");
        build(layout, v2);
        assertEquals("https://example.org/v2/7", firstUrl(layout.current().orElseThrow(), "v2 topic seven"));
    }

    /** A list of {@code n} links, each with words of its own so that a lexical query finds exactly one. */
    private Path list(String version, int n) throws IOException {
        String[] numbers = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
        StringBuilder markdown = new StringBuilder("# List " + version + "\n\n");
        for (int i = 0; i < n; i++) {
            String words = i < 10 ? numbers[i] : i == 55 ? "fifty-five" : "number-" + i;
            markdown.append("* [").append(version).append(" topic ").append(words).append("](https://example.org/")
                    .append(version).append('/').append(i).append(") notes on ").append(version).append(" item ")
                    .append(words).append(".\n");
        }
        return Files.writeString(dir.resolve("list-" + version + ".md"), markdown);
    }

    private static void build(IndexLayout layout, Path list) throws IOException {
        new ListIndexer(layout, Encoders.of(SharedEncoder.get())).index(List.of(list), true, ingested -> { },
                BuildProgress.NONE);
    }

    private static String firstUrl(Path build, String query) throws IOException {
        try (LuceneChunkIndex index = LuceneChunkIndex.open(build)) {
            return index.resource(index.lexical(query, Set.of(), 1).get(0).resourceId()).orElseThrow().url();
        }
    }

    /**
     * Every file of the index under the folder with its SHA-256. The embedding cache is left out: a build that
     * embedded everything and then hit the full disk may keep the vectors it computed, so the next try is quicker.
     */
    private static Map<String, String> snapshot(Path root) throws Exception {
        Map<String, String> files = new TreeMap<>();
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = new ArrayList<>(walk.filter(Files::isRegularFile)
                    .filter(f -> !f.startsWith(root.resolve("embeddings")) || f.toString().endsWith(".tmp")).toList());
        }
        for (Path file : paths) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file)) {
                sha.update(in.readAllBytes());
            }
            files.put(root.relativize(file).toString(), HexFormat.of().formatHex(sha.digest()));
        }
        return files;
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor() == 0;
    }
}
