package dev.shelf.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.embed.Encoders;
import dev.shelf.embed.Encoder;
import dev.shelf.embed.ForwardingEncoder;
import dev.shelf.embed.HashingEncoder;
import dev.shelf.index.IndexLayout;
import dev.shelf.index.LuceneChunkIndex;
import dev.shelf.search.SearchMode;
import dev.shelf.search.SearchRequest;
import dev.shelf.search.SearchService;
import dev.shelf.search.ServedIndex;
import dev.shelf.search.ServiceLease;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library over a real folder and a real Lucene index, with the hashing stand-in for the model: saves and removals
 * are built one at a time, coalesced, embedding only what changed, while the previous build answers searches.
 */
class LibraryTest {

    @TempDir
    Path dir;
    private Path lists;
    private IndexLayout layout;
    private GatedEncoder encoder;
    private ServedIndex served;
    private Library library;
    private final AtomicInteger builds = new AtomicInteger();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        lists = Files.createDirectories(dir.resolve("lists"));
        Files.writeString(lists.resolve("papers.md"), list("Papers", "alpha", "beta"));
        layout = new IndexLayout(dir.resolve("index"));
        encoder = new GatedEncoder(new HashingEncoder(256, 64));
        served = new ServedIndex(layout, LuceneChunkIndex::open, index -> new SearchService(index, encoder), log::add);
        library = newLibrary();
        library.start();
        await(() -> library.idle() && builds.get() == 1);
    }

    /** A library of the lists folder, as a server makes one at each start. */
    private Library newLibrary() {
        return new Library(List.of(lists), layout, Encoders.of(encoder), Duration.ofMillis(50), () -> {
            // A build with new passages is served twice: by words first, then complete. These tests count builds.
            if (!layout.servesPartial()) {
                builds.incrementAndGet();
            }
            served.refresh();
        }, log::add);
    }

    @AfterEach
    void stop() {
        encoder.open();
        library.close();
        served.close();
    }

    /** A list of two links whose titles and descriptions use the given words only. */
    private static String list(String title, String first, String second) {
        return "# " + title + "\n\n* [" + first + " guide](https://example.org/" + first + ") all about " + first + ".\n"
                + "* [" + second + " notes](https://example.org/" + second + ") all about " + second + ".\n";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, () -> "not reached within 20 s; log: " + log);
            Thread.sleep(10);
        }
    }

    private Set<String> titlesFor(String query) {
        try (ServiceLease lease = served.lease().orElseThrow()) {
            return lease.service().search(new SearchRequest(query, SearchMode.LEXICAL, 10, Set.of(), false)).results()
                    .stream().map(r -> r.title()).collect(Collectors.toSet());
        }
    }

    private Map<String, ListState> states() {
        return library.lists().stream().collect(Collectors.toMap(ListState::id, s -> s));
    }

    @Test
    void a_saved_list_is_searchable_after_its_build_which_embeds_only_its_passages() throws Exception {
        assertEquals(Set.of(), titlesFor("gamma"));
        encoder.embedded.clear();
        Library.Saved saved = library.save("tools.md", bytes(list("Tools", "gamma", "delta")));
        assertFalse(saved.replaced());
        assertEquals("tools", saved.list().id());
        assertEquals(ListState.INDEXING, saved.list().state());
        await(() -> library.idle() && builds.get() == 2);

        assertEquals(Set.of("gamma guide"), titlesFor("gamma"));
        assertFalse(encoder.embedded.isEmpty());
        assertTrue(encoder.embedded.stream().allMatch(text -> text.contains("gamma") || text.contains("delta")),
                () -> "passages of the unchanged list were embedded again: " + encoder.embedded);
        ListState tools = states().get("tools");
        assertEquals(new ListState("tools", "Tools", lists.resolve("tools.md").toString(), "markdown", 2, ListState.READY,
                null), tools);
        assertEquals(ListState.READY, states().get("papers").state());
    }

    @Test
    void saving_a_list_of_the_same_name_replaces_it_and_leaves_no_temporary_file() throws Exception {
        library.save("papers.md", bytes(list("Papers", "epsilon", "zeta")));
        await(() -> library.idle() && builds.get() == 2);
        assertEquals(Set.of("epsilon guide"), titlesFor("epsilon"));
        assertEquals(Set.of(), titlesFor("alpha"));
        Library.Saved again = library.save("papers.md", bytes(list("Papers", "eta", "theta")));
        assertTrue(again.replaced());
        try (Stream<Path> files = Files.list(lists)) {
            assertEquals(List.of("papers.md"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void while_the_model_embeds_a_new_list_is_found_by_words_and_shows_its_progress() throws Exception {
        encoder.hold();
        library.save("tools.md", bytes(list("Tools", "gamma", "delta")));
        assertTrue(encoder.entered.await(20, TimeUnit.SECONDS), "the build reached the model");

        // The build served by words first holds the new list; its passages wait for the model.
        await(() -> titlesFor("gamma").equals(Set.of("gamma guide")));
        assertEquals(Set.of("alpha guide"), titlesFor("alpha"));
        ListState tools = states().get("tools");
        assertEquals(ListState.INDEXING, tools.state());
        assertTrue(tools.progress().searchableByWords(), tools.toString());
        assertEquals("embedding", tools.progress().phase());
        assertEquals(List.of(new EmbeddingProgress.ModelProgress(encoder.name(), 0, 2)), tools.progress().models());
        assertEquals(ListState.READY, states().get("papers").state());
        assertNull(states().get("papers").progress(), "a list not in the build running shows no progress");

        encoder.open();
        await(() -> library.idle() && builds.get() == 2);
        assertEquals(Set.of("gamma guide"), titlesFor("gamma"));
        assertNull(states().get("tools").progress());
        assertEquals(ListState.READY, states().get("tools").state());
    }

    @Test
    void changes_during_a_build_make_exactly_one_more_build_never_two_at_once() throws Exception {
        encoder.hold();
        library.save("one.md", bytes(list("One", "gamma", "delta")));
        assertTrue(encoder.entered.await(20, TimeUnit.SECONDS));
        library.save("two.md", bytes(list("Two", "epsilon", "zeta")));
        library.save("three.md", bytes(list("Three", "eta", "theta")));
        library.changed(lists.resolve("two.md"));
        Thread.sleep(200); // four quiet times: without coalescing, builds would queue up behind the running one
        encoder.open();
        await(() -> library.idle() && builds.get() >= 3);
        Thread.sleep(200);
        assertEquals(3, builds.get(), "the first build, the blocked one, and one for every change made during it");
        assertEquals(1, encoder.mostAtOnce.get(), "two builds never ran at once");
        assertEquals(Set.of("eta guide"), titlesFor("eta"));
    }

    @Test
    void a_library_started_on_a_build_whose_embedding_was_cut_short_completes_it() throws Exception {
        library.close();
        Files.writeString(lists.resolve("tools.md"), list("Tools", "gamma", "delta"));
        // The same model, failing on its first passage: the words build is served, its two new passages lack vectors.
        Encoder failing = new ForwardingEncoder(new HashingEncoder(256, 64)) {
            @Override
            public List<float[]> encode(List<String> passages) {
                throw new IllegalStateException("the model crashed");
            }
        };
        try {
            new dev.shelf.pipeline.ListIndexer(layout, Encoders.of(failing), (summary, partial) -> { })
                    .index(List.of(lists), false, ingested -> { }, dev.shelf.index.BuildProgress.NONE);
        } catch (IllegalStateException expected) {
            // the embedding failed after the words build was published
        }
        assertTrue(layout.servesPartial());
        served.refresh();
        assertEquals(Set.of("gamma guide"), titlesFor("gamma"), "found by words meanwhile");

        encoder.embedded.clear();
        library = newLibrary();
        library.start();
        await(() -> library.idle() && !layout.servesPartial());
        assertTrue(log.stream().anyMatch(line -> line.contains("cut short")), () -> "said so: " + log);
        assertEquals(2, encoder.embedded.size(), "only the two passages the words build lacked: " + encoder.embedded);
        assertEquals(Set.of("gamma guide"), titlesFor("gamma"));
        assertEquals(ListState.READY, states().get("tools").state());
    }

    @Test
    void a_change_that_leaves_the_lists_as_built_builds_nothing() throws Exception {
        Files.writeString(lists.resolve("picture.png"), "not a list");
        library.changed(lists.resolve("picture.png"));
        library.changed(lists.resolve("papers.md")); // the watcher's echo of a save already built
        await(library::idle);
        Thread.sleep(200);
        assertEquals(1, builds.get());
    }

    @Test
    void a_removed_list_is_gone_after_the_next_build_and_an_unknown_id_is_reported() throws Exception {
        library.save("tools.md", bytes(list("Tools", "gamma", "delta")));
        await(() -> library.idle() && builds.get() == 2);
        assertEquals(Library.Removal.UNKNOWN, library.delete("no-such-list"));
        assertEquals(Library.Removal.REMOVED, library.delete("tools"));
        assertFalse(Files.exists(lists.resolve("tools.md")));
        assertEquals(ListState.INDEXING, states().get("tools").state(), "still served until the build without it");
        await(() -> library.idle() && builds.get() == 3);
        assertEquals(Set.of(), titlesFor("gamma"));
        assertEquals(Set.of("papers"), states().keySet());
    }

    @Test
    void the_temporary_file_of_a_save_cut_short_is_removed_at_the_next_start_and_no_other_file_is() throws Exception {
        library.close();
        // Named as a save names it; a server killed before the move leaves it so.
        Path leftover = Files.createTempFile(lists, ListSaver.TEMP_PREFIX, ListSaver.TEMP_SUFFIX);
        Path lookalike = Files.writeString(lists.resolve(ListSaver.TEMP_PREFIX + "draft" + ListSaver.TEMP_SUFFIX), "");
        Path hidden = Files.writeString(lists.resolve(".notes.tmp"), "");

        library = newLibrary();
        library.start();

        assertFalse(Files.exists(leftover), "the leftover is removed");
        assertTrue(Files.exists(lookalike) && Files.exists(hidden), "files the server did not name are kept");
        assertTrue(log.stream().anyMatch(line -> line.contains(leftover.toString())), () -> "said so: " + log);
        assertEquals(Set.of("papers"), states().keySet());
        assertEquals(ListState.READY, states().get("papers").state());
    }

    @Test
    void a_list_that_cannot_be_read_is_in_error_with_the_reason_while_the_others_are_ready() throws Exception {
        Files.write(lists.resolve("broken.md"), new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 0});
        library.changed(lists.resolve("broken.md"));
        await(() -> library.idle() && builds.get() == 2);
        ListState broken = states().get("broken");
        assertEquals(ListState.ERROR, broken.state());
        assertEquals("file is binary, not text", broken.error());
        assertEquals(null, broken.format());
        assertEquals(ListState.READY, states().get("papers").state());
    }

    /** The hashing encoder, counting what it embeds, and holding passages back while closed. */
    private static final class GatedEncoder extends ForwardingEncoder {
        private volatile CountDownLatch gate = new CountDownLatch(0);
        volatile CountDownLatch entered = new CountDownLatch(1);
        final List<String> embedded = new CopyOnWriteArrayList<>();
        private final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();

        GatedEncoder(Encoder inner) {
            super(inner);
        }

        /** Holds the next passages back until {@link #open}; {@link #entered} then says when a build reaches here. */
        void hold() {
            entered = new CountDownLatch(1);
            gate = new CountDownLatch(1);
        }

        void open() {
            gate.countDown();
        }

        @Override
        public List<float[]> encode(List<String> passages) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                entered.countDown();
                gate.await();
                embedded.addAll(passages);
                return super.encode(passages);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        }
    }
}
