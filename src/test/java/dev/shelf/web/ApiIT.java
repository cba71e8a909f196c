package dev.shelf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every route and every error case of the API, over HTTP against a real server. */
class ApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.bundled();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static void assertError(String path, int status, String code) throws IOException {
        HttpResponse<String> response = server.get(path);
        assertEquals(status, response.statusCode(), path + " -> " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
        JsonNode body = json(response);
        assertEquals(code, body.get("error").asText(), path);
        assertFalse(body.get("message").asText().isBlank(), path);
        assertFalse(response.body().contains("Exception") || response.body().contains("at dev.shelf"), "no stack trace");
    }

    @Test
    void search_answers_in_the_contracts_shape_with_mergekit_first_for_merging() throws IOException {
        HttpResponse<String> response = server.get("/api/search?q=how+do+I+merge+models");
        assertEquals(200, response.statusCode());
        JsonNode body = json(response);
        assertEquals(List.of("query", "mode", "k", "total", "tookMs", "results", "facets"), fieldNames(body));
        assertEquals("how do I merge models", body.get("query").asText());
        assertEquals("hybrid", body.get("mode").asText());
        assertEquals(10, body.get("k").asInt());
        JsonNode first = body.get("results").get(0);
        assertEquals(List.of("id", "title", "url", "links", "description", "snippet", "kind", "section", "sources", "metadata",
                "copies", "score", "lexical", "semantic", "lists"), fieldNames(first));
        assertEquals(List.of("id", "name", "section", "line"), fieldNames(first.get("sources").get(0)));
        assertEquals(List.of("rank", "score"), fieldNames(first.get("lexical")));
        long mergekitInTop3 = 0;
        for (int i = 0; i < 3; i++) {
            JsonNode r = body.get("results").get(i);
            if ((r.get("title").asText() + r.get("description").asText()).toLowerCase().contains("mergekit")) {
                mergekitInTop3++;
            }
        }
        assertTrue(mergekitInTop3 >= 2, body.get("results").toString());
    }

    @Test
    void keywords_and_an_answer_find_mergekit_with_or_without_the_question_each_under_its_own_lists()
            throws IOException {
        String keywords = "keywords=" + URLEncoder.encode("mergekit model merging", StandardCharsets.UTF_8);
        String answer = "answer=" + URLEncoder.encode("Model merging combines the weights of several fine-tuned models "
                + "into one model without training, with methods such as SLERP, TIES and DARE.", StandardCharsets.UTF_8);
        for (String query : List.of(keywords + "&" + answer, "q=how+do+I+merge+models&" + keywords + "&" + answer)) {
            JsonNode body = json(server.get("/api/search?" + query));
            JsonNode first = body.get("results").get(0);
            assertTrue((first.get("title").asText() + first.get("description").asText()).toLowerCase()
                    .contains("mergekit"), query + " -> " + body.get("results"));
            List<String> lists = new ArrayList<>();
            first.get("lists").forEach(list -> lists.add(list.get("list").asText()));
            assertTrue(lists.contains("keywords lexical"), lists.toString());
            assertTrue(lists.stream().anyMatch(list -> list.startsWith("answer ")), lists.toString());
            assertEquals(query.startsWith("q="), lists.contains("lexical"), lists.toString());
        }
    }

