package dev.shelf.bench;

import dev.shelf.bench.BenchmarkReport.Encode;
import dev.shelf.bench.BenchmarkReport.Indexing;
import dev.shelf.bench.BenchmarkReport.Latency;
import dev.shelf.bench.BenchmarkReport.ModelIndexing;
import dev.shelf.bench.BenchmarkReport.Paired;
import dev.shelf.bench.BenchmarkReport.ScaleRow;
import dev.shelf.bench.BenchmarkReport.Serving;
import dev.shelf.embed.Encoders;
import dev.shelf.index.BuildProgress;
import dev.shelf.index.BuildSummary;
import dev.shelf.index.ChunkIndex;
import dev.shelf.index.FileTrees;
import dev.shelf.index.IndexLayout;
import dev.shelf.ingest.IngestResult;
import dev.shelf.pipeline.ListIndexer;
import dev.shelf.search.SearchMode;
import dev.shelf.search.SearchRequest;
import dev.shelf.search.SearchService;
import dev.shelf.search.SearchSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Times the model, the search core, indexing, the HTTP server under concurrent clients ({@link ServingBenchmark}),
 * start-up and growth with corpus size ({@link ScaleBenchmark}), and reports the figures as a
 * {@link BenchmarkReport}. Every loop is bounded in count and time; load goes to loopback only.
 */
public final class Benchmark {

    /** Things people ask that share few words with the lists, to time the semantic side honestly. */
    public static final List<String> PARAPHRASES = List.of(
            "how do I fine-tune a 7B model on one GPU", "stop a chatbot from declining requests",
            "make a small model answer in JSON", "shrink a model so it fits on my laptop",
            "which leaderboard compares chat assistants", "turn documents into training data automatically",
            "keep an LLM from making things up", "pick an embedding model for search",
            "run a language model without the cloud", "teach a model my company's tone of voice");
    /** Untimed searches of every mode before any is timed (see {@link Timings#warmUp}). */
    private static final long SEARCH_WARM_UP_NANOS = 15_000_000_000L;

    /**
     * What to measure.
     *
     * @param queries the questions timed (dev-set queries and paraphrases)
     * @param rounds how many times each query is timed per mode
     * @param requests HTTP requests per concurrency level
     * @param scale the largest synthetic corpus in chunks (0 for none)
     * @param scratch a folder for temporary indexes
     */
    public record Config(List<String> queries, int rounds, int requests, int scale, Path scratch) {
    }

    private final Encoders encoders;
    private final Executor encodes;
    private final ChunkIndex.Opener opener;
    private final ApiServer server;
    private final Config config;
    private final Consumer<String> log;

    /**
     * @param encoders the models timed, run as a search runs them; the caller closes them
     * @param encodes runs the query encodes of searches, as the server does
     * @param opener opens the index builds searched
     * @param server starts the HTTP server loaded with concurrent clients
     * @param log told each step as it starts
     */
    public Benchmark(Encoders encoders, Executor encodes, ChunkIndex.Opener opener, ApiServer server, Config config,
                     Consumer<String> log) {
        this.encoders = encoders;
        this.encodes = encodes;
        this.opener = opener;
        this.server = server;
        this.config = config;
        this.log = log;
    }

    /** Runs every measure on the index of {@code lists} in {@code current} and returns the figures. */
    public BenchmarkReport run(IngestResult lists, IndexLayout current) throws Exception {
        log.accept("indexing the lists from scratch, then again with nothing changed");
        Indexing indexing = indexing(lists);

        ServingBenchmark http = new ServingBenchmark(server, config.queries(), config.requests(), config.scratch());
        Map<String, Latency> search = new LinkedHashMap<>();
        Serving serving;
        Paired paired;
        double[] encode;
        try (ChunkIndex index = opener.open(current.current().orElseThrow(
                () -> new IOException("no index in " + current.root() + ": run `shelf index` first")))) {
            // No query-vector cache: every search pays for its encoding, as a new query does.
            SearchService uncached = new SearchService(index, encoders, SearchSettings.DEFAULT.withQueryCacheSize(0),
                    encodes);
            log.accept("warming up: every search mode, untimed");
            Timings.warmUp(uncached, config.queries(), SEARCH_WARM_UP_NANOS);
            log.accept("encoding and searching in process: a pass of the queries for the floor and each mode, in turn");
            encode = interleaved(uncached, search);
            log.accept("timing each search next to a bare encode of its query");
            paired = paired(uncached);
            // The warm-up pass fills the cache, so every timed search is a repeated query.
            SearchService cached = new SearchService(index, encoders, SearchSettings.DEFAULT, encodes);
            search.put("hybridCached", Latency.of(Timings.profiled(cached, SearchMode.HYBRID, config.queries(),
                    config.rounds())));
            log.accept("serving HTTP to 1, 4 and 16 concurrent clients on loopback");
            serving = http.load(new SearchService(index, encoders, SearchSettings.DEFAULT, encodes));
        }
        log.accept("starting a server process and waiting for its first answer");
        ServingBenchmark.Startup startup = http.startup(current.root());
        List<ScaleRow> scale = config.scale() > 0
                ? new ScaleBenchmark(encoders.primary(), opener, config, log).run(lists.resources())
                : null;
        // The serving figures' memory: heap of the in-process server above, resident size of a real `serve` process.
        double encodeP50 = Timings.percentile(encode, 50);
        return new BenchmarkReport(Encode.of(encode), indexing, search,
                search.get(SearchMode.HYBRID.label()).p50Ms() / encodeP50,
                search.get(SearchMode.SEMANTIC.label()).p50Ms() / encodeP50, paired,
                serving.withRssMb(startup.rssMb()), startup.seconds(), scale);
    }

