package dev.shelf.bench;

import dev.shelf.bench.BenchmarkReport.ScaleRow;
import dev.shelf.embed.Encoder;
import dev.shelf.embed.Encoders;
import dev.shelf.index.BuildProgress;
import dev.shelf.index.BuildSummary;
import dev.shelf.index.ChunkIndex;
import dev.shelf.index.FileTrees;
import dev.shelf.index.IndexLayout;
import dev.shelf.ingest.Kind;
import dev.shelf.ingest.Mention;
import dev.shelf.ingest.Resource;
import dev.shelf.ingest.Source;
import dev.shelf.pipeline.ListIndexer;
import dev.shelf.search.SearchMode;
import dev.shelf.search.SearchRequest;
import dev.shelf.search.SearchService;
import dev.shelf.search.SearchSettings;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Growth with corpus size: synthetic corpora of 1k, 10k, ... chunks up to a limit, passages recombined from the lists'
 * sentences, each built by the production {@link IndexBuilder} and searched in every mode. The build runs with a
 * {@link RandomVectorEncoder}, which chunks as the model does but skips it, so the build time is the index's; searches
 * use the real model, as a user's would.
 */
final class ScaleBenchmark {

    private static final String FALLBACK_SENTENCE = "A passage about language models, quantization and retrieval.";
    /** Sentences shorter than this are headings and fragments, not passage material. */
    private static final int MIN_WORDS = 5;

    private final Encoder encoder;
    private final ChunkIndex.Opener opener;
    private final Benchmark.Config config;
    private final Consumer<String> log;

    ScaleBenchmark(Encoder encoder, ChunkIndex.Opener opener, Benchmark.Config config, Consumer<String> log) {
        this.encoder = encoder;
        this.opener = opener;
        this.config = config;
        this.log = log;
    }

    /** One row per corpus size: 1000, 10000, ... below the configured scale, then the scale itself. */
    List<ScaleRow> run(List<Resource> lists) throws IOException {
        List<String> sentences = sentences(lists);
        List<ScaleRow> rows = new ArrayList<>();
        for (int size : sizes(config.scale())) {
            log.accept("scale: building a synthetic corpus of " + size + " chunks");
            rows.add(row(size, sentences));
        }
        return rows;
    }

    static List<Integer> sizes(int scale) {
        List<Integer> sizes = new ArrayList<>();
        for (int n = 1000; n < scale; n *= 10) {
            sizes.add(n);
        }
        sizes.add(scale);
        return sizes;
    }

    static List<String> sentences(List<Resource> lists) {
        List<String> sentences = new ArrayList<>();
        for (Resource r : lists) {
            for (String s : r.description().split("(?<=[.!?])\\s+")) {
                if (s.split("\\s+").length >= MIN_WORDS) {
                    sentences.add(s.strip());
                }
            }
        }
        return sentences.isEmpty() ? List.of(FALLBACK_SENTENCE) : sentences;
    }

    private ScaleRow row(int size, List<String> sentences) throws IOException {
        Path root = Files.createTempDirectory(config.scratch(), "bench-scale");
        try {
            IndexLayout layout = new IndexLayout(root);
            BuildSummary summary = build(layout, size, sentences);
            try (ChunkIndex index = opener.open(layout.current().orElseThrow())) {
                // No query-vector cache: every semantic search pays for its encoding, as a new query does.
                SearchService service = new SearchService(index, encoder, SearchSettings.DEFAULT.withQueryCacheSize(0));
                requireVectorHits(service);
                double lexical = p50(service, SearchMode.LEXICAL);
                double semantic = p50(service, SearchMode.SEMANTIC);
                double hybrid = p50(service, SearchMode.HYBRID);
                // The heap a server of this index holds: its index and service, not the generated corpus (out of scope).
                double heap = heapAfterGcMb();
                Reference.reachabilityFence(service);
                return new ScaleRow(summary.chunks(), summary.seconds(), lexical, semantic, hybrid, heap);
            }
        } finally {
            FileTrees.delete(root);
        }
    }

    /** Builds the synthetic corpus of {@code size} resources; the corpus itself is garbage once this returns. */
    private BuildSummary build(IndexLayout layout, int size, List<String> sentences) throws IOException {
        Source source = new Source("synthetic", "Synthetic corpus", Path.of("synthetic"), "synthetic");
        return new ListIndexer(layout, Encoders.of(RandomVectorEncoder.like(encoder)))
                .index(corpus(size, sentences, source), List.of(source), false, BuildProgress.NONE);
    }

    /** {@code size} resources of two random sentences each, seeded by the size so a run can be repeated. */
    static List<Resource> corpus(int size, List<String> sentences, Source source) {
        Random random = new Random(size);
        List<Resource> resources = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String text = sentences.get(random.nextInt(sentences.size())) + " "
                    + sentences.get(random.nextInt(sentences.size()));
            String title = Arrays.stream(text.split("\\s+")).limit(5).collect(Collectors.joining(" ")) + " #" + i;
            resources.add(new Resource("s" + i, title, null, List.of(), text, Kind.SECTION, List.of("Synthetic"),
                    List.of(new Mention(source.id(), source.name(), List.of("Synthetic"), i + 1)), Map.of()));
        }
        return resources;
    }

    /** A semantic search that finds nothing times nothing: refuse to report it. */
    private void requireVectorHits(SearchService service) {
        String query = config.queries().get(0);
        if (service.search(SearchRequest.of(query, SearchMode.SEMANTIC, 10)).results().isEmpty()) {
            throw new IllegalStateException("the synthetic corpus has no " + encoder.name()
                    + " vectors to search; its semantic timings would mean nothing");
        }
    }

    private static double heapAfterGcMb() {
        try {
            return LoadGenerator.heapAfterGcMb();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    private double p50(SearchService service, SearchMode mode) {
        return Timings.percentile(Timings.search(service, mode, config.queries(), config.rounds()), 50);
    }
}
