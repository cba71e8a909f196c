package dev.shelf.bench;

import dev.shelf.embed.Encoders;
import dev.shelf.index.BuildProgress;
import dev.shelf.index.BuildSummary;
import dev.shelf.index.ChunkIndex;
import dev.shelf.index.FileTrees;
import dev.shelf.index.IndexLayout;
import dev.shelf.index.IndexStore;
import dev.shelf.ingest.IngestResult;
import dev.shelf.ingest.Resource;
import dev.shelf.ingest.Source;
import dev.shelf.pipeline.ListIndexer;
import dev.shelf.search.SearchMode;
import dev.shelf.search.SearchRequest;
import dev.shelf.search.SearchService;
import dev.shelf.search.SearchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The same corpora built into each store in turn and searched in process, so that a store's figures stand beside the
 * embedded index's from the same run and machine: the bundled lists with the real models, then synthetic corpora of
 * the scale sizes with random vectors (as {@code --scale} builds them). The difference between two stores' latencies
 * is what their retrieval costs, the network hop to a cluster included; encoding and fusion are the same work.
 */
public final class StoreComparison {

    private static final int CLIENTS = 16;

    /**
     * A store to compare.
     *
     * @param name how the report calls it ("embedded", "opensearch")
     * @param store where a layout of this name keeps its passages
     */
    public record Contender(String name, IndexStore store) {
    }

    /**
     * One corpus in one store.
     *
     * @param corpus "bundled lists" or "synthetic"
     * @param store the contender's name
     * @param chunks passages built
     * @param buildSeconds the whole build, embedding included (nothing cached: every store embeds alike)
     * @param lexicalP50Ms a lexical search, median
     * @param semanticP50Ms a semantic search with its query encode, median
     * @param hybridP50Ms a hybrid search with its query encodes, median
     * @param queriesPerSecond16 hybrid searches per second with 16 clients at once
     */
    public record Row(String corpus, String store, int chunks, double buildSeconds, double lexicalP50Ms,
                      double semanticP50Ms, double hybridP50Ms, double queriesPerSecond16) {
    }

    private final Encoders encoders;
    private final Executor encodes;
    private final Benchmark.Config config;
    private final Consumer<String> log;

    public StoreComparison(Encoders encoders, Executor encodes, Benchmark.Config config, Consumer<String> log) {
        this.encoders = encoders;
        this.encodes = encodes;
        this.config = config;
        this.log = log;
    }

    /** Every corpus in every store, the stores in turn for each corpus. */
    public List<Row> run(IngestResult lists, List<Contender> contenders) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (Contender contender : contenders) {
            rows.add(measure("bundled lists", contender, encoders, lists.resources(), lists.sources()));
        }
        if (config.scale() > 0) {
            Encoders random = Encoders.of(RandomVectorEncoder.like(encoders.primary()));
            List<String> sentences = ScaleBenchmark.sentences(lists.resources());
            Source source = new Source("synthetic", "Synthetic corpus", Path.of("synthetic"), "synthetic");
            for (int size : ScaleBenchmark.sizes(config.scale())) {
                List<Resource> corpus = ScaleBenchmark.corpus(size, sentences, source);
                for (Contender contender : contenders) {
                    rows.add(measure("synthetic", contender, random, corpus, List.of(source)));
                }
            }
        }
        return rows;
    }

    private Row measure(String corpus, Contender contender, Encoders models, List<Resource> resources,
                        List<Source> sources) throws Exception {
        Path root = Files.createTempDirectory(config.scratch(), "bench-store");
        try {
            IndexLayout layout = new IndexLayout(root, contender.store());
            log.accept(corpus + ": building " + resources.size() + " resources into " + contender.name());
            BuildSummary build = new ListIndexer(layout, models).index(resources, sources, true, BuildProgress.NONE);
            try (ChunkIndex index = contender.store().open(layout.current().orElseThrow())) {
                SearchService service = new SearchService(index, models, SearchSettings.DEFAULT.withQueryCacheSize(0),
                        encodes);
                Timings.warmUp(service, config.queries(), 2_000_000_000L);
                log.accept(corpus + ": timing " + contender.name());
                double lexical = p50(service, SearchMode.LEXICAL);
                double semantic = p50(service, SearchMode.SEMANTIC);
                double hybrid = p50(service, SearchMode.HYBRID);
                double rate = queriesPerSecond(service);
                return new Row(corpus, contender.name(), build.chunks(), build.seconds(), lexical, semantic, hybrid,
                        rate);
            }
        } finally {
            FileTrees.delete(root);
        }
    }

    private double p50(SearchService service, SearchMode mode) {
        return Timings.percentile(Timings.search(service, mode, config.queries(), config.rounds()), 50);
    }

    /** {@code requests} hybrid searches by 16 clients at once, each taking the next query. */
    private double queriesPerSecond(SearchService service) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            AtomicInteger next = new AtomicInteger();
            long started = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < config.requests(); i = next.getAndIncrement()) {
                        String query = config.queries().get(i % config.queries().size());
                        service.search(SearchRequest.of(query, SearchMode.HYBRID, 10));
                    }
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
            return config.requests() / ((System.nanoTime() - started) / 1e9);
        } finally {
            clients.shutdownNow();
        }
    }
}
