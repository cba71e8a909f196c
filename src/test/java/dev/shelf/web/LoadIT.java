package dev.shelf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.bench.Benchmark;
import dev.shelf.bench.LoadGenerator;
import dev.shelf.search.BundledIndex;
import dev.shelf.search.SearchService;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Load on loopback at a small scale (bench runs the same at full scale): 16 concurrent clients get every answer, the
 * heap does not grow from run to run, and beyond the bound on concurrent searches the server says 503 with
 * Retry-After instead of falling over.
 */
class LoadIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sixteen_clients_get_every_answer_and_repeated_runs_do_not_grow_the_heap() throws Exception {
        try (TestServer server = TestServer.bundled()) {
            LoadGenerator load = new LoadGenerator(server.port(), Benchmark.PARAPHRASES);
            List<Double> heaps = new ArrayList<>();
            for (int run = 0; run < 4; run++) {
                LoadGenerator.Result result = load.run(16, 320);
                assertEquals(320, result.requests(), "run " + run);
                assertEquals(0, result.errors(), "run " + run + ": " + result.statuses());
                heaps.add(LoadGenerator.heapAfterGcMb());
            }
            System.out.println("LoadIT: 4 x 320 requests from 16 clients, heap after GC " + heaps + " MB");
            // The first run warms caches (query vectors, Lucene's); after it, more of the same must not hold more.
            double growth = heaps.get(3) - heaps.get(1);
            assertTrue(growth < 8, "heap grew " + growth + " MB over two identical runs: " + heaps);
        }
    }

    @Test
    void beyond_the_bound_on_concurrent_searches_the_answer_is_503_with_retry_after() throws Exception {
        SearchService service = BundledIndex.get().service();
        SearchLimiter limiter = new SearchLimiter(1, 0, Duration.ofMillis(100));
        Javalin app = WebApp.create(ServiceProvider.of(service), limiter, Path.of("web")).start("127.0.0.1", 0);
        HttpClient client = HttpClient.newHttpClient();
        try {
            HttpResponse<String> refused;
            try (SearchLimiter.Permit busy = limiter.enter()) {
                refused = get(client, app.port(), "/api/search?q=merge+models");
                assertEquals(200, get(client, app.port(), "/api/health").statusCode(), "only searches are bounded");
            }
            assertEquals(503, refused.statusCode());
            assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
            assertEquals("busy", JSON.readTree(refused.body()).path("error").asText());
            assertEquals(200, get(client, app.port(), "/api/search?q=merge+models").statusCode(), "a turn is free again");
        } finally {
            app.stop();
        }
    }

    @Test
    void a_flood_of_simultaneous_searches_gets_answers_or_503s_and_the_server_stays_up() throws Exception {
        SearchService service = BundledIndex.get().service();
        Javalin app = WebApp.create(ServiceProvider.of(service), new SearchLimiter(2, 2, Duration.ofMillis(200)),
                Path.of("web")).start("127.0.0.1", 0);
        HttpClient client = HttpClient.newHttpClient();
        ExecutorService flood = Executors.newFixedThreadPool(64);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 256; i++) {
                String q = Benchmark.PARAPHRASES.get(i % Benchmark.PARAPHRASES.size()).replace(' ', '+') + "+" + i;
                calls.add(() -> get(client, app.port(), "/api/search?q=" + q));
            }
            int ok = 0;
            int refused = 0;
            for (Future<HttpResponse<String>> future : flood.invokeAll(calls)) {
                HttpResponse<String> response = future.get();
                assertTrue(Set.of(200, 503).contains(response.statusCode()), response.statusCode() + " " + response.body());
                if (response.statusCode() == 503) {
                    refused++;
                    JsonNode body = JSON.readTree(response.body());
                    assertEquals("busy", body.path("error").asText());
                    assertTrue(response.headers().firstValue("Retry-After").isPresent());
                } else {
                    ok++;
                }
            }
            System.out.println("LoadIT: flood of 256 searches from 64 threads: " + ok + " answered, " + refused + " refused");
            assertTrue(ok >= 4, "searches were answered during the flood");
            assertEquals(200, get(client, app.port(), "/api/search?q=merge+models").statusCode(), "and after it");
        } finally {
            flood.shutdownNow();
            app.stop();
        }
    }

    private static HttpResponse<String> get(HttpClient client, int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