    @Test
    void the_mergekit_article_is_one_result_carrying_its_two_other_copies_and_each_copy_names_its_group()
            throws IOException {
        JsonNode body = json(server.get("/api/search?q=how+do+I+merge+models"));
        List<JsonNode> articles = new ArrayList<>();
        body.get("results").forEach(r -> {
            if (r.get("title").asText().toLowerCase().matches("merge (llms|large language models) with mergekit.*")) {
                articles.add(r);
            }
        });
        assertEquals(1, articles.size(), body.get("results").toString());
        JsonNode copies = articles.get(0).get("copies");
        assertEquals(2, copies.size(), copies.toString());
        List<String> urls = new ArrayList<>();
        urls.add(articles.get(0).get("url").asText());
        for (JsonNode copy : copies) {
            urls.add(copy.get("url").asText());
            assertFalse(copy.get("title").asText().isBlank());
            assertFalse(copy.get("sources").isEmpty());
        }
        assertEquals(3, urls.stream().distinct().count(), urls.toString());
        assertTrue(urls.contains("https://huggingface.co/blog/mlabonne/merge-models"), urls.toString());
        assertTrue(urls.contains("https://towardsdatascience.com/merge-large-language-models-with-mergekit-2118fb392b54"));

        // Each copy, asked for on its own, names the other two.
        for (JsonNode copy : copies) {
            JsonNode resource = json(server.get("/api/resources/" + copy.get("id").asText()));
            assertEquals(copy.get("url").asText(), resource.get("url").asText());
            assertEquals(2, resource.get("copies").size(), resource.toString());
        }
        // Related articles of a copy are never the same work.
        JsonNode related = json(server.get("/api/resources/" + articles.get(0).get("id").asText() + "/related?k=10"));
        related.get("results").forEach(r -> assertFalse(urls.contains(r.get("url").asText()), r.toString()));

        // Asked to, the search ranks each copy on its own, and counts them apart.
        JsonNode separate = json(server.get("/api/search?q=how+do+I+merge+models&k=20&copies=separate"));
        long shown = 0;
        for (JsonNode r : separate.get("results")) {
            shown += urls.contains(r.get("url").asText()) ? 1 : 0;
        }
        assertEquals(3, shown, separate.get("results").toString());
        assertTrue(separate.get("total").asInt() > body.get("total").asInt());
        assertError("/api/search?q=x&copies=some", 400, "bad_parameter");
    }

    @Test
    void more_like_x_names_x_in_the_answer_leaves_it_out_and_fuses_its_related_lists() throws IOException {
        JsonNode body = json(server.get("/api/search?q=something+like+Ollama&profile=true"));
        assertEquals(List.of("query", "mode", "k", "total", "tookMs", "results", "facets", "like", "profile"),
                fieldNames(body));
        assertEquals("Ollama", body.at("/like/title").asText());
        String ollama = body.at("/like/id").asText();
        List<String> lists = new ArrayList<>();
        for (JsonNode r : body.get("results")) {
            assertNotEquals(ollama, r.get("id").asText(), "X itself is left out");
            r.get("lists").forEach(l -> lists.add(l.get("list").asText()));
        }
        assertTrue(lists.contains("like lexical") && lists.contains("like bge-small-en-v15-q"), lists::toString);
        assertTrue(body.at("/profile/stagesMs").has("more like"), body.at("/profile").toString());
    }

    @Test
    void profile_true_adds_the_milliseconds_of_each_stage_and_the_total() throws IOException {
        // A query no other test asks, so its vector is not cached yet: the first answer encodes it, the second not.
        String path = "/api/search?q=profile+of+a+hybrid+search&profile=true";
        JsonNode first = json(server.get(path));
        assertEquals(List.of("query", "mode", "k", "total", "tookMs", "results", "facets", "profile"), fieldNames(first));
        String model = "bge-small-en-v15-q";
        assertEquals(List.of("lexical", "models wait", "encode " + model, "vector " + model, "fusion", "stored fields",
                "snippets", "facets"), fieldNames(first.at("/profile/stagesMs")));
        // The model's encode and vector search run on another thread beside the lexical list: the stages of the
        // search's own thread fit in the total, and so does the model's work.
        double sequential = 0;
        for (String stage : List.of("lexical", "models wait", "fusion", "stored fields", "snippets", "facets")) {
            double ms = first.at("/profile/stagesMs/" + stage).asDouble();
            assertTrue(ms >= 0, first.toString());
            sequential += ms;
        }
        double total = first.at("/profile/totalMs").asDouble();
        assertTrue(total >= sequential, "the search thread's stages fit in the total: " + first);
        assertTrue(total >= first.at("/profile/stagesMs/encode " + model).asDouble()
                + first.at("/profile/stagesMs/vector " + model).asDouble(), first.toString());
        JsonNode again = json(server.get(path));
        assertTrue(again.at("/profile/stagesMs").has("encode (cached) " + model), again.toString());
        assertFalse(again.at("/profile/stagesMs").has("encode " + model), again.toString());
        assertEquals(List.of("lexical", "fusion", "stored fields", "snippets", "facets"),
                fieldNames(json(server.get("/api/search?q=gguf&mode=lexical&profile=true")).at("/profile/stagesMs")));
        assertFalse(json(server.get("/api/search?q=gguf")).has("profile"), "no profile unless asked");
        assertError("/api/search?q=x&profile=yes", 400, "bad_parameter");
    }

