package dev.shelf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.search.BundledIndex;
import dev.shelf.search.HostileQueries;
import dev.shelf.search.SearchMode;
import dev.shelf.search.SearchRequest;
import dev.shelf.search.SearchService;
import dev.shelf.search.WellFormed;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated hostile queries ({@link HostileQueries}), seeded and repeatable, through the real model and over HTTP:
 * random Unicode (surrogates, controls, RTL marks), Lucene syntax fragments, huge strings, blanks, percent-encoding
 * garbage, bad and repeated parameters. Every answer of the core is well-formed ({@link WellFormed}); the server never
 * answers 5xx, every rejection is a 4xx JSON error and every 200 a well-formed result page. The search core's own fuzz
 * test with the fake encoder is {@code QueryFuzzTest}, in the unit tier.
 */
class QueryFuzzIT {

    private static final long SEED = HostileQueries.SEED;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The status line and headers of a GET sent byte for byte as given. */
    private static String rawGet(TestServer server, String path) throws java.io.IOException {
        java.net.URI base = java.net.URI.create(server.url("/"));
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = response.indexOf("\r\n\r\n");
            return end < 0 ? response : response.substring(0, end);
        }
    }

    /** A 200 answer of /api/search in lexical mode: at most k results, k of 1..100, scores never rising, ranks given. */
    private static void assertWellFormedPage(JsonNode page, String path) {
        int k = page.get("k").asInt();
        JsonNode results = page.get("results");
        assertEquals("lexical", page.get("mode").asText(), path);
        assertTrue(k >= 1 && k <= SearchRequest.MAX_K, path + " k=" + k);
        assertEquals(Math.min(k, page.get("total").asInt()), results.size(), path);
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode r : results) {
            double score = r.get("score").asDouble();
            assertTrue(score <= previous, path + ": " + score + " after " + previous);
            previous = score;
            assertEquals(score, r.get("lexical").get("score").asDouble(), path);
            assertTrue(r.get("semantic").isNull(), path);
        }
    }

    @Test
    void ten_thousand_generated_queries_through_the_real_model_get_a_well_formed_answer() {
        SearchService service = BundledIndex.get().service();
        Random random = new Random(SEED);
        SearchMode[] modes = SearchMode.values();
        for (int i = 0; i < 10_000; i++) {
            String query = i % 500 == 0 ? "x".repeat(100_000) : i % 97 == 0 ? " \t\n " : HostileQueries.next(random);
            // Most go through BM25; every 20th also through the model, which is the slow part.
            SearchMode mode = i % 20 == 0 ? modes[random.nextInt(modes.length)] : SearchMode.LEXICAL;
            int k = 1 + random.nextInt(SearchRequest.MAX_K);
            SearchRequest request = SearchRequest.of(query, mode, k);
            try {
                WellFormed.check(request, service.search(request));
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("seed " + SEED + ", query #" + i + " " + mode + " k=" + k + ": "
                        + HostileQueries.describe(query), e);
            }
        }
    }

    @Test
    void thousands_of_hostile_requests_get_a_well_formed_200_or_a_4xx_json_error_never_a_5xx() throws Exception {
        Random random = new Random(SEED + 1);
        List<String> badParams = List.of("&k=0", "&k=-5", "&k=999999999999", "&k=abc", "&k=", "&mode=", "&mode=x",
                "&mode=hybrid&mode=lexical", "&k=1&k=2", "&source=", "&source=%00", "&explain=yes", "&q=again", "");
        try (TestServer server = TestServer.bundled()) {
            for (int i = 0; i < 2_000; i++) {
                String q = switch (i % 10) {
                    case 0 -> "%" + Integer.toHexString(random.nextInt(256)) + "%zz%";
                    case 1 -> URLEncoder.encode("y".repeat(490 + random.nextInt(30)), StandardCharsets.UTF_8);
                    default -> URLEncoder.encode(HostileQueries.next(random), StandardCharsets.UTF_8);
                };
                String path = "/api/search?mode=lexical&q=" + q + badParams.get(random.nextInt(badParams.size()));
                if (i % 10 == 0) {
                    // Java's HTTP client refuses malformed escapes, so these go over a raw socket as written.
                    String head = rawGet(server, path);
                    int status = Integer.parseInt(head.substring(9, 12));
                    assertTrue(status == 200 || (status >= 400 && status < 500), "#" + i + " " + path + " -> " + head);
                    continue;
                }
                HttpResponse<String> response = server.get(path);
                int status = response.statusCode();
                assertTrue(status == 200 || (status >= 400 && status < 500), "seed " + (SEED + 1) + " #" + i + " " + path
                        + " -> " + status + " " + response.body());
                JsonNode body = JSON.readTree(response.body());
                if (status == 200) {
                    assertWellFormedPage(body, path);
                } else {
                    assertTrue(body.hasNonNull("error") && body.hasNonNull("message"), path + " -> " + response.body());
                }
            }
            assertEquals(200, server.get("/api/health").statusCode(), "the server still answers");
        }
    }
}
