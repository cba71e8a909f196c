package dev.shelf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of a real server, over a socket, answers as {@code /api/openapi.json} says: each real status is one the
 * description gives for that route, and each body validates against that response's schema (networknt, with the
 * document's {@code $ref}s resolved). The successes, and every class of error.
 */
class OpenApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiDescription DESCRIPTION = OpenApiDescription.served();
    @TempDir
    static Path dir;
    private static TestServer server;
    private static ListsServer lists;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.bundled();
        lists = new ListsServer(dir);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        lists.close();
    }

    @Test
    void the_served_description_is_the_resource_with_the_security_headers() {
        HttpResponse<String> response = server.get("/api/openapi.json");

        JsonNode body = answers("GET", "/api/openapi.json", 200, response);
        assertEquals(DESCRIPTION.root, body);
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(""));
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
    }

    @Test
    void searches_of_every_kind_answer_as_described() {
        answers("GET", "/api/search", 200, server.get("/api/search?q=how+do+I+merge+models"));
        answers("GET", "/api/search", 200, server.get("/api/search?keywords=mergekit+model+merging"
                + "&answer=Merging+combines+fine-tuned+models+into+one&explain=true"));
        JsonNode explained = answers("GET", "/api/search", 200,
                server.get("/api/search?q=quantization&k=3&mode=lexical&source=llm-course-zh-tw&explain=true&profile=true"));
        assertTrue(explained.has("profile"), explained.toString());
        answers("GET", "/api/search", 200, server.get("/api/search?q=rotary+position+embeddings&mode=semantic&profile=true"));
        JsonNode moreLike = answers("GET", "/api/search", 200, server.get("/api/search?q=something+like+Ollama&profile=true"));
        assertEquals("Ollama", moreLike.at("/like/title").asText(), moreLike.toString());
    }

    @Test
    void resources_of_each_kind_their_related_sources_and_health_answer_as_described() {
        JsonNode results = answers("GET", "/api/search", 200, server.get("/api/search?q=attention&k=100&mode=lexical"))
                .get("results");
        Map<String, String> oneOfEachKind = new LinkedHashMap<>();
        results.forEach(r -> oneOfEachKind.putIfAbsent(r.get("kind").asText(), r.get("id").asText()));
        assertTrue(oneOfEachKind.size() >= 2, "resources of several kinds: " + oneOfEachKind);
        for (String id : oneOfEachKind.values()) {
            answers("GET", "/api/resources/{id}", 200, server.get("/api/resources/" + id));
            answers("GET", "/api/resources/{id}/related", 200, server.get("/api/resources/" + id + "/related?k=5"));
        }
        answers("GET", "/api/sources", 200, server.get("/api/sources"));
        answers("GET", "/api/health", 200, server.get("/api/health"));
    }

    @Test
    void the_map_and_its_not_modified_answer_as_described() {
        HttpResponse<String> map = server.get("/api/map");
        answers("GET", "/api/map", 200, map);
        String etag = map.headers().firstValue("ETag").orElseThrow();

        answers("GET", "/api/map", 304, lists.send(HttpRequest.newBuilder(URI.create(server.url("/api/map")))
                .header("If-None-Match", etag)));
    }

    @Test
    void a_list_saved_replaced_listed_and_removed_answers_as_described() {
        byte[] list = "# Wombats\n\n* [Wombat care](https://example.org/wombats) how to keep a wombat.\n"
                .getBytes(StandardCharsets.UTF_8);
        answers("PUT", "/api/sources/{name}", 201, lists.put("wombats.md", list));
        answers("PUT", "/api/sources/{name}", 200, lists.put("wombats.md", list));
        JsonNode listed = answers("GET", "/api/sources", 200, lists.send(lists.request("/api/sources")));
        assertTrue(listed.toString().contains("\"state\""), "a writable server says each list's state: " + listed);
        answers("DELETE", "/api/sources/{name}", 204, lists.delete("wombats"));
        answers("DELETE", "/api/sources/{name}", 404, lists.delete("wombats"));
        lists.awaitIdle();
    }

    @Test
    void every_class_of_error_answers_as_described() {
        answers("GET", "/api/search", 400, server.get("/api/search"));
        answers("GET", "/api/search", 400, server.get("/api/search?q=x&k=0"));
        answers("GET", "/api/search", 400, server.get("/api/search?q=x&source=no-such-list"));
        answers("GET", "/api/resources/{id}/related", 400, server.get("/api/resources/x/related?k=101"));
        answers("GET", "/api/resources/{id}", 404, server.get("/api/resources/no-such-id"));
        answers("GET", "/api/resources/{id}/related", 404, server.get("/api/resources/no-such-id/related"));
        answers("GET", "/api/search", 414, server.get("/api/search?q=" + "a".repeat(100_000)));
        HttpResponse<String> unknownRoute = server.get("/api/nothing-here");
        assertEquals(404, unknownRoute.statusCode());
        DESCRIPTION.assertConforms(OpenApiDescription.componentResponse("NotFound"), unknownRoute.body());

        byte[] list = "# A list\n\n* [A](https://example.org/a) a.\n".getBytes(StandardCharsets.UTF_8);
        answers("PUT", "/api/sources/{name}", 403, lists.send(lists.request("/api/sources/refused.md")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(list))));
        answers("DELETE", "/api/sources/{name}", 403, lists.send(lists.request("/api/sources/refused").DELETE()));
        answers("PUT", "/api/sources/{name}", 400, lists.put(".hidden.md", list));
        answers("PUT", "/api/sources/{name}", 413, lists.send(lists.request("/api/sources/big.md")
                .header("X-Requested-With", "shelf").expectContinue(true)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[20 * 1024 * 1024 + 1]))));
        answers("PUT", "/api/sources/{name}", 415, lists.put("binary.md", new byte[] {0, 1, 2, 3, (byte) 0xff}));

        try (TestServer building = TestServer.building()) {
            for (String route : new String[] {"/api/search", "/api/health", "/api/map", "/api/sources"}) {
                answers("GET", route, 503, building.get(route + "?q=x"));
            }
        }
    }

    /**
     * Checks that the description gives this status for the route, that the body validates against its schema (or is
     * empty where it describes none) and that the headers it declares are sent; returns the body read.
     */
    private static JsonNode answers(String method, String route, int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), method + " " + route + " -> " + response.body());
        String pointer = DESCRIPTION.responsePointer(method, route, status);
        for (String header : DESCRIPTION.headers(pointer)) {
            assertTrue(response.headers().firstValue(header).isPresent(), method + " " + route + " " + status + " lacks " + header);
        }
        if (!DESCRIPTION.hasJsonBody(pointer)) {
            assertEquals("", response.body(), method + " " + route + " " + status + " describes no body");
            return null;
        }
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                method + " " + route + " " + status);
        assertFalse(response.body().isBlank(), method + " " + route + " " + status + " has no body");
        DESCRIPTION.assertConforms(pointer, response.body());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
