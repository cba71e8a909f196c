package dev.shelf.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback HTTP load: a fixed number of search requests shared by a number of concurrent clients, each waiting for
 * its answer before sending the next. Used by {@code bench} at full scale and by the load test at a small one.
 */
public final class LoadGenerator {

    private static final Duration TIME_LIMIT = Duration.ofSeconds(120);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final List<String> queries;

    /**
     * @param port a server on 127.0.0.1
     * @param queries the questions sent, in turn
     */
    public LoadGenerator(int port, List<String> queries) {
        this.port = port;
        this.queries = List.copyOf(queries);
    }

    /**
     * What one run did.
     *
     * @param requests requests answered (or failed at the network level)
     * @param errors requests that were not answered 200
     * @param statuses how many answers of each status (-1 for a network failure)
     * @param qps answered requests per second
     */
    public record Result(int requests, int errors, Map<Integer, Integer> statuses, double qps) {
    }

    /** Sends {@code requests} searches from {@code clients} concurrent clients. */
    public Result run(int clients, int requests) throws Exception {
        AtomicInteger next = new AtomicInteger();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                        int status = send(queries.get(i % queries.size()));
                        if (status == 0) {
                            return;
                        }
                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<Integer, Integer> counts = new TreeMap<>();
        statuses.forEach((status, n) -> counts.put(status, n.get()));
        int done = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new Result(done, done - counts.getOrDefault(200, 0), counts, done / seconds);
    }

    /** The status of one search, -1 when the network failed, 0 when interrupted. */
    private int send(String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/search?q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Heap in use after garbage collection, in MB: what is still held once the garbage is gone. */
    public static double heapAfterGcMb() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0;
    }
}
