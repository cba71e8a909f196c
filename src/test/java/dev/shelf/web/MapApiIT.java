package dev.shelf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.map.TopicMap;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/map} over a real socket: the bundled map, its ETag, a build without a map, no build yet. */
class MapApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<String> get(TestServer server, String etag) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url("/api/map")));
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_map_of_the_bundled_lists_has_every_work_once_and_its_etag_answers_304() throws Exception {
        try (TestServer server = TestServer.bundled()) {
            HttpResponse<String> first = get(server, null);
            assertEquals(200, first.statusCode());
            JsonNode body = JSON.readTree(first.body());
            // One point per work: every resource is a point or a copy of exactly one point's work.
            java.util.Set<String> points = new java.util.HashSet<>();
            body.get("points").forEach(p -> points.add(p.get("id").asText()));
            int copies = 0;
            for (String id : points) {
                for (JsonNode copy : JSON.readTree(server.get("/api/resources/" + id).body()).get("copies")) {
                    assertFalse(points.contains(copy.get("id").asText()), "a copy of " + id + " is a point too");
                    copies++;
                }
            }
            assertTrue(copies > 0, "the bundled lists hold copies of one work");
            assertEquals(JSON.readTree(server.get("/api/health").body()).get("resources").asInt(),
                    points.size() + copies);
            JsonNode point = body.get("points").get(0);
            for (String field : new String[] {"id", "x", "y", "cluster", "title", "sources"}) {
                assertTrue(point.has(field), field);
            }
            JsonNode cluster = body.get("clusters").get(0);
            for (String field : new String[] {"id", "label", "size", "x", "y"}) {
                assertTrue(cluster.has(field), field);
            }
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertTrue(etag.startsWith("\"") && etag.endsWith("\""), etag);
            assertTrue(first.headers().firstValue("Content-Security-Policy").isPresent());

            HttpResponse<String> again = get(server, etag);
            assertEquals(304, again.statusCode());
            assertEquals("", again.body());
            assertEquals(200, get(server, "\"something else\"").statusCode());
        }
    }

    @Test
    void a_build_made_before_maps_existed_answers_404_with_a_json_error(@TempDir Path dir) throws Exception {
        try (TestServer server = TestServer.ofList(dir, "# List\n\n* [Quantization](https://example.org/q) - int4 weights\n")) {
            try (Stream<Path> maps = Files.walk(dir.resolve("index"))) {
                for (Path map : maps.filter(p -> p.getFileName().toString().equals(TopicMap.FILE)).toList()) {
                    Files.delete(map);
                }
            }
            HttpResponse<String> response = get(server, null);
            assertEquals(404, response.statusCode());
            assertEquals("no_map", JSON.readTree(response.body()).get("error").asText());
            assertEquals(200, server.get("/api/search?q=quantization").statusCode(), "everything else still serves");
        }
    }

    @Test
    void while_the_first_index_is_built_it_answers_503() throws Exception {
        try (TestServer server = TestServer.building()) {
            HttpResponse<String> response = get(server, null);
            assertEquals(503, response.statusCode());
            assertEquals("index_building", JSON.readTree(response.body()).get("error").asText());
        }
    }
}