    @Test
    void search_takes_k_mode_and_source_filters() throws IOException {
        JsonNode body = json(server.get("/api/search?q=quantization&k=3&mode=lexical&source=llm-course-zh-tw&explain=true"));
        assertEquals(3, body.get("results").size());
        assertEquals("lexical", body.get("mode").asText());
        for (JsonNode r : body.get("results")) {
            assertTrue(r.get("semantic").isNull());
            assertTrue(r.get("sources").toString().contains("llm-course-zh-tw"));
        }
        // Facets count every list that mentions a matching resource, including other lists of a shared article.
        assertEquals(body.get("total").asInt(), body.get("facets").get("llm-course-zh-tw").asInt());
    }

    @Test
    void resources_related_sources_and_health_answer() throws IOException {
        JsonNode first = json(server.get("/api/search?q=abliteration&k=1")).get("results").get(0);
        String id = first.get("id").asText();
        JsonNode resource = json(server.get("/api/resources/" + id));
        assertEquals(first.get("title").asText(), resource.get("title").asText());
        assertEquals(List.of("id", "title", "url", "links", "description", "kind", "section", "sources", "metadata",
                "copies"),
                fieldNames(resource));

        JsonNode related = json(server.get("/api/resources/" + id + "/related?k=4"));
        assertEquals(id, related.get("id").asText());
        assertEquals(4, related.get("results").size());

        JsonNode sources = json(server.get("/api/sources"));
        assertEquals(5, sources.size());
        assertEquals(List.of("id", "name", "file", "resources"), fieldNames(sources.get(0)));

        JsonNode health = json(server.get("/api/health"));
        assertEquals("ok", health.get("status").asText());
        assertEquals(List.of("status", "resources", "chunks", "model", "indexedAt"), fieldNames(health));
        assertEquals("bge-small-en-v15-q", health.get("model").asText());
    }

    @Test
    void every_bad_parameter_is_a_400_json_error() throws IOException {
        assertError("/api/search", 400, "missing_parameter");
        assertError("/api/search?q=", 400, "missing_parameter");
        assertError("/api/search?q=%20%20", 400, "missing_parameter");
        assertError("/api/search?q=" + "a".repeat(501), 400, "bad_parameter");
        assertError("/api/search?keywords=" + "a".repeat(501), 400, "bad_parameter");
        assertError("/api/search?q=x&answer=" + "a".repeat(501), 400, "bad_parameter");
        assertError("/api/search?keywords=%20&answer=", 400, "missing_parameter");
        for (String k : List.of("0", "101", "-1", "ten", "1.5", "99999999999")) {
            assertError("/api/search?q=x&k=" + k, 400, "bad_parameter");
        }
        assertError("/api/search?q=x&mode=fuzzy", 400, "bad_parameter");
        assertError("/api/search?q=x&explain=maybe", 400, "bad_parameter");
        assertError("/api/search?q=x&q=y", 400, "bad_parameter");
        assertError("/api/resources/anything/related?k=0", 400, "bad_parameter");
        HttpResponse<String> unknownSource = server.get("/api/search?q=x&source=nope");
        assertEquals(400, unknownSource.statusCode());
        assertTrue(json(unknownSource).get("message").asText().contains("llm-powerhouse"), "names the valid sources");
    }

    @Test
    void unknown_ids_and_routes_are_404_json_errors() throws IOException {
        assertError("/api/resources/no-such-id", 404, "not_found");
        assertError("/api/resources/no-such-id/related", 404, "not_found");
        assertError("/api/nothing-here", 404, "not_found");
    }

