package dev.shelf.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.bench.ShelfProcess;
import dev.shelf.embed.Encoders;
import dev.shelf.embed.SharedEncoder;
import dev.shelf.pipeline.ListIndexer;
import dev.shelf.search.BundledIndex;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds are incremental through the embedding cache, and a failed or killed build never replaces the served one. */
class IndexBuildIT {

    private static final String LIST = """
            # Tiny list

            * [Uncensor any LLM with abliteration](https://huggingface.co/blog/mlabonne/abliteration) removes refusals.
            * [GGUF and llama.cpp](https://github.com/ggerganov/llama.cpp) runs quantized models on a laptop.
            """;

    private static BuildSummary build(Path root, Path lists, boolean rebuild, BuildProgress progress)
            throws IOException {
        return new ListIndexer(new IndexLayout(root), Encoders.of(SharedEncoder.get()))
                .index(List.of(lists), rebuild, ingested -> { }, progress).summary();
    }

    private static String firstUrl(Path build, String query) {
        try (LuceneChunkIndex index = LuceneChunkIndex.open(build)) {
            String id = index.lexical(query, Set.of(), 5).get(0).resourceId();
            return index.resource(id).orElseThrow().url();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void rebuilding_the_bundled_corpus_with_nothing_changed_embeds_zero_chunks(@TempDir Path root) throws IOException {
        String model = SharedEncoder.get().spec().name();
        Path cache = new IndexLayout(root).embeddingCache(model);
        Files.createDirectories(cache.getParent());
        Files.copy(new IndexLayout(BundledIndex.get().root()).embeddingCache(model), cache);

        BuildSummary again = build(root, Path.of("index/sources"), false, BuildProgress.NONE);

        assertEquals(BundledIndex.get().summary().chunks(), again.chunks());
        assertEquals(0, again.embedded(), again.line());
        assertTrue(again.line().contains("0 embedded"), again.line());
    }

    @Test
    void only_changed_passages_are_embedded_and_rebuild_embeds_everything(@TempDir Path root) throws IOException {
        Path list = Files.writeString(root.resolve("list.md"), LIST);
        assertEquals(2, build(root, list, false, BuildProgress.NONE).embedded());
        Files.writeString(list, LIST.replace("removes refusals", "removes refusal directions"));
        assertEquals(1, build(root, list, false, BuildProgress.NONE).embedded());
        assertEquals(2, build(root, list, true, BuildProgress.NONE).embedded());
    }

    @Test
    void a_build_that_fails_half_way_leaves_the_previous_index_serving(@TempDir Path root) throws IOException {
        Path list = Files.writeString(root.resolve("list.md"), LIST);
        build(root, list, false, BuildProgress.NONE);
        Path served = new IndexLayout(root).current().orElseThrow();

        BuildProgress failing = new BuildProgress() {
            @Override
            public void start(String model, long chunksToEmbed) {
            }

            @Override
            public void advance(long chunks) {
                throw new IllegalStateException("disk pulled out");
            }
        };
        assertThrows(IllegalStateException.class, () -> build(root, list, true, failing));

        assertEquals(served, new IndexLayout(root).current().orElseThrow());
        assertEquals("https://huggingface.co/blog/mlabonne/abliteration", firstUrl(served, "abliteration"));
    }

    @Test
    void a_build_killed_half_way_leaves_the_previous_index_serving_and_the_next_build_recovers(@TempDir Path root)
            throws Exception {
        Path list = Files.writeString(root.resolve("list.md"), LIST);
        build(root, list, false, BuildProgress.NONE);
        Path served = new IndexLayout(root).current().orElseThrow();
        Random random = new Random(20261122L);
        for (int attempt = 0; attempt < 2; attempt++) {
            long delayMs = 300 + random.nextInt(3000);
            killBuildAfter(root, delayMs);
            assertEquals(served, new IndexLayout(root).current().orElseThrow(), "attempt " + attempt + ", killed after " + delayMs + " ms");
            assertEquals("https://github.com/ggerganov/llama.cpp", firstUrl(served, "llama.cpp laptop"));
        }
        BuildSummary recovered = build(root, list, false, BuildProgress.NONE);
        assertEquals(2, recovered.chunks());
        try (Stream<Path> builds = Files.list(new IndexLayout(root).builds())) {
            assertTrue(builds.count() <= 2, "killed builds are cleaned up by the next one");
        }
    }

    /** Starts `shelf index --rebuild` of the bundled lists in another JVM and kills it (SIGKILL) after a delay. */
    private static void killBuildAfter(Path root, long delayMs) throws Exception {
        Process child = ShelfProcess.of(root, "index", "--rebuild", "--index", root.toString(), "--sources", "index/sources")
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            // Wait until it has ingested the lists (it prints their warnings), then let it embed for a while.
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("warning:")) {
                seen.append(line).append('\n');
                assertFalse(line.startsWith("indexed"), "the build finished before it could be killed: " + line);
            }
            Thread.sleep(delayMs);
            if (!child.isAlive()) {
                out.lines().forEach(l -> seen.append(l).append('\n'));
                throw new AssertionError("the build ended (" + child.exitValue() + ") before it could be killed:\n" + seen);
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void a_second_build_while_one_is_writing_the_folder_is_refused_and_changes_nothing(@TempDir Path root)
            throws IOException {
        Path list = Files.writeString(root.resolve("list.md"), LIST);
        build(root.resolve("index"), list, false, BuildProgress.NONE);
        Path before = new IndexLayout(root.resolve("index")).current().orElseThrow();
        // The lock another `shelf index` process would hold while it writes.
        try (java.nio.channels.FileChannel held = java.nio.channels.FileChannel.open(
                root.resolve("index").resolve("build.lock"), java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock lock = held.lock()) {
            IOException e = assertThrows(IOException.class,
                    () -> build(root.resolve("index"), list, true, BuildProgress.NONE));
            assertTrue(e.getMessage().contains("another build is writing"), e.getMessage());
        }
        assertEquals(before, new IndexLayout(root.resolve("index")).current().orElseThrow());
        build(root.resolve("index"), list, true, BuildProgress.NONE);
    }
}