    /**
     * Times the encode floor and every search mode, each on its own (a pass of the queries at a time), the passes taken
     * in turn {@code rounds} times: a slow or fast spell of the machine falls on every figure alike. Timed one after
     * the other instead, each in a phase of its own, the ratios would move with the phases, far more than the paired
     * ratio does. No warm-up here: the searches' warm-up before it encoded these queries with these models, and the
     * floor encodes the very queries the searches encode (nothing on the encode path caches a query's vector).
     *
     * @param search gets each mode's latency
     * @return the encode floor's milliseconds, one per query per round
     */
    private double[] interleaved(SearchService uncached, Map<String, Latency> search) {
        List<String> queries = config.queries();
        double[] encode = new double[config.rounds() * queries.size()];
        Map<SearchMode, List<Timings.Samples>> passes = new LinkedHashMap<>();
        for (int round = 0; round < config.rounds(); round++) {
            for (int i = 0; i < queries.size(); i++) {
                long start = System.nanoTime();
                encodeAll(queries.get(i));
                encode[round * queries.size() + i] = (System.nanoTime() - start) / 1e6;
            }
            for (SearchMode mode : SearchMode.values()) {
                passes.computeIfAbsent(mode, m -> new ArrayList<>()).add(Timings.pass(uncached, mode, queries));
            }
        }
        passes.forEach((mode, samples) -> search.put(mode.label(), Latency.of(Timings.Samples.concat(samples))));
        return encode;
    }

    /** See {@link Paired}; the searches before warmed the service. */
    private Paired paired(SearchService uncached) {
        int n = config.rounds() * config.queries().size();
        double[] encode = new double[n];
        double[] hybrid = new double[n];
        double[] semantic = new double[n];
        int i = 0;
        for (int round = 0; round < config.rounds(); round++) {
            for (String query : config.queries()) {
                long start = System.nanoTime();
                encodeAll(query);
                long encoded = System.nanoTime();
                uncached.search(SearchRequest.of(query, SearchMode.HYBRID, Timings.K));
                long hybridDone = System.nanoTime();
                uncached.search(SearchRequest.of(query, SearchMode.SEMANTIC, Timings.K));
                encode[i] = (encoded - start) / 1e6;
                hybrid[i] = (hybridDone - encoded) / 1e6;
                semantic[i] = (System.nanoTime() - hybridDone) / 1e6;
                i++;
            }
        }
        return Paired.of(encode, hybrid, semantic);
    }

    /**
     * The query's vectors of every model, encoded as a search encodes them: side by side on the encode threads. This
     * is the model's share of a search, the floor the other stages are measured against.
     */
    private void encodeAll(String query) {
        List<CompletableFuture<float[]>> vectors = Encoders.askedFor(query, encoders.all()).stream()
                .map(e -> CompletableFuture.supplyAsync(() -> e.encodeQuery(query), encodes)).toList();
        vectors.forEach(CompletableFuture::join);
    }

    /** A full build of the lists into a scratch folder with the real model, then a second with nothing changed. */
    private Indexing indexing(IngestResult lists) throws IOException {
        Path root = Files.createTempDirectory(config.scratch(), "bench-index");
        try {
            ListIndexer indexer = new ListIndexer(new IndexLayout(root), encoders);
            BuildSummary full = indexer.index(lists.resources(), lists.sources(), true, BuildProgress.NONE);
            BuildSummary unchanged = indexer.index(lists.resources(), lists.sources(), false, BuildProgress.NONE);
            double embedSeconds = Math.max(1e-9, full.embedSeconds());
            List<ModelIndexing> models = full.models().stream().map(m -> new ModelIndexing(m.model(), m.readySeconds(),
                    m.embedSeconds(), m.tokensPerSecond())).toList();
            return new Indexing(full.seconds(), full.embedded() / embedSeconds, full.tokens() / embedSeconds,
                    unchanged.seconds(), full.chunks(), unchanged.embedded(), models);
        } finally {
            FileTrees.delete(root);
        }
    }
}
