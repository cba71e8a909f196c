package dev.shelf.bench;

import dev.shelf.search.SearchMode;
import dev.shelf.search.SearchProfile;
import dev.shelf.search.SearchRequest;
import dev.shelf.search.SearchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Timing helpers shared by the benchmark's parts: search times of a query set, and percentiles of them. */
final class Timings {

    /** Results asked of every timed search: a page, as the UI asks. */
    static final int K = 10;
    /**
     * Untimed passes over the queries go on until this long has passed (at least one, at most {@link #MAX_WARM_UP}):
     * a single pass of the lexical searches leaves the JIT cold, and their p50 read about twice what it is once warm.
     */
    private static final long WARM_UP_NANOS = 2_000_000_000L;
    private static final int MAX_WARM_UP = 50;

    private Timings() {
    }

    /**
     * Runs every mode's searches in turn, untimed, for about {@code nanos}: the JIT's compiles of the search code go on
     * long after a mode's own warm-up (the first mode timed read slower than the same mode timed again right after),
     * and on few cores its compiler threads take time from searches (the method is in docs/speed.md).
     */
    static void warmUp(SearchService service, List<String> queries, long nanos) {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() < until) {
            for (String query : queries) {
                for (SearchMode mode : SearchMode.values()) {
                    service.search(SearchRequest.of(query, mode, K));
                }
            }
        }
    }

    /**
     * Milliseconds of each search of every query, {@code rounds} times over, after untimed passes that warm the
     * index's caches and the JIT (about two seconds of them).
     */
    static double[] search(SearchService service, SearchMode mode, List<String> queries, int rounds) {
        return profiled(service, mode, queries, rounds).totalMs();
    }

    /** As {@link #search}, with each search's own profile: the milliseconds of every stage too. */
    static Samples profiled(SearchService service, SearchMode mode, List<String> queries, int rounds) {
        long warmUntil = System.nanoTime() + WARM_UP_NANOS;
        for (int pass = 0; pass < MAX_WARM_UP && (pass == 0 || System.nanoTime() < warmUntil); pass++) {
            for (String query : queries) {
                service.search(SearchRequest.of(query, mode, K));
            }
        }
        List<Samples> passes = new ArrayList<>(rounds);
        for (int round = 0; round < rounds; round++) {
            passes.add(pass(service, mode, queries));
        }
        return Samples.concat(passes);
    }

    /** One timed search of each query, with no warm-up: the caller has warmed the service. */
    static Samples pass(SearchService service, SearchMode mode, List<String> queries) {
        double[] ms = new double[queries.size()];
        Map<String, double[]> stages = new LinkedHashMap<>();
        for (int i = 0; i < queries.size(); i++) {
            long start = System.nanoTime();
            SearchProfile profile = service.search(SearchRequest.of(queries.get(i), mode, K).withProfile(true))
                    .profile();
            ms[i] = (System.nanoTime() - start) / 1e6;
            int sample = i;
            profile.stagesMs().forEach((stage, stageMs) ->
                    stages.computeIfAbsent(stage, s -> new double[ms.length])[sample] = stageMs);
        }
        return new Samples(ms, stages);
    }

    /**
     * The times of a run of searches.
     *
     * @param totalMs each search, measured from outside
     * @param stagesMs each stage's time in each search (0 where a search did not run that stage, as an encode that the
     *                 cache answered)
     */
    record Samples(double[] totalMs, Map<String, double[]> stagesMs) {

        /** The samples of several runs as one run, in order (a stage missing from a run counts 0 there). */
        static Samples concat(List<Samples> runs) {
            int n = runs.stream().mapToInt(run -> run.totalMs().length).sum();
            double[] ms = new double[n];
            Map<String, double[]> stages = new LinkedHashMap<>();
            int at = 0;
            for (Samples run : runs) {
                System.arraycopy(run.totalMs(), 0, ms, at, run.totalMs().length);
                int offset = at;
                run.stagesMs().forEach((stage, stageMs) -> System.arraycopy(stageMs, 0,
                        stages.computeIfAbsent(stage, s -> new double[n]), offset, stageMs.length));
                at += run.totalMs().length;
            }
            return new Samples(ms, stages);
        }
    }

    /**
     * Nearest-rank percentile: the smallest value with at least {@code p} percent of the values at or below it; NaN
     * when there are none.
     */
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
