package dev.shelf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding and removing lists over HTTP on a real server with the real model, and through its watched folder: saves
 * answer 201 or 200 and become searchable, removals 204 and disappear, and every refused write leaves the folder as
 * it was, byte for byte.
 */
class SourceRoutesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX = 20L * 1024 * 1024;
    @TempDir
    static Path dir;
    private static ListsServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new ListsServer(dir);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private static byte[] list(String word) {
        return ("# The " + word + " list\n\n* [Everything about " + word + "](https://example.org/" + word + ") a guide to "
                + word + " for beginners.\n* [Advanced " + word + "](https://example.org/" + word + "/advanced) deeper"
                + " notes on " + word + ".\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Every file of the folder (hidden ones too) with its bytes. */
    private static Map<String, String> folder() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(server.lists)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(server.lists.relativize(file).toString(), Arrays.toString(Files.readAllBytes(file)));
            }
        }
        return files;
    }

    private static JsonNode assertError(HttpResponse<String> response, int status, String code) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertEquals(code, body.path("error").asText(), response.body());
        assertFalse(body.path("message").asText().isBlank());
        return body;
    }

    @Test
    void a_new_list_answers_201_becomes_searchable_and_a_second_save_answers_200() throws IOException {
        server.awaitIdle();
        int before = server.builds.get();
        HttpResponse<String> created = server.put("quokka%20notes.md", list("quokka"));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode body = JSON.readTree(created.body());
        assertEquals("quokka-notes", body.get("id").asText());
        assertEquals("quokka notes", body.get("name").asText());
        assertEquals(server.lists.resolve("quokka notes.md").toString(), body.get("file").asText());
        assertEquals("indexing", body.get("state").asText());
        server.awaitTitles("quokka", titles -> titles.contains("Everything about quokka"));
        server.awaitIdle(); // found by words first; ready once its passages are embedded

        JsonNode state = stream(server.json("/api/sources")).filter(s -> s.get("id").asText().equals("quokka-notes"))
                .findFirst().orElseThrow();
        assertEquals(List.of("id", "name", "file", "format", "resources", "state"), fieldNames(state));
        assertEquals("markdown", state.get("format").asText());
        assertEquals(2, state.get("resources").asInt());
        assertEquals("The quokka list", state.get("name").asText());
        assertEquals(before + 1, server.builds.get(), "one build for the save, none for the watcher's echo of it");

        HttpResponse<String> replaced = server.put("quokka%20notes.md", list("wombat"));
        assertEquals(200, replaced.statusCode(), replaced.body());
        server.awaitTitles("wombat", titles -> titles.contains("Everything about wombat"));
        assertEquals(List.of(), server.titles("quokka"));
    }

    @Test
    void a_removed_list_answers_204_and_its_resources_leave_the_index() throws IOException {
        assertEquals(201, server.put("numbat.md", list("numbat")).statusCode());
        server.awaitTitles("numbat", titles -> titles.contains("Everything about numbat"));
        HttpResponse<String> removed = server.delete("numbat");
        assertEquals(204, removed.statusCode(), removed.body());
        assertFalse(Files.exists(server.lists.resolve("numbat.md")));
        server.awaitTitles("numbat", List::isEmpty);
        assertTrue(stream(server.json("/api/sources")).noneMatch(s -> s.get("id").asText().equals("numbat")));
        assertError(server.delete("numbat"), 404, "not_found");
    }

    @Test
    void a_list_saved_into_the_folder_by_hand_is_indexed_and_its_deletion_too() throws IOException {
        Path file = server.lists.resolve("sub").resolve("bilby.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, list("bilby"));
        server.awaitTitles("bilby", titles -> titles.contains("Everything about bilby"));
        Files.delete(file);
        server.awaitTitles("bilby", List::isEmpty);
    }

    @Test
    void every_refused_write_answers_its_error_and_leaves_the_folder_untouched() throws Exception {
        Map<String, String> before = folder();
        byte[] good = list("refused");

        assertError(server.put("%20%20.md".replace(".md", ""), good), 400, "bad_file_name"); // blank
        assertError(server.put("a".repeat(253) + ".md", good), 400, "bad_file_name");
        assertError(server.put("%C3%A9".repeat(127) + ".md", good), 400, "bad_file_name"); // 257 bytes in 130 chars
        assertError(server.put("a%5Cb.md", good), 400, "bad_file_name");
        assertError(server.put("notes..md", good), 400, "bad_file_name");
        assertError(server.put("a%0Ab.md", good), 400, "bad_file_name");
        assertError(server.put(".hidden.md", good), 400, "bad_file_name");
        // An encoded slash is refused by Jetty before it reaches the route, in the API's error shape.
        HttpResponse<String> slash = server.put("a%2Fb.md", good);
        assertEquals(400, slash.statusCode(), slash.body());

        assertError(server.send(server.request("/api/sources/refused.md").PUT(HttpRequest.BodyPublishers.ofByteArray(good))),
                403, "forbidden");
        assertError(server.send(server.request("/api/sources/refused.md").header("X-Requested-With", "shelf")
                .header("Origin", "http://evil.example").PUT(HttpRequest.BodyPublishers.ofByteArray(good))), 403, "forbidden");
        assertError(server.send(server.request("/api/sources/refused.md").header("X-Requested-With", "shelf")
                .header("Origin", "http://127.0.0.1:1").PUT(HttpRequest.BodyPublishers.ofByteArray(good))), 403, "forbidden");
        assertError(server.send(server.request("/api/sources/" + ListsServer.SEED_LIST.replace(".md", ""))
                .DELETE()), 403, "forbidden");

        assertError(server.send(server.request("/api/sources/big.md").header("X-Requested-With", "shelf").expectContinue(true)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) MAX + 1]))), 413, "too_large");
        // Without a length given up front, the body is counted as it comes.
        byte[] big = new byte[(int) MAX + 1];
        Arrays.fill(big, (byte) 'a');
        assertError(server.send(server.request("/api/sources/big.md").header("X-Requested-With", "shelf")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))), 413, "too_large");

        String refusal = assertError(server.put("list.pdf", good), 415, "unsupported_format").path("message").asText();
        for (String format : List.of("Markdown", "plain-text outline", "bookmark HTML", "CSV or TSV", "OPML", "BibTeX")) {
            assertTrue(refusal.contains(format), refusal);
        }
        assertError(server.put("binary.md", new byte[] {0, 1, 2, 3, (byte) 0xff}), 415, "unsupported_format");
        assertError(server.put("empty.md", new byte[0]), 415, "unsupported_format");

        assertError(server.delete("no-such-list"), 404, "not_found");

        assertEquals(before, folder(), "a refused write changed the folder");
        assertTrue(stream(server.json("/api/sources")).noneMatch(s -> s.get("file").asText().contains("refused")));
    }

    @Test
    void a_save_just_under_the_cap_is_accepted() throws IOException {
        byte[] body = new byte[(int) MAX];
        byte[] head = list("dugong");
        Arrays.fill(body, (byte) ' ');
        System.arraycopy(head, 0, body, 0, head.length);
        HttpResponse<String> saved = server.put("dugong.md", body);
        assertEquals(201, saved.statusCode(), saved.body());
        assertEquals(MAX, Files.size(server.lists.resolve("dugong.md")));
        assertEquals(204, server.delete("dugong").statusCode());
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
