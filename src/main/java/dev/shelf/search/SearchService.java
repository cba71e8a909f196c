package dev.shelf.search;

import dev.shelf.embed.Encoder;
import dev.shelf.embed.Encoders;
import dev.shelf.index.BuildInfo;
import dev.shelf.index.ChunkIndex;
import dev.shelf.ingest.Resource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The search core: retrieves passages by words and by meaning, aggregates them to resources ({@link Ranking}), fuses
 * the rankings ({@link Fusion}), promotes an exact title ({@link TitlePromotion}), and dresses the first k as results
 * with snippets ({@link Snippets}) and per-list facets; and finds related articles of a resource. The decisions live in
 * those pure functions; this class only feeds them. Rankings are deterministic (ties broken by id) and do not depend
 * on k. NOTE: thread-safe; does not own the index or the encoder, which the caller closes.
 */
public final class SearchService {

    /** Resources taken from each retriever before fusion. */
    public static final int CANDIDATES = 100;
    /** Passages fetched per wanted resource, since one resource may hold several of the best passages. */
    private static final int PASSAGES_PER_CANDIDATE = 3;
    private static final int PASSAGE_DEPTH = CANDIDATES * PASSAGES_PER_CANDIDATE;
    /**
     * Passages fetched per model list: its nearest 100 passages gave the same tuning-set nDCG@10 as 300 (0.532 against
     * 0.531, both halves equal or better; dev set 0.764 either way) for about 0.07 ms less per model and search.
     */
    private static final int VECTOR_DEPTH = CANDIDATES;
    /** The lexical list's name, as the explain data calls it; each model's list is called by the model's id. */
    static final String LEXICAL = "lexical";

    private final ChunkIndex index;
    private final List<Encoder> models;
    private final String primary;
    private final SearchSettings settings;
    private final Executor encodes;
    private final Map<String, QueryVectorCache> queryVectors = new HashMap<>();
    private final Map<String, List<String>> idsByTitle = new HashMap<>();
    /** Each resource's list ids, worked out once: counting the facets of every search from mentions cost more. */
    private final Map<String, List<String>> listsById = new HashMap<>();

    /**
     * A service over the index with the given models (those the build has a vector field for are used; the primary
     * one finds related articles).
     *
     * @param encodes runs query encodes, so that they run beside each other and beside the lexical retrieval; a
     *                caller without threads to spare gives {@code Runnable::run}
     */
    public SearchService(ChunkIndex index, Encoders encoders, SearchSettings settings, Executor encodes) {
        this.index = index;
        this.models = encoders.all().stream()
                .filter(e -> index.info().dimensionsOf(e.name()).isPresent()).toList();
        this.primary = encoders.primary().name();
        this.settings = settings;
        this.encodes = encodes;
        for (Encoder model : models) {
            queryVectors.put(model.name(), new QueryVectorCache(settings.queryCacheSize()));
        }
        for (Resource r : index.resources()) {
            idsByTitle.computeIfAbsent(TitlePromotion.key(r.title()), key -> new ArrayList<>()).add(r.id());
            listsById.put(r.id(), r.listIds());
        }
    }

    /** A service with one model, encoding on the caller's thread. */
    public SearchService(ChunkIndex index, Encoder encoder, SearchSettings settings) {
        this(index, Encoders.of(encoder), settings, Runnable::run);
    }

    /** A service with one model and the default settings. */
    public SearchService(ChunkIndex index, Encoder encoder) {
        this(index, encoder, SearchSettings.DEFAULT);
    }

    /** Facts of the build searched: when, which model, which lists. */
    public BuildInfo info() {
        return index.info();
    }

    /** The folder of the build searched (where its topic map is), if it is on disk. */
    public Optional<Path> folder() {
        return index.folder();
    }

    public Optional<Resource> resource(String id) {
        return index.resource(id);
    }