    @Test
    void while_the_first_index_is_built_the_api_answers_503_with_retry_after() throws IOException {
        try (TestServer building = TestServer.building()) {
            HttpResponse<String> response = building.get("/api/search?q=x");
            assertEquals(503, response.statusCode());
            assertEquals("index_building", json(response).get("error").asText());
            assertTrue(response.headers().firstValue("Retry-After").isPresent());
            assertEquals(503, building.get("/api/health").statusCode());
        }
    }

    @Test
    void queries_with_syntax_characters_and_unicode_are_answered_not_rejected() throws IOException {
        for (String q : List.of("\"unbalanced", "title:", "(a OR b", "AND", "*", "-", "模型合併", "a\\b", "%", "<script>")) {
            HttpResponse<String> response = server.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertEquals(200, response.statusCode(), q + " -> " + response.body());
        }
    }

    @Test
    void responses_are_gzipped_when_asked_and_carry_security_headers_and_no_cors() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/api/search?q=lora&k=50")))
                .header("Accept-Encoding", "gzip").header("Origin", "https://evil.example").build();
        HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElse(""));
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(""));
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").contains("connect-src 'self'"));
        assertTrue(response.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    @Test
    void static_files_are_served_from_web_only() {
        assertEquals(200, server.get("/").statusCode());
        assertTrue(server.get("/").body().contains("<title>Shelf"));
        assertEquals(200, server.get("/app.js").statusCode());
        for (String path : List.of("/../pom.xml", "/%2e%2e/pom.xml", "/..%2fpom.xml", "/%2e%2e%2fREADME.md", "/web/../pom.xml")) {
            HttpResponse<String> response = server.get(path);
            assertFalse(response.statusCode() == 200 && response.body().contains("<modelVersion>"), path);
            assertTrue(response.statusCode() >= 400 || !response.body().contains("dev.shelf"), path);
        }
    }

    @Test
    void the_ui_page_carries_a_strict_csp_and_the_other_security_headers() {
        HttpResponse<String> page = server.get("/");
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("connect-src 'self'")
                && csp.contains("default-src 'self'") && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), csp);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));
        assertFalse(page.body().matches("(?s).*<script>.*|.*<script(?![^>]*\\bsrc=)[^>]*>.*"), "no inline script in the page");
        assertFalse(page.body().contains(" onclick=") || page.body().contains(" onload="), "no inline handlers");
    }

    @Test
    void folders_are_never_listed(@org.junit.jupiter.api.io.TempDir Path web) throws Exception {
        java.nio.file.Files.writeString(web.resolve("index.html"), "<!doctype html><title>t</title>");
        java.nio.file.Files.createDirectories(web.resolve("private"));
        java.nio.file.Files.writeString(web.resolve("private").resolve("secret-notes.txt"), "secret");
        io.javalin.Javalin app = WebApp.create(ServiceProvider.none(), web).start("127.0.0.1", 0);
        try {
            var client = java.net.http.HttpClient.newHttpClient();
            for (String path : List.of("/private/", "/private", "/private/.", "/./private/")) {
                HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:" + app.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertFalse(response.body().contains("secret-notes"), path + " lists the folder: " + response.body());
                assertTrue(response.statusCode() >= 300, path + " -> " + response.statusCode());
            }
        } finally {
            app.stop();
        }
    }

    @Test
    void a_url_or_headers_too_large_for_the_server_get_a_json_error_too() throws Exception {
        HttpResponse<String> longUrl = server.get("/api/search?q=" + "a".repeat(100_000));
        assertEquals(414, longUrl.statusCode());
        assertEquals("too_large", JSON.readTree(longUrl.body()).path("error").asText(), longUrl.body());
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/api/health")))
                .header("X-Padding", "b".repeat(70_000)).build();
        HttpResponse<String> bigHeaders = java.net.http.HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());
        assertEquals(431, bigHeaders.statusCode());
        assertEquals("too_large", JSON.readTree(bigHeaders.body()).path("error").asText(), bigHeaders.body());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
