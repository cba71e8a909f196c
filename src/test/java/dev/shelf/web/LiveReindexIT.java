package dev.shelf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.embed.Encoders;
import dev.shelf.embed.SharedEncoder;
import dev.shelf.index.BuildProgress;
import dev.shelf.index.IndexLayout;
import dev.shelf.index.LuceneChunkIndex;
import dev.shelf.pipeline.ListIndexer;
import dev.shelf.search.SearchService;
import dev.shelf.search.ServedIndex;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches keep succeeding while the index is rebuilt under a running server: each re-index is picked up without a
 * failed request, and a new build that cannot be opened is reported while the previous one goes on serving.
 */
class LiveReindexIT {

    private static final int CLIENTS = 4;
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void searches_during_repeated_reindexes_all_succeed_and_each_new_build_is_served() throws Exception {
        IndexLayout layout = new IndexLayout(dir.resolve("index"));
        build(layout, 0);
        List<String> log = new CopyOnWriteArrayList<>();
        ServedIndex served = new ServedIndex(layout, LuceneChunkIndex::open,
                index -> new SearchService(index, SharedEncoder.get()), log::add);
        served.refresh();
        served.watch(Duration.ofMillis(100));
        Javalin app = WebApp.create(served::lease, Path.of("web")).start("127.0.0.1", 0);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicBoolean stop = new AtomicBoolean();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<Thread> clients = new ArrayList<>();
        try {
            for (int c = 0; c < CLIENTS; c++) {
                String path = c % 2 == 0 ? "/api/search?q=topic+seven" : "/api/search?q=notes&mode=lexical&k=20";
                Thread thread = Thread.ofPlatform().start(() -> {
                    while (!stop.get()) {
                        try {
                            int status = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                                    + path)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                        } catch (Exception e) {
                            errors.add(e);
                        }
                    }
                });
                clients.add(thread);
            }

            for (int round = 1; round <= 3; round++) {
                build(layout, round);
                awaitVersion(client, app.port(), round);
            }

            // A new build that cannot be opened (its files are garbage) is reported; the last good one still serves.
            Path broken = Files.createDirectories(layout.builds().resolve("build-broken"));
            Files.writeString(broken.resolve("segments_1"), "not a Lucene index");
            layout.switchTo(broken);
            Thread.sleep(500);
            assertEquals(3, servedVersion(client, app.port()));
            assertTrue(log.stream().anyMatch(line -> line.contains("could not open the index") && line.contains("build-broken")),
                    log::toString);

            build(layout, 4);
            awaitVersion(client, app.port(), 4);
        } finally {
            stop.set(true);
            for (Thread thread : clients) {
                thread.join();
            }
            app.stop();
            served.close();
        }
        System.out.println("LiveReindexIT: answers by status during 4 re-indexes: " + statuses);
        assertTrue(errors.isEmpty(), () -> errors.size() + " requests failed, first: " + errors.get(0));
        assertEquals(Map.of(200, statuses.get(200)), Map.copyOf(statuses), "every answer a 200: " + statuses);
        assertTrue(statuses.get(200).get() >= 50, "the clients kept searching during the builds: " + statuses);
    }

    /** Builds version {@code v} of a small list, whose entries say which version they come from. */
    private void build(IndexLayout layout, int v) throws Exception {
        StringBuilder markdown = new StringBuilder("# List\n\n");
        String[] numbers = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
        for (String n : numbers) {
            markdown.append("* [Topic ").append(n).append(" version").append(v).append("](https://example.org/v")
                    .append(v).append('/').append(n).append(") notes on topic ").append(n).append(".\n");
        }
        Path file = Files.writeString(dir.resolve("list.md"), markdown);
        new ListIndexer(layout, Encoders.of(SharedEncoder.get())).index(List.of(file), true, ingested -> { },
                BuildProgress.NONE);
    }

    private void awaitVersion(HttpClient client, int port, int version) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (servedVersion(client, port) != version) {
            assertTrue(System.nanoTime() < deadline, "version " + version + " was not served within 10 s");
            Thread.sleep(50);
        }
    }

    private int servedVersion(HttpClient client, int port) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/search?q=topic+seven&mode=lexical&k=1")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode first = json.readTree(response.body()).path("results").path(0);
        String url = first.path("url").asText();
        return Integer.parseInt(url.replaceAll(".*/v(\\d+)/.*", "$1"));
    }
}