    /**
     * The query's results. A hybrid search for resources like a named one ("more like X", see {@link MoreLike}) also
     * fuses the lists of X's related resources, half the weight, and leaves X itself out; X is looked for in every
     * list, the related resources only in the lists searched.
     */
    public SearchResponse search(SearchRequest request) {
        StageClock clock = new StageClock();
        String query = request.query().strip();
        List<Ranking> found = query.isEmpty() ? List.of() : retrieve(query, request.mode(), request.sources(), clock);
        Optional<String> subject = request.mode() == SearchMode.HYBRID && settings.moreLike()
                ? MoreLike.subject(query) : Optional.empty();
        // Finding X and its related lists are timed as one stage: together they are what a "more like" query costs.
        Optional<Resource> like = subject.flatMap(name -> clock.time("more like", () -> named(name)));
        List<Ranking> related = like.map(self -> clock.time("more like",
                () -> relatedRankings(self, request.sources(), MoreLike.LIST_PREFIX))).orElse(List.of());
        List<Ranking> rankings = new ArrayList<>(found.size() + related.size());
        found.forEach(r -> rankings.add(like.map(self -> r.filter(id -> !isDuplicate(self, id))).orElse(r)));
        rankings.addAll(related);
        Map<String, Double> weights = like.isEmpty() ? weights(query, found)
                : MoreLike.weights(weights(query, found), related.stream().map(Ranking::retriever).toList());
        List<Fused> ranked = clock.time("fusion", () -> rank(query, rankings, weights, request));
        // A "more like X" answer marks X's name in its snippets, not the words of the request ("like", "something").
        String marked = like.isPresent() ? subject.get() : query;
        List<SearchResult> results = results(marked, rankings, ranked, weights, request.k(), clock);
        Map<String, Integer> facets = clock.time("facets", () -> Resource.countLists(
                ranked.stream().map(f -> listsById.getOrDefault(f.id(), List.of())).toList()));
        return new SearchResponse(request.query(), request.mode(), request.k(), ranked.size(), clock.elapsedMs(), results,
                facets, like.map(r -> new SearchResponse.Like(r.id(), r.title())).orElse(null),
                request.profile() ? clock.profile() : null);
    }

    /**
     * The resource a name X stands for: the first hybrid result for X over every list (weighed without regard to the
     * query's form: X is a name, not a question), if its title holds X's words; empty when nothing is named. The one
     * resource titled exactly X is that first result (the exact-title rule), so it is taken without the search: the
     * query path runs on every keystroke, and the search costs a second encode per model.
     */
    private Optional<Resource> named(String name) {
        List<String> titled = idsByTitle.getOrDefault(TitlePromotion.key(name), List.of());
        if (titled.size() == 1) {
            return index.resource(titled.get(0));
        }
        List<Ranking> rankings = retrieve(name, SearchMode.HYBRID, Set.of(), new StageClock());
        Map<String, Double> weights = QueryWeights.of(name, true, modelLists(rankings), settings.semanticWeight(),
                false, "");
        SearchRequest find = new SearchRequest(name, SearchMode.HYBRID, 1, Set.of());
        return rank(name, rankings, weights, find).stream().findFirst()
                .flatMap(first -> index.resource(first.id()))
                .filter(resource -> MoreLike.names(resource.title(), name));
    }

    /**
     * The rankings fused; in hybrid mode, with an exact title first. A single-retriever mode keeps its retriever's own
     * order and scores.
     */
    private List<Fused> rank(String query, List<Ranking> rankings, Map<String, Double> weights, SearchRequest request) {
        if (rankings.size() == 1 && request.mode() != SearchMode.HYBRID) {
            return Fusion.single(rankings.get(0));
        }
        boolean hybrid = request.mode() == SearchMode.HYBRID;
        List<Fused> fused = settings.fusion().fuse(inputs(rankings, weights));
        return TitlePromotion.promote(fused, hybrid ? exactTitles(query, request.sources()) : List.of());
    }

