package dev.shelf.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.embed.Encoder;
import dev.shelf.embed.Encoders;
import dev.shelf.embed.ForwardingEncoder;
import dev.shelf.embed.HashingEncoder;
import dev.shelf.ingest.Kind;
import dev.shelf.ingest.Mention;
import dev.shelf.ingest.Resource;
import dev.shelf.search.SearchMode;
import dev.shelf.search.SearchRequest;
import dev.shelf.search.SearchResponse;
import dev.shelf.search.SearchService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build with passages the cache lacks is served by words first, while its models embed, then complete: the words
 * build while the encoder is held back, the complete one after; a failed embedding keeps the words build serving, and
 * the next build embeds only what the failed one had not.
 */
class WordsFirstBuildTest {

    private static final HashingEncoder HASHING = new HashingEncoder(256, 64);

    @TempDir
    Path root;

    private static Resource resource(String id, String title, String description) {
        return new Resource(id, title, "https://example.org/" + id, List.of("https://example.org/" + id), description,
                Kind.LINK, List.of(), List.of(new Mention("list", "List", List.of(), 1)), Map.of());
    }

    private static List<Resource> manyEntries(int count) {
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            resources.add(resource("entry" + i, "Bookmark number " + i, "saved page " + i + " about topic" + i));
        }
        return resources;
    }

    /** An encoder whose passage encodes wait until released (queries are not held). */
    private static final class HeldEncoder extends ForwardingEncoder {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch entered = new CountDownLatch(1);

        HeldEncoder(Encoder inner) {
            super(inner);
        }

        @Override
        public List<float[]> encode(List<String> passages) {
            entered.countDown();
            try {
                if (!release.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return super.encode(passages);
        }
    }

    /** An encoder that fails on its n-th passage encode, counting every passage it embeds. */
    private static final class FailingEncoder extends ForwardingEncoder {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger embedded = new AtomicInteger();
        final int failOn;

        FailingEncoder(Encoder inner, int failOn) {
            super(inner);
            this.failOn = failOn;
        }

        @Override
        public List<float[]> encode(List<String> passages) {
            if (calls.incrementAndGet() == failOn) {
                throw new IllegalStateException("the model crashed");
            }
            embedded.addAndGet(passages.size());
            return super.encode(passages);
        }
    }

    private record Published(BuildSummary summary, BuildInfo.Partial partial) {
    }

    @Test
    void the_words_build_is_served_while_the_models_embed_and_the_complete_build_after() throws Exception {
        IndexLayout layout = new IndexLayout(root);
        HeldEncoder held = new HeldEncoder(HASHING);
        BlockingQueue<Published> published = new ArrayBlockingQueue<>(4);
        IndexBuilder builder = new IndexBuilder(layout, Encoders.of(held), BuildStep.NONE,
                (summary, partial) -> published.add(new Published(summary, partial)));
        List<Resource> resources = List.of(resource("abliteration", "Abliteration", "remove the refusal direction"),
                resource("gguf", "GGUF", "a file format for quantized models"));

        CompletableFuture<BuildSummary> build = CompletableFuture.supplyAsync(() -> {
            try {
                return builder.build(resources, List.of(), false, BuildProgress.NONE);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Published words = published.poll(60, TimeUnit.SECONDS);
        assertNotNull(words, "the words build is published before the embedding ends");
        assertTrue(held.entered.await(60, TimeUnit.SECONDS), "the model is embedding, held back");
        assertEquals(words.summary().build(), layout.current().orElseThrow());
        assertEquals(new BuildInfo.Partial(List.of(HASHING.name()), 0, 2), words.partial());
        assertTrue(layout.servesPartial());
        try (LuceneChunkIndex index = LuceneChunkIndex.open(words.summary().build())) {
            assertEquals(words.partial(), index.info().partial());
            assertEquals("abliteration", index.lexical("refusal direction", Set.of(), 10).get(0).resourceId());
            assertTrue(index.semantic(HASHING.name(), HASHING.encodeQuery("refusal direction"), Set.of(), 10).isEmpty(),
                    "no passage has a vector yet");
            SearchResponse response = new SearchService(index, HASHING).search(SearchRequest.of("refusal direction",
                    SearchMode.HYBRID, 10));
            assertEquals(words.partial(), response.partial(), "the answer says meaning search is catching up");
            assertEquals("abliteration", response.results().get(0).id());
        }

        held.release.countDown();
        BuildSummary complete = build.get(60, TimeUnit.SECONDS);
        assertNotEquals(words.summary().build(), complete.build());
        assertEquals(complete.build(), layout.current().orElseThrow());
        assertFalse(layout.servesPartial());
        try (LuceneChunkIndex index = LuceneChunkIndex.open(complete.build())) {
            assertNull(index.info().partial());
            assertEquals("abliteration", index.semantic(HASHING.name(), HASHING.encodeQuery("refusal direction"),
                    Set.of(), 10).get(0).resourceId());
        }
        assertTrue(published.isEmpty(), "one words build per build");
    }

    @Test
    void a_build_whose_cache_has_every_vector_publishes_once() throws IOException {
        IndexLayout layout = new IndexLayout(root);
        List<Resource> resources = manyEntries(3);
        new IndexBuilder(layout, Encoders.of(HASHING), BuildStep.NONE).build(resources, List.of(), false,
                BuildProgress.NONE);
        List<Published> published = new ArrayList<>();
        new IndexBuilder(layout, Encoders.of(HASHING), BuildStep.NONE,
                (summary, partial) -> published.add(new Published(summary, partial)))
                .build(resources, List.of(), false, BuildProgress.NONE);
        assertEquals(List.of(), published);
    }

    @Test
    void a_failed_embedding_keeps_the_words_build_serving_and_the_next_build_embeds_only_the_rest() throws Exception {
        IndexLayout layout = new IndexLayout(root);
        List<Resource> old = manyEntries(1);
        new IndexBuilder(layout, Encoders.of(HASHING), BuildStep.NONE).build(old, List.of(), false, BuildProgress.NONE);

        List<Resource> imported = manyEntries(131); // entry0 as before, 130 new: three encodes of 64, 64 and 2
        FailingEncoder failing = new FailingEncoder(HASHING, 2);
        List<Published> published = new ArrayList<>();
        IndexBuilder builder = new IndexBuilder(layout, Encoders.of(failing), BuildStep.NONE,
                (summary, partial) -> published.add(new Published(summary, partial)));
        assertThrows(IllegalStateException.class, () -> builder.build(imported, List.of(), false, BuildProgress.NONE));
        assertEquals(1, published.size());
        assertEquals(new BuildInfo.Partial(List.of(HASHING.name()), 1, 131), published.get(0).partial());
        assertEquals(published.get(0).summary().build(), layout.current().orElseThrow(), "the words build serves");
        assertTrue(layout.servesPartial());
        try (LuceneChunkIndex index = LuceneChunkIndex.open(layout.current().orElseThrow())) {
            assertEquals("entry97", index.lexical("topic97", Set.of(), 10).get(0).resourceId());
        }

        FailingEncoder counting = new FailingEncoder(HASHING, -1);
        BuildSummary resumed = new IndexBuilder(layout, Encoders.of(counting), BuildStep.NONE)
                .build(imported, List.of(), false, BuildProgress.NONE);
        assertEquals(130 - 64, counting.embedded.get(), "the 64 embedded before the failure came from the cache");
        assertEquals(130 - 64, resumed.models().get(0).embedded());
        assertFalse(layout.servesPartial());
    }
}
