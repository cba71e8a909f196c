package dev.shelf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.embed.SharedEncoder;
import dev.shelf.search.BundledIndex;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code mvn package} ships, run as a user runs it: the launcher {@code target/shelf} and the unzipped
 * distribution's {@code bin/shelf}, each from a folder other than the repository's, answer a search; plain
 * {@code java -jar target/shelf.jar serve} prints Shelf's own lines and no library's.
 */
class LauncherIT {

    private static final String QUERY = "how do I merge models";

    @TempDir
    Path scratch;

    /** The first answer to the query, asked again while the server is still opening its index (503). */
    private static String search(ServingProcess served) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + served.port() + "/api/search?q=" + QUERY.replace(' ', '+'));
        try (HttpClient http = HttpClient.newHttpClient()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (true) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 || System.nanoTime() > deadline) {
                    assertEquals(200, response.statusCode(), response::body);
                    return response.body();
                }
                Thread.sleep(200);
            }
        }
    }

    /** The bundled index built with the test model, and that model, so that nothing is built again. */
    private static List<String> bundledIndex() {
        return List.of("--index", BundledIndex.get().root().toString(),
                "--models", SharedEncoder.MODEL_DIR.toAbsolutePath().toString());
    }

    @Test
    void the_launcher_serves_from_another_folder_without_the_jvms_incubator_notice() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of("target/shelf").toAbsolutePath().toString(),
                "serve", "--port", "0"));
        command.addAll(bundledIndex());
        ServingProcess served = ServingProcess.start(new ProcessBuilder(command).directory(scratch.toFile()));
        List<String> output;
        try {
            assertTrue(search(served).contains("mergekit"));
        } finally {
            output = served.stop();
        }
        assertTrue(output.stream().noneMatch(l -> l.contains("WARNING")), output::toString);
        assertTrue(output.stream().noneMatch(l -> l.startsWith("tip:")), "the launcher adds the vector module");
    }

    @Test
    void plain_java_jar_prints_only_shelfs_lines_and_how_to_run_faster() throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-jar", Path.of("target/shelf.jar").toAbsolutePath().toString(), "serve", "--port", "0"));
        command.addAll(bundledIndex());
        ServingProcess served = ServingProcess.start(new ProcessBuilder(command));
        List<String> output;
        try {
            // A search runs Lucene's vector code, which announces itself when the vector module is missing.
            assertTrue(search(served).contains("mergekit"));
        } finally {
            output = served.stop();
        }
        assertTrue(output.getFirst().startsWith("tip: ") && output.getFirst().contains("jdk.incubator.vector"),
                output::toString);
        assertEquals(1, output.stream().filter(l -> l.contains("jdk.incubator.vector")).count(), output::toString);
        assertTrue(output.stream().noneMatch(l -> l.contains("WARNING") || l.contains("org.apache.lucene")
                || l.contains("INFO")), output::toString);
    }

    @Test
    void the_unzipped_distribution_searches_its_bundled_lists_from_another_folder() throws Exception {
        Path home = unzip(distribution(), scratch.resolve("unzipped")).toRealPath();
        Path elsewhere = Files.createDirectories(scratch.resolve("elsewhere"));
        // One small model keeps the build short; the lists are the distribution's own, by default.
        Process search = new ProcessBuilder(home.resolve("bin/shelf").toString(), "search", QUERY,
                "--index", "my-index", "--models", home.resolve("models/all-minilm-l6-v2-q").toString())
                .directory(elsewhere.toFile()).redirectErrorStream(true).start();
        String output = new String(search.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(search.waitFor(180, TimeUnit.SECONDS));
        assertEquals(0, search.exitValue(), output);
        assertTrue(output.contains("mergekit"), output);
        assertTrue(output.contains(home.resolve("index/sources").toString()), "built from the bundled lists: " + output);
        assertTrue(Files.isDirectory(elsewhere.resolve("my-index/builds")), "--index is relative to the current folder");
        assertFalse(output.contains("WARNING"), output);
    }

    private static Path distribution() throws IOException {
        try (DirectoryStream<Path> zips = Files.newDirectoryStream(Path.of("target"), "shelf-*.zip")) {
            for (Path zip : zips) {
                return zip;
            }
        }
        throw new AssertionError("no target/shelf-*.zip: run mvn package first");
    }

    /** Unzips into {@code into} and returns the one top folder; the launcher is made executable, as unzip does. */
    private static Path unzip(Path zip, Path into) throws IOException {
        Path top = null;
        try (InputStream file = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(file)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                assertTrue(target.startsWith(into), entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target);
                }
                top = into.resolve(into.relativize(target).getName(0));
            }
        }
        assertTrue(top != null && Files.isRegularFile(top.resolve("bin/shelf")), "bin/shelf in " + zip);
        assertTrue(top.resolve("bin/shelf").toFile().setExecutable(true));
        return top;
    }
}