    /**
     * The first k of the ranking dressed as results, each with the passage that earned it, the words of {@code marked}
     * highlighted.
     */
    private List<SearchResult> results(String marked, List<Ranking> rankings, List<Fused> ranked,
                                       Map<String, Double> weights, int k, StageClock clock) {
        List<Fused> shown = ranked.subList(0, Math.min(k, ranked.size()));
        Map<String, String> texts = clock.time("stored fields", () -> passageTexts(rankings, shown));
        return clock.time("snippets", () -> {
            Function<String, Optional<String>> highlight = index.highlighter(marked);
            List<SearchResult> results = new ArrayList<>(shown.size());
            for (Fused f : shown) {
                index.resource(f.id()).ifPresent(r -> results.add(SearchResult.of(r,
                        Snippets.snippet(highlight, texts.get(f.id()), r.description()), f, primary, weights)));
            }
            return results;
        });
    }

    /** The text of the passage that earned each shown resource; none for a resource no retriever found. */
    private Map<String, String> passageTexts(List<Ranking> rankings, List<Fused> shown) {
        Map<String, String> texts = new HashMap<>();
        for (Fused f : shown) {
            Ranking.passage(rankings, f).ifPresent(
                    ordinal -> index.passage(f.id(), ordinal).ifPresent(text -> texts.put(f.id(), text)));
        }
        return texts;
    }

