package dev.shelf.bench;

import dev.shelf.bench.BenchmarkReport.Level;
import dev.shelf.bench.BenchmarkReport.Serving;
import dev.shelf.search.SearchService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side: an in-process server under 1, 4 and 16 concurrent loopback clients (throughput, errors, heap growth),
 * and a separate {@code shelf serve} process timed from start to its first answer (start-up, resident memory).
 */
final class ServingBenchmark {

    private static final Pattern SERVING_LINE = Pattern.compile("serving http://([^/\\s]+)/");
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
    /** Untimed 16-client runs before the timed ones. */
    private static final int WARM_UP_RUNS = 3;
    /** Timed starts of the server; their median is reported, since a single start varies by seconds between runs. */
    private static final int TIMED_STARTS = 3;
    /** Runs of 16 clients after the timed ones, each followed by a heap reading. */
    private static final int GROWTH_RUNS = 3;

    /**
     * A {@code serve} process's first answer.
     *
     * @param seconds from starting the process to its first answered search; null when it never answered
     * @param rssMb its resident memory once it answered every timed query; -1 when not measured
     */
    record Startup(Double seconds, double rssMb) {

        static final Startup NONE = new Startup(null, -1);
    }

    private final ApiServer server;
    private final List<String> queries;
    private final int requests;
    private final Path scratch;

    /**
     * @param server starts the in-process server loaded
     * @param queries the questions sent, in turn
     * @param requests HTTP requests per concurrency level
     * @param scratch a folder for the start-up run's files
     */
    ServingBenchmark(ApiServer server, List<String> queries, int requests, Path scratch) {
        this.server = server;
        this.queries = queries;
        this.requests = requests;
        this.scratch = scratch;
    }

    /** Load on an in-process server; the {@code serve} process's memory ({@code rssMb}) is left at -1 here. */
    Serving load(SearchService service) throws Exception {
        try (ApiServer.Started app = server.start(service)) {
            LoadGenerator load = new LoadGenerator(app.port(), queries);
            // Untimed first, as for the in-process searches: the HTTP server's, JSON's and client's code is still cold
            // after them, and consecutive cold runs keep speeding up.
            for (int run = 0; run < WARM_UP_RUNS; run++) {
                load.run(16, requests);
            }
            Level one = Level.of(load.run(1, requests));
            Level four = Level.of(load.run(4, requests));
            Level sixteen = Level.of(load.run(16, requests));
            // Memory growth: the same 16-client run again and again must not leave more behind each time.
            List<Double> heaps = new ArrayList<>();
            heaps.add(LoadGenerator.heapAfterGcMb());
            for (int run = 0; run < GROWTH_RUNS; run++) {
                load.run(16, requests);
                heaps.add(LoadGenerator.heapAfterGcMb());
            }
            double last = heaps.get(heaps.size() - 1);
            return new Serving(one, four, sixteen, last, List.copyOf(heaps), last - heaps.get(1),
                    residentMb(Path.of("/proc/self/status")), -1);
        }
    }

    /**
     * Starts {@code shelf serve} on an existing index and times it to its first answered search: the median of
     * {@value #TIMED_STARTS} starts, after an untimed one. The untimed start is the first after a build, as a user's
     * first: it writes the JVM's class-data archive that later starts load classes from, and reads the files into the
     * page cache.
     */
    Startup startup(Path indexRoot) throws Exception {
        launch(indexRoot);
        List<Startup> timed = new ArrayList<>();
        for (int i = 0; i < TIMED_STARTS; i++) {
            timed.add(launch(indexRoot));
        }
        timed.sort(Comparator.comparing(Startup::seconds, Comparator.nullsLast(Comparator.naturalOrder())));
        return timed.get(timed.size() / 2);
    }

    private Startup launch(Path indexRoot) throws Exception {
        long start = System.nanoTime();
        Process server = ShelfProcess.of(scratch, "serve", "--port", "0", "--index", indexRoot.toString())
                .redirectErrorStream(true).start();
        // Not closed here: a thread keeps reading the server's output, and closing would wait for it. Destroying the
        // process ends that output, and the thread with it.
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        try {
            String address = address(out);
            if (address == null) {
                return Startup.NONE;
            }
            drain(out);
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create("http://" + address + "/api/search?q=gguf");
            long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    if (client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200) {
                        double seconds = (System.nanoTime() - start) / 1e9;
                        return new Startup(seconds, residentAfterQueries(client, address, server.pid()));
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(20);
            }
            return Startup.NONE;
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** The host:port the server says it serves on, or null when its output ends first. */
    private static String address(BufferedReader out) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher m = SERVING_LINE.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** Keeps reading the server's output so that a full pipe never blocks it. */
    private static void drain(BufferedReader out) {
        Thread drain = new Thread(() -> {
            try {
                out.lines().forEach(line -> { });
            } catch (UncheckedIOException closed) {
                // the server was stopped
            }
        }, "bench-drain");
        drain.setDaemon(true);
        drain.start();
    }

    /** Resident memory of the server process after it has answered every timed query over HTTP, three times. */
    private double residentAfterQueries(HttpClient client, String address, long pid)
            throws IOException, InterruptedException {
        for (int round = 0; round < 3; round++) {
            for (String q : queries) {
                client.send(HttpRequest.newBuilder(URI.create("http://" + address + "/api/search?q="
                        + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
            }
        }
        return residentMb(Path.of("/proc", Long.toString(pid), "status"));
    }

    /** VmRSS of a /proc status file in MB; -1 where there is none (not Linux). */
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
}
