package dev.shelf.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times the stages of one search, in the order they ran, for {@code profile=true}: a stage run twice adds up. Cheap
 * enough (two {@code nanoTime} calls a stage) to run on every search. NOTE: not thread-safe; one per search.
 */
final class StageClock {

    private final long start = System.nanoTime();
    private final Map<String, Double> stages = new LinkedHashMap<>();

    /** Runs the stage and adds its time under the name. */
    <T> T time(String stage, Supplier<T> work) {
        long begin = System.nanoTime();
        try {
            return work.get();
        } finally {
            add(stage, begin);
        }
    }

    /** Adds the time since {@code begin} (a {@code nanoTime}) under the name. */
    void add(String stage, long begin) {
        stages.merge(stage, (System.nanoTime() - begin) / 1e6, Double::sum);
    }

    /** Adds a time measured elsewhere (on another thread) under the name. */
    void put(String stage, double ms) {
        stages.merge(stage, ms, Double::sum);
    }

    double elapsedMs() {
        return (System.nanoTime() - start) / 1e6;
    }

    /** The stages so far, with the total since the clock started. */
    SearchProfile profile() {
        return new SearchProfile(stages, elapsedMs());
    }
}
