package dev.shelf.search;

import dev.shelf.embed.Encoder;
import dev.shelf.index.ChunkIndex;
import dev.shelf.ingest.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The retrieve stage: the ranked lists a search fuses, each from the index's passages aggregated to resources
 * ({@link Ranking#ofBestPassages}). A query's lists are the lexical one and one per model that covers the query (a
 * typed sub-search asks only its own, {@link SubSearch}); a resource's related lists are a lexical more-like-this and
 * the nearest passages to its stored vector. NOTE: thread-safe; does not own the index or the models.
 */
final class Retrieval {

    /** Resources taken from each list before fusion. */
    static final int CANDIDATES = 100;
    /** The lexical list's name, as the explain data calls it; each model's list is called by the model's id. */
    static final String LEXICAL = "lexical";
    /** Passages fetched per wanted resource, since one resource may hold several of the best passages. */
    private static final int PASSAGES_PER_CANDIDATE = 3;
    private static final int PASSAGE_DEPTH = CANDIDATES * PASSAGES_PER_CANDIDATE;
    /**
     * Passages fetched per model list: the nearest 100 rank as well as 300 on both halves of the tuning set, and
     * fewer cost less per model and search (docs/experiments.md).
     */
    private static final int VECTOR_DEPTH = CANDIDATES;

    private final ChunkIndex index;
    private final List<Encoder> models;
    private final Executor encodes;
    private final Map<String, QueryVectorCache> queryVectors = new HashMap<>();

    /**
     * @param models the models whose lists a query gets (each with a vector field in the index)
     * @param encodes runs query encodes, so that they run beside each other and beside the lexical retrieval
     */
    Retrieval(ChunkIndex index, List<Encoder> models, int queryCacheSize, Executor encodes) {
        this.index = index;
        this.models = List.copyOf(models);
        this.encodes = encodes;
        for (Encoder model : models) {
            queryVectors.put(model.name(), new QueryVectorCache(queryCacheSize));
        }
    }

    /**
     * The lists of one sub-search's text that both the mode and the sub-search ask, lexical first, then one per model
     * that covers the text, each named by the sub-search ({@link SubSearch#listName}). Each model's encode and vector
     * search are handed to {@code encodes} first, so that they run while the lexical list is made; the clock times each
     * model's encode (or its cache hit) and its vector search where they ran, and "models wait" how long the search
     * then still waited for them.
     */
    List<Ranking> lists(SubSearch sub, String text, SearchMode mode, Set<String> sources, StageClock clock) {
        List<Encoder> asked = mode == SearchMode.LEXICAL || !sub.models() ? List.of()
                : QueryWeights.modelsFor(text, models);
        List<CompletableFuture<ModelRanking>> semantic = new ArrayList<>(asked.size());
        for (Encoder model : asked) {
            semantic.add(CompletableFuture.supplyAsync(() -> modelRanking(sub, model, text, sources), encodes));
        }
        List<Ranking> rankings = new ArrayList<>(1 + asked.size());
        List<ModelRanking> done;
        long waitBegin;
        try {
            if (mode != SearchMode.SEMANTIC && sub.lexical()) {
                String lexical = sub.listName(LEXICAL);
                rankings.add(clock.time(lexical, () -> Ranking.ofBestPassages(lexical,
                        index.lexical(text, sources, PASSAGE_DEPTH), CANDIDATES)));
            }
            waitBegin = System.nanoTime();
            done = semantic.stream().map(CompletableFuture::join).toList();
        } finally {
            // Never leave a model's search running after this one fails: its index may be closed under it.
            CompletableFuture.allOf(semantic.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        }
        if (!asked.isEmpty()) {
            clock.add(sub.listName("models wait"), waitBegin);
        }
        for (ModelRanking m : done) {
            clock.put((m.cached() ? "encode (cached) " : "encode ") + m.ranking().retriever(), m.encodeMs());
            clock.put("vector " + m.ranking().retriever(), m.vectorMs());
            rankings.add(m.ranking());
        }
        return rankings;
    }

    /**
     * One model's list for a sub-search's text: its query vector (from the cache, or encoded), then the nearest
     * passages, both on the thread that runs it, so that each model's vector search overlaps the others' encodes.
     */
    private ModelRanking modelRanking(SubSearch sub, Encoder model, String text, Set<String> sources) {
        long begin = System.nanoTime();
        QueryVectorCache.Lookup lookup = queryVectors.get(model.name()).lookup(text, model::encodeQuery);
        long encoded = System.nanoTime();
        Ranking ranking = Ranking.ofBestPassages(sub.listName(model.name()),
                index.semantic(model.name(), lookup.vector(), sources, VECTOR_DEPTH), CANDIDATES);
        return new ModelRanking(ranking, lookup.cached(), (encoded - begin) / 1e6, (System.nanoTime() - encoded) / 1e6);
    }

    /** A model's list, whether its query vector was cached, and the milliseconds of its two stages. */
    private record ModelRanking(Ranking ranking, boolean cached, double encodeMs, double vectorMs) {
    }

    /**
     * The lists of resources like {@code self}, each named {@code prefix} and its retriever: a lexical more-like-this
     * of its title and description, and the nearest passages to its vector (only from the given lists, all when
     * empty). They still hold {@code self}: the caller leaves out what it must.
     */
    List<Ranking> related(Resource self, Set<String> sources, String prefix) {
        List<Ranking> rankings = new ArrayList<>(2);
        rankings.add(Ranking.ofBestPassages(prefix + LEXICAL, index.moreLikeThis(self.id(), PASSAGE_DEPTH), CANDIDATES));
        // The stored vector is the build's primary model's, so it is searched in that model's field, under its name.
        String model = index.info().model();
        index.vector(self.id()).ifPresent(v -> rankings.add(Ranking.ofBestPassages(prefix + model,
                index.semantic(model, v, sources, PASSAGE_DEPTH), CANDIDATES)));
        return rankings;
    }
}
