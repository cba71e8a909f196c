package dev.shelf.web;

import dev.shelf.embed.Encoders;
import dev.shelf.embed.SharedEncoder;
import dev.shelf.index.BuildProgress;
import dev.shelf.index.IndexLayout;
import dev.shelf.index.LuceneChunkIndex;
import dev.shelf.pipeline.ListIndexer;
import dev.shelf.search.BundledIndex;
import dev.shelf.search.SearchService;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A real server on a free loopback port, over the bundled index or over a list of the test's own. */
final class TestServer implements AutoCloseable {

    private final Javalin app;
    private final LuceneChunkIndex ownIndex;
    private final HttpClient client = HttpClient.newHttpClient();

    private TestServer(ServiceProvider services, LuceneChunkIndex ownIndex) {
        this.ownIndex = ownIndex;
        this.app = WebApp.create(services, Path.of("web")).start("127.0.0.1", 0);
    }

    /** Serving the bundled lists. */
    static TestServer bundled() {
        // Built here, not lazily on a request thread whose interruption would leave the shared index half made.
        SearchService service = BundledIndex.get().service();
        return new TestServer(ServiceProvider.of(service), null);
    }

    /** Serving no index yet, as while the first build runs. */
    static TestServer building() {
        return new TestServer(ServiceProvider.none(), null);
    }

    /** Serving one reading list written by the test. */
    static TestServer ofList(Path dir, String markdown) {
        try {
            Path list = Files.writeString(dir.resolve("list.md"), markdown);
            IndexLayout layout = new IndexLayout(dir.resolve("index"));
            new ListIndexer(layout, Encoders.of(SharedEncoder.get())).index(List.of(list), false, ingested -> { },
                    BuildProgress.NONE);
            LuceneChunkIndex index = LuceneChunkIndex.open(layout.current().orElseThrow());
            SearchService service = new SearchService(index, SharedEncoder.get());
            return new TestServer(ServiceProvider.of(service), index);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return app.port();
    }

    String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    HttpResponse<String> get(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
        if (ownIndex != null) {
            ownIndex.close();
        }
    }
}
