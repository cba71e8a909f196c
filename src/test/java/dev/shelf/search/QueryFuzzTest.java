package dev.shelf.search;

import dev.shelf.embed.Encoders;
import dev.shelf.embed.HashingEncoder;
import dev.shelf.index.BuildProgress;
import dev.shelf.index.IndexLayout;
import dev.shelf.index.LuceneChunkIndex;
import dev.shelf.ingest.IngestResult;
import dev.shelf.ingest.Source;
import dev.shelf.pipeline.ListIndexer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thousand generated hostile queries (see {@link HostileQueries}) through the search core over two of the bundled
 * lists (one English, one Chinese; 65 resources), with the fake encoder in place of the model: none throws, and every
 * answer is well-formed ({@link WellFormed}). Generated queries through the real model and over HTTP are in
 * {@code QueryFuzzIT}.
 */
class QueryFuzzTest {

    @TempDir
    static Path dir;
    private static LuceneChunkIndex index;
    private static SearchService service;
    private static List<String> listIds;

    @BeforeAll
    static void indexTheBundledLists() throws IOException {
        HashingEncoder encoder = new HashingEncoder(64, 256);
        IndexLayout layout = new IndexLayout(dir);
        IngestResult ingested = new ListIndexer(layout, Encoders.of(encoder)).index(List.of(
                Path.of("index/sources/week-5-models-and-fine-tuning.md"), Path.of("index/sources/LLM-Course-zh-TW.md")),
                false, lists -> { }, BuildProgress.NONE).ingested();
        index = LuceneChunkIndex.open(layout.current().orElseThrow());
        service = new SearchService(index, encoder);
        listIds = ingested.sources().stream().map(Source::id).toList();
    }

    @AfterAll
    static void closeTheIndex() {
        index.close();
    }

    /** Mostly no list; else one of the lists, or one with a list that does not exist, or only such a list. */
    private static Set<String> sources(Random random) {
        return switch (random.nextInt(16)) {
            case 0 -> Set.of(listIds.get(random.nextInt(listIds.size())));
            case 1 -> Set.of(listIds.get(0), "no-such-list");
            case 2 -> Set.of("no-such-list");
            default -> Set.of();
        };
    }

    @Test
    void a_thousand_generated_queries_get_a_well_formed_answer() {
        Random random = new Random(HostileQueries.SEED);
        SearchMode[] modes = SearchMode.values();
        for (int i = 0; i < 1_000; i++) {
            String query = i % 200 == 0 ? "x".repeat(100_000) : i % 97 == 0 ? " \t\n " : HostileQueries.next(random);
            // Every 10th also through the vector search, which costs several times the words' search.
            SearchMode mode = i % 10 == 0 ? modes[random.nextInt(modes.length)] : SearchMode.LEXICAL;
            SearchRequest request = new SearchRequest(query, mode, 1 + random.nextInt(SearchRequest.MAX_K), sources(random));
            try {
                WellFormed.check(request, service.search(request));
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("seed " + HostileQueries.SEED + ", query #" + i + " " + request.mode() + " k="
                        + request.k() + " sources=" + request.sources() + ": " + HostileQueries.describe(query), e);
            }
        }
    }
}
