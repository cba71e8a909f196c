package dev.shelf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shelf.embed.Encoder;
import dev.shelf.embed.ForwardingEncoder;
import dev.shelf.embed.SharedEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A big import over the API is searchable by words at once, its progress shown per model, and searchable by meaning
 * once the models catch up: a real server, the real model, whose passage encodes are held back while the test looks.
 */
class BigImportIT {

    private static final int ENTRIES = 300;

    /** The real model; once held, its passage encodes wait for the release (queries never do). */
    private static final class HeldModel extends ForwardingEncoder {
        final AtomicBoolean hold = new AtomicBoolean();
        final CountDownLatch release = new CountDownLatch(1);

        HeldModel(Encoder model) {
            super(model);
        }

        @Override
        public List<float[]> encode(List<String> passages) {
            if (hold.get()) {
                try {
                    if (!release.await(120, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return super.encode(passages);
        }
    }

    /** A browser's bookmark export of n entries, each with a title word of its own (zq0, zq1...) and a description. */
    private static byte[] bookmarks(int n) {
        StringBuilder html = new StringBuilder("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE>\n"
                + "<H1>Bookmarks</H1>\n<DL><p>\n");
        for (int i = 0; i < n; i++) {
            html.append("    <DT><A HREF=\"https://example.org/saved/").append(i).append("\">Saved page zq").append(i)
                    .append(" on ").append(i % 2 == 0 ? "sparse attention kernels" : "dataset deduplication")
                    .append("</A>\n    <DD>Notes about item ").append(i).append(".\n");
        }
        return html.append("</DL><p>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode list(ListsServer server, String id) {
        for (JsonNode list : server.json("/api/sources")) {
            if (list.path("id").asText().equals(id)) {
                return list;
            }
        }
        return null;
    }

    @Test
    void an_import_is_found_by_words_while_its_passages_embed_with_progress_and_by_meaning_after(@TempDir Path dir)
            throws Exception {
        HeldModel model = new HeldModel(SharedEncoder.get());
        try (ListsServer server = new ListsServer(dir, model)) {
            server.awaitIdle(); // the seed list's own embedding is done before the model is held
            model.hold.set(true);
            assertEquals(201, server.put("my-bookmarks.html", bookmarks(ENTRIES)).statusCode());

            ListsServer.await("the import searchable by words", () -> {
                JsonNode list = list(server, "my-bookmarks");
                return list != null && list.path("progress").path("searchableByWords").asBoolean()
                        && list.path("progress").path("models").size() > 0;
            });
            JsonNode indexing = list(server, "my-bookmarks");
            assertEquals("indexing", indexing.path("state").asText());
            JsonNode progress = indexing.path("progress");
            assertEquals("embedding", progress.path("phase").asText());
            JsonNode figures = progress.path("models").get(0);
            assertEquals(SharedEncoder.get().name(), figures.path("model").asText());
            assertEquals(ENTRIES, figures.path("of").asInt(), progress.toString());
            assertEquals(0, figures.path("embedded").asInt(), "the model is held back");

            JsonNode byWords = server.json("/api/search?q=zq137&mode=lexical");
            assertEquals("Saved page zq137 on dataset deduplication", byWords.path("results").get(0).path("title")
                    .asText());
            JsonNode partial = byWords.path("partial");
            assertEquals(ENTRIES, partial.path("of").asInt() - partial.path("embedded").asInt(), partial.toString());
            assertTrue(server.json("/api/search?q=zq137&mode=semantic&k=100").path("results").findValuesAsText("title")
                    .stream().noneMatch(t -> t.startsWith("Saved page")), "not by meaning yet");

            model.release.countDown();
            server.awaitIdle();
            JsonNode ready = list(server, "my-bookmarks");
            assertEquals("ready", ready.path("state").asText());
            assertTrue(ready.path("progress").isMissingNode());
            JsonNode complete = server.json("/api/search?q=" + "removing+duplicate+records+from+training+data"
                    + "&mode=semantic&k=20");
            assertTrue(complete.path("partial").isMissingNode(), complete.toString());
            assertTrue(complete.path("results").findValuesAsText("title").stream()
                    .anyMatch(t -> t.contains("dataset deduplication")), "found by meaning once embedded");
            assertFalse(server.json("/api/search?q=zq137").path("results").isEmpty());
        }
    }
}
