package dev.shelf.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one benchmark run, in the shape {@code bench --json} prints (Jackson writes the components in order;
 * the names are the JSON keys, so renaming one breaks the contract {@code BenchCommandIT} checks).
 *
 * @param encode the model encoding one query
 * @param indexing building the index of the lists
 * @param search in-process search times by mode label, in {@link dev.shelf.search.SearchMode} order, each query
 *               encoded anew; then {@code hybridCached}, hybrid with the query vectors cached (a repeated query)
 * @param hybridOverEncode hybrid p50 over encode p50: how much of a search is the model
 * @param semanticOverEncode semantic p50 over encode p50
 * @param paired p50s and the same two ratios from searches each timed next to a bare encode of its query
 * @param serving the HTTP server under concurrent clients
 * @param startupSeconds from starting {@code shelf serve} to its first answer; null when it never answered
 * @param scale one row per synthetic corpus size; null (and left out of the JSON) without {@code --scale}
 */
public record BenchmarkReport(Encode encode, Indexing indexing, Map<String, Latency> search, double hybridOverEncode,
                              double semanticOverEncode, Paired paired, Serving serving, Double startupSeconds,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<ScaleRow> scale) {

    /** Encoding one query, in milliseconds. */
    public record Encode(double p50Ms, double p99Ms) {

        static Encode of(double[] ms) {
            return new Encode(Timings.percentile(ms, 50), Timings.percentile(ms, 99));
        }
    }

    /**
     * Searches timed in step with the encode floor: each query's bare encode, then its hybrid search, then its semantic
     * search, query after query. The encode floor above and the modes' searches are timed in passes of the queries
     * taken in turn; this is the finest interleaving, so not even the drift between one pass and the next moves it.
     *
     * @param encodeP50Ms the bare encodes' p50
     * @param hybridP50Ms the hybrid searches' p50 (no query-vector cache)
     * @param semanticP50Ms the semantic searches' p50 (no query-vector cache)
     * @param hybridOverEncode hybrid p50 over this encode p50
     * @param semanticOverEncode semantic p50 over this encode p50
     */
    public record Paired(double encodeP50Ms, double hybridP50Ms, double semanticP50Ms, double hybridOverEncode,
                         double semanticOverEncode) {

        static Paired of(double[] encodeMs, double[] hybridMs, double[] semanticMs) {
            double encode = Timings.percentile(encodeMs, 50);
            double hybrid = Timings.percentile(hybridMs, 50);
            double semantic = Timings.percentile(semanticMs, 50);
            return new Paired(encode, hybrid, semantic, hybrid / encode, semantic / encode);
        }
    }

    /**
     * One search mode's times, in milliseconds.
     *
     * @param stages each stage's p50 and p95 (the search's own profile), in the order the stages ran
     */
    public record Latency(double p50Ms, double p95Ms, double p99Ms, Map<String, Stage> stages) {

        static Latency of(Timings.Samples samples) {
            double[] ms = samples.totalMs();
            Map<String, Stage> stages = new LinkedHashMap<>();
            samples.stagesMs().forEach((name, stageMs) -> stages.put(name,
                    new Stage(Timings.percentile(stageMs, 50), Timings.percentile(stageMs, 95))));
            return new Latency(Timings.percentile(ms, 50), Timings.percentile(ms, 95), Timings.percentile(ms, 99),
                    stages);
        }
    }

    /** One stage of a search mode, in milliseconds. */
    public record Stage(double p50Ms, double p95Ms) {
    }

    /**
     * A full build of the lists, then a second with nothing changed.
     *
     * @param chunksPerSecond chunks embedded per second of embedding
     * @param tokensPerSecond tokens embedded per second of embedding
     * @param unchangedEmbedded chunks the second build embedded (0: all came from the cache)
     * @param models each model's share of the full build, in the order they ran
     */
    public record Indexing(double fullSeconds, double chunksPerSecond, double tokensPerSecond, double unchangedSeconds,
                           int chunks, int unchangedEmbedded, List<ModelIndexing> models) {

        public Indexing {
            models = List.copyOf(models);
        }
    }

    /**
     * One model's share of a full build.
     *
     * @param model model id
     * @param readySeconds loading what embedding passages needs (its passage session)
     * @param embedSeconds embedding the passages it covers
     * @param tokensPerSecond tokens embedded per second of embedding
     */
    public record ModelIndexing(String model, double readySeconds, double embedSeconds, double tokensPerSecond) {
    }

    /**
     * The HTTP server under load.
     *
     * @param clients1 one client at a time
     * @param clients4 four concurrent clients
     * @param clients16 sixteen concurrent clients
     * @param heapMb heap after GC once the runs are over
     * @param heapAfterRunsMb heap after GC before and after each of three more 16-client runs
     * @param heapGrowthMb what the last of those runs left behind beyond the first
     * @param benchRssMb resident memory of this (benchmarking) process
     * @param rssMb resident memory of a separate {@code serve} process after it answered every timed query; -1 where
     *              not measured
     */
    public record Serving(Level clients1, Level clients4, Level clients16, double heapMb, List<Double> heapAfterRunsMb,
                          double heapGrowthMb, double benchRssMb, double rssMb) {

        /** The same figures with the {@code serve} process's resident memory, which is measured later. */
        Serving withRssMb(double mb) {
            return new Serving(clients1, clients4, clients16, heapMb, heapAfterRunsMb, heapGrowthMb, benchRssMb, mb);
        }
    }

    /** One concurrency level: answered requests per second, requests not answered 200, and requests sent. */
    public record Level(double qps, int errors, int requests) {

        static Level of(LoadGenerator.Result result) {
            return new Level(result.qps(), result.errors(), result.requests());
        }
    }

    /**
     * One synthetic corpus: its chunks, build time, search p50 of each mode in milliseconds, and the heap in use after
     * a full collection with its index open and searched (the resources, passage table and search service it holds).
     */
    public record ScaleRow(int chunks, double buildSeconds, double lexicalP50Ms, double semanticP50Ms,
                           double hybridP50Ms, double heapMb) {
    }
}
