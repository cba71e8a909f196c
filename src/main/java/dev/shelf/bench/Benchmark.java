package dev.shelf.bench;

import dev.shelf.embed.OnnxEncoder;
import dev.shelf.index.BuildProgress;
import dev.shelf.index.BuildSummary;
import dev.shelf.index.FileTrees;
import dev.shelf.index.IndexBuilder;
import dev.shelf.index.IndexLayout;
import dev.shelf.index.ChunkIndex;
import dev.shelf.ingest.IngestResult;
import dev.shelf.ingest.Kind;
import dev.shelf.ingest.Mention;
import dev.shelf.ingest.Resource;
import dev.shelf.ingest.Source;
import dev.shelf.search.SearchSettings;
import dev.shelf.search.SearchMode;
import dev.shelf.search.SearchRequest;
import dev.shelf.search.SearchService;
import dev.shelf.web.ServiceProvider;
import dev.shelf.web.WebApp;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the model, the search core, indexing, the HTTP server under concurrent clients, start-up and growth with
 * corpus size, and reports the figures in the shape of {@code bench --json}. Every loop is bounded in count and time;
 * load goes to loopback only.
 */
public final class Benchmark {

    /** Things people ask that share few words with the lists, to time the semantic side honestly. */
    public static final List<String> PARAPHRASES = List.of(
            "how do I fine-tune a 7B model on one GPU", "stop a chatbot from declining requests",
            "make a small model answer in JSON", "shrink a model so it fits on my laptop",
            "which leaderboard compares chat assistants", "turn documents into training data automatically",
            "keep an LLM from making things up", "pick an embedding model for search",
            "run a language model without the cloud", "teach a model my company's tone of voice");
    private static final Pattern SERVING_LINE = Pattern.compile("serving http://([^/\\s]+)/");

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

    private final OnnxEncoder encoder;
    private final ChunkIndex.Opener opener;
    private final Config config;
    private final Consumer<String> log;
    /** Resident memory of the separate `serve` process, measured during the start-up run. */
    private double serverRssMb = -1;

    public Benchmark(OnnxEncoder encoder, ChunkIndex.Opener opener, Config config, Consumer<String> log) {
        this.encoder = encoder;
        this.opener = opener;
        this.config = config;
        this.log = log;
    }

