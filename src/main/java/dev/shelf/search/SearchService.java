package dev.shelf.search;

import dev.shelf.embed.Encoder;
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
    /** Retriever names, as the explain data calls them. */
    static final String LEXICAL = "lexical";
    static final String SEMANTIC = "semantic";

    private final ChunkIndex index;
    private final Encoder encoder;
    private final SearchSettings settings;
    private final QueryVectorCache queryVectors;
    private final Map<String, List<String>> idsByTitle = new HashMap<>();

    public SearchService(ChunkIndex index, Encoder encoder, SearchSettings settings) {
        this.index = index;
        this.encoder = encoder;
        this.settings = settings;
        this.queryVectors = new QueryVectorCache(settings.queryCacheSize());
        for (Resource r : index.resources()) {
            idsByTitle.computeIfAbsent(TitlePromotion.key(r.title()), key -> new ArrayList<>()).add(r.id());
        }
    }

    /** A service with the default settings. */
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

    public SearchResponse search(SearchRequest request) {
        StageClock clock = new StageClock();
        String query = request.query().strip();
        List<Ranking> rankings = query.isEmpty() ? List.of() : retrieve(query, request.mode(), request.sources(), clock);
        List<Fused> ranked = clock.time("fusion", () -> switch (request.mode()) {
            case HYBRID -> TitlePromotion.promote(settings.fusion().fuse(weighted(rankings)),
                    exactTitles(query, request.sources()));
            case LEXICAL, SEMANTIC -> rankings.isEmpty() ? List.<Fused>of() : Fusion.single(rankings.get(0));
        });
        List<SearchResult> results = results(query, rankings, ranked, request.k(), clock);
        Map<String, Integer> facets = clock.time("facets", () -> Resource.countByList(
                ranked.stream().map(f -> index.resource(f.id())).flatMap(Optional::stream).toList()));
        return new SearchResponse(request.query(), request.mode(), request.k(), ranked.size(), clock.elapsedMs(), results,
                facets, request.profile() ? clock.profile() : null);
    }

    /** The first k of the ranking dressed as results, each with the passage that earned it, highlighted. */
    private List<SearchResult> results(String query, List<Ranking> rankings, List<Fused> ranked, int k,
                                       StageClock clock) {
        List<Fused> shown = ranked.subList(0, Math.min(k, ranked.size()));
        Map<String, String> texts = clock.time("stored fields", () -> passageTexts(rankings, shown));
        return clock.time("snippets", () -> {
            Function<String, Optional<String>> highlight = index.highlighter(query);
            List<SearchResult> results = new ArrayList<>(shown.size());
            for (Fused f : shown) {
                index.resource(f.id()).ifPresent(r -> results.add(SearchResult.of(r,
                        Snippets.snippet(highlight, texts.get(f.id()), r.description()), f)));
            }
            return results;
        });
    }

    /** The text of the passage that earned each shown resource; none for a resource no retriever found. */
    private Map<String, String> passageTexts(List<Ranking> rankings, List<Fused> shown) {
        Map<String, Integer> ordinals = Ranking.passages(rankings);
        Map<String, String> texts = new HashMap<>();
        for (Fused f : shown) {
            Integer ordinal = ordinals.get(f.id());
            if (ordinal != null) {
                index.passage(f.id(), ordinal).ifPresent(text -> texts.put(f.id(), text));
            }
        }
        return texts;
    }

    /** The rankings of the retrievers the mode asks, lexical first. */
    private List<Ranking> retrieve(String query, SearchMode mode, Set<String> sources, StageClock clock) {
        List<Ranking> rankings = new ArrayList<>(2);
        if (mode != SearchMode.SEMANTIC) {
            rankings.add(clock.time("lexical", () -> Ranking.ofBestPassages(LEXICAL,
                    index.lexical(query, sources, PASSAGE_DEPTH), CANDIDATES)));
        }
        if (mode != SearchMode.LEXICAL) {
            long begin = System.nanoTime();
            QueryVectorCache.Lookup vector = queryVectors.lookup(query, encoder::encodeQuery);
            clock.add(vector.cached() ? "encode (cached)" : "encode", begin);
            rankings.add(clock.time("vector", () -> Ranking.ofBestPassages(SEMANTIC,
                    index.semantic(vector.vector(), sources, PASSAGE_DEPTH), CANDIDATES)));
        }
        return rankings;
    }

    /** The resources titled exactly as the query, among the lists searched. */
    private List<String> exactTitles(String query, Set<String> sources) {
        return idsByTitle.getOrDefault(TitlePromotion.key(query), List.of()).stream()
                .filter(id -> index.resource(id).map(r -> sources.isEmpty()
                        || r.listIds().stream().anyMatch(sources::contains)).orElse(false))
                .toList();
    }

    /** The rankings with their fusion weights: lexical {@code 1 - w}, semantic {@code w}. */
    private List<Fusion.Input> weighted(List<Ranking> rankings) {
        return rankings.stream().map(r -> new Fusion.Input(r,
                r.retriever().equals(SEMANTIC) ? settings.semanticWeight() : 1 - settings.semanticWeight())).toList();
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
        List<Ranking> rankings = new ArrayList<>(2);
        rankings.add(Ranking.ofBestPassages(LEXICAL, index.moreLikeThis(id, PASSAGE_DEPTH), CANDIDATES));
        index.vector(id).ifPresent(v -> rankings.add(
                Ranking.ofBestPassages(SEMANTIC, index.semantic(v, Set.of(), PASSAGE_DEPTH), CANDIDATES)));
        List<Ranking> others = rankings.stream().map(r -> r.filter(other -> !isDuplicate(self.get(), other))).toList();
        List<SearchResult> results = new ArrayList<>();
        for (Fused f : settings.fusion().fuse(weighted(others))) {
            if (results.size() == k) {
                break;
            }
            index.resource(f.id()).ifPresent(r -> results.add(SearchResult.of(r, Snippets.plain(r.description()), f)));
        }
        return Optional.of(results);
    }

    private boolean isDuplicate(Resource self, String otherId) {
        Resource other = index.resource(otherId).orElse(null);
        return other == null || other.id().equals(self.id())
                || (self.url() != null && self.url().equals(other.url()))
                || TitlePromotion.key(other.title()).equals(TitlePromotion.key(self.title()));
    }
}
