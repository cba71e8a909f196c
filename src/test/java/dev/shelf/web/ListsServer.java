package dev.shelf.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.embed.Encoders;
import dev.shelf.embed.SharedEncoder;
import dev.shelf.index.IndexLayout;
import dev.shelf.index.LuceneChunkIndex;
import dev.shelf.library.FolderWatcher;
import dev.shelf.library.Library;
import dev.shelf.search.SearchService;
import dev.shelf.search.ServedIndex;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real server whose lists can be changed, wired as {@code shelf serve} wires it (library, folder watcher, the
 * index swapped in after each build, the real model), over a folder holding a copy of one small bundled list.
 */
final class ListsServer implements AutoCloseable {

    /** The bundled list copied into the folder: small, so each build is quick. */
    static final String SEED_LIST = "week-5-models-and-fine-tuning.md";
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path lists;
    final AtomicInteger builds = new AtomicInteger();
    private final ServedIndex served;
    private final Library library;
    private final FolderWatcher watcher;
    private final Javalin app;
    private final HttpClient client = HttpClient.newHttpClient();

    ListsServer(Path dir) throws IOException {
        this(dir, SharedEncoder.get());
    }

    /** A server whose builds embed with the given encoder (one that watches or holds back the real model's calls). */
    ListsServer(Path dir, dev.shelf.embed.Encoder encoder) throws IOException {
        lists = Files.createDirectories(dir.resolve("lists"));
        Files.copy(Path.of("index/sources", SEED_LIST), lists.resolve(SEED_LIST));
        IndexLayout layout = new IndexLayout(dir.resolve("index"));
        served = new ServedIndex(layout, LuceneChunkIndex::open, index -> new SearchService(index, SharedEncoder.get()),
                line -> { });
        library = new Library(List.of(lists), layout, Encoders.of(encoder), Duration.ofSeconds(1), () -> {
            served.refresh();
            // A build with new passages is served twice, by words first and then complete: count complete builds.
            if (!layout.servesPartial()) {
                builds.incrementAndGet();
            }
        }, line -> System.out.println("ListsServer: " + line));
        watcher = FolderWatcher.start(library.folders(), library::changed);
        app = WebApp.create(served::lease, SearchLimiter.running(4), Path.of("web"), new SourceRoutes(library, "127.0.0.1"))
                .start("127.0.0.1", 0);
        library.start();
        await("the first build", () -> builds.get() >= 1);
    }

    String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60));
    }

    /** A PUT of a list as Shelf's page sends it. */
    HttpResponse<String> put(String encodedName, byte[] body) {
        return send(request("/api/sources/" + encodedName).header("X-Requested-With", "shelf")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A DELETE as Shelf's page sends it. */
    HttpResponse<String> delete(String id) {
        return send(request("/api/sources/" + URLEncoder.encode(id, StandardCharsets.UTF_8))
                .header("X-Requested-With", "shelf").DELETE());
    }

    JsonNode json(String path) {
        try {
            return JSON.readTree(send(request(path)).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The titles of a keyword search's results. */
    List<String> titles(String query) {
        JsonNode results = json("/api/search?mode=lexical&k=20&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .path("results");
        return results.findValuesAsText("title");
    }

    /** Waits until the keyword search's titles pass the test, at most a minute (a build on two busy cores). */
    void awaitTitles(String query, Predicate<List<String>> test) {
        await("titles for \"" + query + "\"", () -> test.test(titles(query)));
    }

    /** Waits until no list is indexing: the builds asked for so far are done. */
    void awaitIdle() {
        await("no list indexing", () -> {
            for (JsonNode list : json("/api/sources")) {
                if (list.path("state").asText().equals("indexing")) {
                    return false;
                }
            }
            return true;
        });
    }

    static void await(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what + " did not come within a minute");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        app.stop();
        watcher.close();
        library.close();
        served.close();
    }
}