    /** Runs every measure on the index of {@code lists} and returns the report (nested maps, JSON-ready). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> run(IngestResult lists, IndexLayout current) throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        log.accept("encoding one query at a time");
        double[] encode = encodeTimes();
        report.put("encode", percentiles(encode, false));

        log.accept("indexing the lists from scratch, then again with nothing changed");
        report.put("indexing", indexing(lists));

        try (ChunkIndex index = opener.open(current.current().orElseThrow(
                () -> new IOException("no index in " + current.root() + ": run `shelf index` first")))) {
            log.accept("searching in process, every mode");
            Map<String, Object> search = new LinkedHashMap<>();
            SearchService uncached = new SearchService(index, encoder, SearchSettings.DEFAULT.withQueryCacheSize(0));
            double hybridP50 = Double.NaN;
            for (SearchMode mode : SearchMode.values()) {
                double[] times = searchTimes(uncached, mode);
                search.put(mode.label(), percentiles(times, true));
                if (mode == SearchMode.HYBRID) {
                    hybridP50 = percentile(times, 50);
                }
            }
            report.put("search", search);
            report.put("hybridOverEncode", hybridP50 / percentile(encode, 50));

            log.accept("serving HTTP to 1, 4 and 16 concurrent clients on loopback");
            report.put("serving", serving(new SearchService(index, encoder)));
        }
        log.accept("starting a server process and waiting for its first answer");
        report.put("startupSeconds", startupSeconds(current.root()));
        // The serving figures' memory: heap of the in-process server above, resident size of a real `serve` process.
        ((Map<String, Object>) report.get("serving")).put("rssMb", serverRssMb);
        if (config.scale() > 0) {
            report.put("scale", scale(lists));
        }
        return report;
    }

    private double[] encodeTimes() {
        int warm = 30;
        int timed = Math.max(50, config.rounds() * 20);
        double[] ms = new double[timed];
        for (int i = 0; i < warm + timed; i++) {
            String query = config.queries().get(i % config.queries().size()) + " " + i;
            long start = System.nanoTime();
            encoder.encodeQuery(query);
            if (i >= warm) {
                ms[i - warm] = (System.nanoTime() - start) / 1e6;
            }
        }
        return ms;
    }

    private double[] searchTimes(SearchService service, SearchMode mode) {
        for (String query : config.queries()) {
            service.search(SearchRequest.of(query, mode, 10));
        }
        List<Double> ms = new ArrayList<>();
        for (int round = 0; round < config.rounds(); round++) {
            for (String query : config.queries()) {
                long start = System.nanoTime();
                service.search(SearchRequest.of(query, mode, 10));
                ms.add((System.nanoTime() - start) / 1e6);
            }
        }
        return ms.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private Map<String, Object> indexing(IngestResult lists) throws IOException {
        Path root = Files.createTempDirectory(config.scratch(), "bench-index");
        try {
            IndexBuilder builder = new IndexBuilder(new IndexLayout(root), encoder);
            BuildSummary full = builder.build(lists.resources(), lists.sources(), true, BuildProgress.NONE);
            BuildSummary unchanged = builder.build(lists.resources(), lists.sources(), false, BuildProgress.NONE);
            Map<String, Object> indexing = new LinkedHashMap<>();
            indexing.put("fullSeconds", full.seconds());
            indexing.put("chunksPerSecond", full.embedded() / Math.max(1e-9, full.embedSeconds()));
            indexing.put("tokensPerSecond", full.tokens() / Math.max(1e-9, full.embedSeconds()));
            indexing.put("unchangedSeconds", unchanged.seconds());
            indexing.put("chunks", full.chunks());
            indexing.put("unchangedEmbedded", unchanged.embedded());
            return indexing;
        } finally {
            FileTrees.delete(root);
        }
    }

    private Map<String, Object> serving(SearchService service) throws Exception {
        Javalin app = WebApp.create(ServiceProvider.of(service), Path.of("web")).start("127.0.0.1", 0);
        try {
            LoadGenerator load = new LoadGenerator(app.port(), config.queries());
            Map<String, Object> serving = new LinkedHashMap<>();
            for (int clients : new int[] {1, 4, 16}) {
                serving.put("clients" + clients, level(load.run(clients, config.requests())));
            }
            // Memory growth: the same 16-client run again and again must not leave more behind each time.
            List<Double> heaps = new ArrayList<>();
            heaps.add(LoadGenerator.heapAfterGcMb());
            for (int run = 0; run < 3; run++) {
                load.run(16, config.requests());
                heaps.add(LoadGenerator.heapAfterGcMb());
            }
            serving.put("heapMb", heaps.get(heaps.size() - 1));
            serving.put("heapAfterRunsMb", heaps);
            serving.put("heapGrowthMb", heaps.get(heaps.size() - 1) - heaps.get(1));
            serving.put("benchRssMb", residentMb(Path.of("/proc/self/status")));
            return serving;
        } finally {
            app.stop();
        }
    }

    private static Map<String, Object> level(LoadGenerator.Result result) {
        Map<String, Object> level = new LinkedHashMap<>();
        level.put("qps", result.qps());
        level.put("errors", result.errors());
        level.put("requests", result.requests());
        return level;
    }

    /** Resident memory of the server process after it has answered every timed query over HTTP. */
    private double serverResidentMb(HttpClient client, String address, long pid) throws IOException, InterruptedException {
        for (int round = 0; round < 3; round++) {
            for (String q : config.queries()) {
                client.send(HttpRequest.newBuilder(URI.create("http://" + address + "/api/search?q="
                        + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
            }
        }
        return residentMb(Path.of("/proc", Long.toString(pid), "status"));
    }

    private static double residentMb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux: resident memory is not reported.
        }
        return -1;
    }

    /** Seconds from starting `shelf serve` on an existing index to its first answered search. */
    private Double startupSeconds(Path indexRoot) throws Exception {
        long start = System.nanoTime();
        Process server = ShelfProcess.of(config.scratch(), "serve", "--port", "0", "--index", indexRoot.toString())
                .redirectErrorStream(true).start();
        // Not closed here: a thread keeps reading the server's output, and closing would wait for it. Destroying the
        // process ends that output, and the thread with it.
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        try {
            String address = null;
            for (String line = out.readLine(); line != null && address == null; line = out.readLine()) {
                Matcher m = SERVING_LINE.matcher(line);
                if (m.find()) {
                    address = m.group(1);
                }
            }
            if (address == null) {
                return null;
            }
            Thread drain = new Thread(() -> {
                try {
                    out.lines().forEach(line -> { });
                } catch (java.io.UncheckedIOException closed) {
                    // the server was stopped
                }
            }, "bench-drain");
            drain.setDaemon(true);
            drain.start();
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create("http://" + address + "/api/search?q=gguf");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    if (client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        double seconds = (System.nanoTime() - start) / 1e9;
                        serverRssMb = serverResidentMb(client, address, server.pid());
                        return seconds;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(20);
            }
            return null;
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /**
     * Synthetic corpora of 1k, 10k, ... chunks up to the configured scale: passages recombined from the lists'
     * sentences, built by the production {@link IndexBuilder} with an encoder that counts tokens like the model but
     * returns seeded random unit vectors ({@link RandomVectorEncoder}), so that building measures the index, not the
     * model.
     */
    private List<Map<String, Object>> scale(IngestResult lists) throws IOException {
        List<String> sentences = new ArrayList<>();
        for (Resource r : lists.resources()) {
            for (String s : r.description().split("(?<=[.!?])\\s+")) {
                if (s.split("\\s+").length >= 5) {
                    sentences.add(s.strip());
                }
            }
        }
        if (sentences.isEmpty()) {
            sentences.add("A passage about language models, quantization and retrieval.");
        }
        List<Integer> sizes = new ArrayList<>();
        for (int n = 1000; n < config.scale(); n *= 10) {
            sizes.add(n);
        }
        sizes.add(config.scale());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int size : sizes) {
            log.accept("scale: building a synthetic corpus of " + size + " chunks");
            rows.add(scaleRow(size, sentences));
        }
        return rows;
    }

    private Map<String, Object> scaleRow(int size, List<String> sentences) throws IOException {
        Random random = new Random(size);
        Source source = new Source("synthetic", "Synthetic corpus", Path.of("synthetic"));
        List<Resource> resources = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String text = sentences.get(random.nextInt(sentences.size())) + " " + sentences.get(random.nextInt(sentences.size()));
            String title = Arrays.stream(text.split("\\s+")).limit(5).collect(java.util.stream.Collectors.joining(" ")) + " #" + i;
            resources.add(new Resource("s" + i, title, null, List.of(), text, Kind.SECTION, List.of("Synthetic"),
                    List.of(new Mention(source.id(), source.name(), List.of("Synthetic"), i + 1)), Map.of()));
        }
        Path root = Files.createTempDirectory(config.scratch(), "bench-scale");
        try {
            IndexLayout layout = new IndexLayout(root);
            // Real chunking, random vectors: the build time is the index's, not the model's.
            BuildSummary summary = new IndexBuilder(layout, RandomVectorEncoder.like(encoder))
                    .build(resources, List.of(source), false, BuildProgress.NONE);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("chunks", summary.chunks());
            row.put("buildSeconds", summary.seconds());
            try (ChunkIndex index = opener.open(layout.current().orElseThrow())) {
                SearchService service = new SearchService(index, encoder, SearchSettings.DEFAULT.withQueryCacheSize(0));
                row.put("lexicalP50Ms", percentile(searchTimes(service, SearchMode.LEXICAL), 50));
                row.put("semanticP50Ms", percentile(searchTimes(service, SearchMode.SEMANTIC), 50));
                row.put("hybridP50Ms", percentile(searchTimes(service, SearchMode.HYBRID), 50));
            }
            return row;
        } finally {
            FileTrees.delete(root);
        }
    }

    private static Map<String, Object> percentiles(double[] ms, boolean withP95) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("p50Ms", percentile(ms, 50));
        if (withP95) {
            p.put("p95Ms", percentile(ms, 95));
        }
        p.put("p99Ms", percentile(ms, 99));
        return p;
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