    /**
     * The rankings of the retrievers the mode asks, lexical first, then one per model that covers the query. Each
     * model's encode and vector search are handed to {@code encodes} first, so that they run while the lexical list is
     * made; the profile times each model's encode (or its cache hit) and its vector search where they ran, and
     * "models wait" how long the search then still waited for them.
     */
    private List<Ranking> retrieve(String query, SearchMode mode, Set<String> sources, StageClock clock) {
        List<Encoder> asked = mode == SearchMode.LEXICAL ? List.of() : QueryWeights.modelsFor(query, models);
        List<CompletableFuture<ModelRanking>> semantic = new ArrayList<>(asked.size());
        for (Encoder model : asked) {
            semantic.add(CompletableFuture.supplyAsync(() -> modelRanking(model, query, sources), encodes));
        }
        List<Ranking> rankings = new ArrayList<>(1 + asked.size());
        List<ModelRanking> done;
        long waitBegin;
        try {
            if (mode != SearchMode.SEMANTIC) {
                rankings.add(clock.time("lexical", () -> Ranking.ofBestPassages(LEXICAL,
                        index.lexical(query, sources, PASSAGE_DEPTH), CANDIDATES)));
            }
            waitBegin = System.nanoTime();
            done = semantic.stream().map(CompletableFuture::join).toList();
        } finally {
            // Never leave a model's search running after this one fails: its index may be closed under it.
            CompletableFuture.allOf(semantic.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        }
        if (!asked.isEmpty()) {
            clock.add("models wait", waitBegin);
        }
        for (ModelRanking m : done) {
            clock.put((m.cached() ? "encode (cached) " : "encode ") + m.ranking().retriever(), m.encodeMs());
            clock.put("vector " + m.ranking().retriever(), m.vectorMs());
            rankings.add(m.ranking());
        }
        return rankings;
    }

    /**
     * One model's ranked list for the query: its query vector (from the cache, or encoded), then the nearest passages,
     * both on the thread that runs it, so that each model's vector search overlaps the others' encodes.
     */
    private ModelRanking modelRanking(Encoder model, String query, Set<String> sources) {
        long begin = System.nanoTime();
        QueryVectorCache.Lookup lookup = queryVectors.get(model.name()).lookup(query, model::encodeQuery);
        long encoded = System.nanoTime();
        Ranking ranking = Ranking.ofBestPassages(model.name(),
                index.semantic(model.name(), lookup.vector(), sources, VECTOR_DEPTH), CANDIDATES);
        return new ModelRanking(ranking, lookup.cached(), (encoded - begin) / 1e6, (System.nanoTime() - encoded) / 1e6);
    }

    /** A model's ranked list, whether its query vector was cached, and the milliseconds of its two stages. */
    private record ModelRanking(Ranking ranking, boolean cached, double encodeMs, double vectorMs) {
    }

    /** This query's weight of each list that answered. */
    private Map<String, Double> weights(String query, List<Ranking> rankings) {
        boolean lexical = rankings.stream().anyMatch(r -> r.retriever().equals(LEXICAL));
        return QueryWeights.of(query, lexical, modelLists(rankings), settings.semanticWeight(), settings.queryAware(),
                settings.questionModel());
    }

    /** The names of the rankings that are models' lists, in order. */
    private static List<String> modelLists(List<Ranking> rankings) {
        return rankings.stream().map(Ranking::retriever).filter(n -> !n.equals(LEXICAL)).toList();
    }

    private static List<Fusion.Input> inputs(List<Ranking> rankings, Map<String, Double> weights) {
        return rankings.stream().map(r -> new Fusion.Input(r, weights.get(r.retriever()))).toList();
    }

    /** The resources titled exactly as the query, among the lists searched. */
    private List<String> exactTitles(String query, Set<String> sources) {
        return idsByTitle.getOrDefault(TitlePromotion.key(query), List.of()).stream()
                .filter(id -> index.resource(id).map(r -> sources.isEmpty()
                        || r.listIds().stream().anyMatch(sources::contains)).orElse(false))
                .toList();
    }

    /**
     * Resources like the given one: its nearest passages by vector fused with a lexical more-like-this, never the
     * resource itself or a duplicate of it (same URL or same title). Empty when the id is unknown.
     */
    public Optional<List<SearchResult>> related(String id, int k) {
        Optional<Resource> self = index.resource(id);
        if (self.isEmpty()) {
            return Optional.empty();
        }
        List<Ranking> others = relatedRankings(self.get(), Set.of(), "");
        String model = index.info().model();
        Map<String, Double> weights = QueryWeights.of("", true, modelLists(others), settings.semanticWeight(), false,
                "");
        List<SearchResult> results = new ArrayList<>();
        for (Fused f : settings.fusion().fuse(inputs(others, weights))) {
            if (results.size() == k) {
                break;
            }
            index.resource(f.id()).ifPresent(r -> results.add(SearchResult.of(r, Snippets.plain(r.description()), f,
                    model, weights)));
        }
        return Optional.of(results);
    }

    /**
     * The lists of resources like {@code self}, each named {@code prefix} and its retriever: a lexical more-like-this
     * of its title and description, and the nearest passages to its vector; without itself or a duplicate of it, and
     * only from the given lists (all when empty).
     */
    private List<Ranking> relatedRankings(Resource self, Set<String> sources, String prefix) {
        List<Ranking> rankings = new ArrayList<>(2);
        rankings.add(Ranking.ofBestPassages(prefix + LEXICAL, index.moreLikeThis(self.id(), PASSAGE_DEPTH), CANDIDATES));
        // The stored vector is the build's primary model's, so it is searched in that model's field, under its name.
        String model = index.info().model();
        index.vector(self.id()).ifPresent(v -> rankings.add(Ranking.ofBestPassages(prefix + model,
                index.semantic(model, v, sources, PASSAGE_DEPTH), CANDIDATES)));
        return rankings.stream().map(r -> r.filter(other -> !isDuplicate(self, other) && inLists(other, sources)))
                .toList();
    }

    private boolean inLists(String id, Set<String> sources) {
        return sources.isEmpty() || listsById.getOrDefault(id, List.of()).stream().anyMatch(sources::contains);
    }

    private boolean isDuplicate(Resource self, String otherId) {
        Resource other = index.resource(otherId).orElse(null);
        return other == null || other.id().equals(self.id())
                || (self.url() != null && self.url().equals(other.url()))
                || TitlePromotion.key(other.title()).equals(TitlePromotion.key(self.title()));
    }
}
