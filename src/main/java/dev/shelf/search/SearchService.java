package dev.shelf.search;

import dev.shelf.embed.Encoder;
import dev.shelf.embed.Encoders;
import dev.shelf.index.BuildInfo;
import dev.shelf.index.ChunkIndex;
import dev.shelf.ingest.Resource;
import dev.shelf.works.Works;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The search core. A search runs six stages, each a call in {@link #search}: retrieve the ranked lists of the question
 * and of any typed sub-search ({@link Retrieval}, {@link SubSearch}), weigh them ({@link QueryWeights}), expand a
 * request for resources like a named one with that resource's related lists ({@link MoreLike}), fuse the lists into
 * one ranking ({@link Fusion}), promote an exact title ({@link TitlePromotion}) and show each work once
 * ({@link WorkFolding}), and dress the first k as results with snippets ({@link Snippets}), their work's other copies
 * and per-list facets. The decisions live in those classes' pure functions; this class
 * only feeds them. It also finds related articles of a resource. Rankings are deterministic (ties broken by id) and do
 * not depend on k. NOTE: thread-safe; does not own the index or the encoder, which the caller closes.
 */
public final class SearchService {

    private final ChunkIndex index;
    private final Retrieval retrieval;
    private final String primary;
    private final SearchSettings settings;
    private final Works works;
    private final Map<String, List<String>> idsByTitle = new HashMap<>();
    private final Map<String, List<String>> idsByUrl = new HashMap<>();
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
        this.retrieval = new Retrieval(index, encoders.all().stream()
                .filter(e -> index.info().dimensionsOf(e.name()).isPresent()).toList(), settings.queryCacheSize(),
                encodes);
        this.primary = encoders.primary().name();
        this.settings = settings;
        this.works = index.works();
        for (Resource r : index.resources()) {
            idsByTitle.computeIfAbsent(TitlePromotion.key(r.title()), key -> new ArrayList<>()).add(r.id());
            if (r.url() != null) {
                idsByUrl.computeIfAbsent(r.url(), url -> new ArrayList<>()).add(r.id());
            }
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

    /** The resource with its work's other copies, as the API shows one resource. */
    public Optional<ResourceView> view(String id) {
        return index.resource(id).map(r -> new ResourceView(r, copiesOf(id)));
    }

    /** Every resource of the searched build. */
    public Collection<Resource> resources() {
        return index.resources();
    }

    /** Which resources of the searched build are one work. */
    public Works works() {
        return works;
    }

    /** The other copies of the resource's work, in the order they were read; empty for a work of its own. */
    public List<SearchResult.Copy> copiesOf(String id) {
        List<String> members = works.members(id);
        return members.subList(1, members.size()).stream().map(index::resource).flatMap(Optional::stream)
                .map(SearchResult.Copy::of).toList();
    }

    /** The query's results: retrieve, weigh, expand, fuse, promote, fold copies, dress. */
    public SearchResponse search(SearchRequest request) {
        StageClock clock = new StageClock();
        String query = request.text(SubSearch.QUERY);
        List<Ranking> found = retrieve(request, clock);
        Map<String, Double> ownWeights = weigh(request, found);
        Optional<MoreLike.Expansion> like = expand(query, request, clock);
        List<Ranking> rankings = like.map(more -> more.joinRankings(found)).orElse(found);
        Map<String, Double> weights = like.map(more -> more.joinWeights(ownWeights)).orElse(ownWeights);
        List<Fused> fused = clock.time("fusion",
                () -> promote(query, request.mode(), request.sources(), fuse(rankings, weights, request.mode())));
        List<Fused> ranked = request.separateCopies() ? fused : WorkFolding.fold(fused, works);
        // A "more like X" answer marks X's name in its snippets, not the words of the request ("like", "something");
        // an answer's words are too many and too ordinary to mark.
        String marked = like.map(MoreLike.Expansion::name).orElse(
                String.join(" ", query, request.text(SubSearch.KEYWORDS)).strip());
        List<SearchResult> results = dress(marked, rankings, ranked, weights, request.k(), clock);
        Map<String, Integer> facets = clock.time("facets", () -> facets(fused, ranked));
        return new SearchResponse(request.query(), request.mode(), request.k(), ranked.size(), clock.elapsedMs(),
                results, facets, like.map(MoreLike.Expansion::subject).orElse(null),
                request.profile() ? clock.profile() : null, index.info().partial());
    }

    /**
     * For each list, how many of the ranked works have a copy in it that the search found (the copy a search of that
     * list alone would find), each work once.
     */
    private Map<String, Integer> facets(List<Fused> found, List<Fused> ranked) {
        if (found.size() == ranked.size()) {
            // Nothing was folded: each work was found at one copy, whose lists are its own.
            return Resource.countLists(found.stream().map(f -> listsById.getOrDefault(f.id(), List.of())).toList());
        }
        Set<String> foundCopies = new HashSet<>();
        for (Fused f : found) {
            if (works.hasCopies(f.id())) {
                foundCopies.add(f.id());
            }
        }
        List<List<String>> lists = new ArrayList<>(ranked.size());
        for (Fused f : ranked) {
            lists.add(!works.hasCopies(f.id()) ? listsById.getOrDefault(f.id(), List.of())
                    : works.members(f.id()).stream().filter(foundCopies::contains)
                    .flatMap(id -> listsById.getOrDefault(id, List.of()).stream()).distinct().toList());
        }
        return Resource.countLists(lists);
    }

    /** The lists of every sub-search the request gives, the question's first, each named by its sub-search. */
    private List<Ranking> retrieve(SearchRequest request, StageClock clock) {
        List<Ranking> lists = new ArrayList<>();
        for (SubSearch sub : SubSearch.values()) {
            String text = request.text(sub);
            if (!text.isEmpty()) {
                lists.addAll(retrieval.lists(sub, text, request.mode(), request.sources(), clock));
            }
        }
        return lists;
    }

    /**
     * This request's weight of each list that answered: by the question's form for a question alone, or a like share
     * for each sub-search when typed sub-searches take part ({@link QueryWeights#typed}).
     */
    private Map<String, Double> weigh(SearchRequest request, List<Ranking> rankings) {
        if (!request.text(SubSearch.KEYWORDS).isEmpty() || !request.text(SubSearch.ANSWER).isEmpty()) {
            return QueryWeights.typed(rankings.stream().map(Ranking::retriever).toList());
        }
        boolean lexical = rankings.stream().anyMatch(r -> r.retriever().equals(Retrieval.LEXICAL));
        return QueryWeights.of(request.text(SubSearch.QUERY), lexical, modelLists(rankings), settings.semanticWeight(),
                settings.queryAware(), settings.questionModel());
    }

    /**
     * For a hybrid request for resources like a named one X ({@link MoreLike}), X's related lists to fuse in, half the
     * weight, and X and its duplicates to leave out; empty for any other request, or when no resource is X. X is
     * looked for in every list, its related resources only in the lists searched.
     */
    private Optional<MoreLike.Expansion> expand(String query, SearchRequest request, StageClock clock) {
        if (request.mode() != SearchMode.HYBRID || !settings.moreLike()) {
            return Optional.empty();
        }
        // Finding X and its related lists are timed as one stage: together they are what a "more like" query costs.
        return MoreLike.subject(query).flatMap(name -> clock.time("more like", () -> named(name).map(self -> {
            Set<String> leftOut = duplicatesOf(self);
            return MoreLike.Expansion.of(name, new SearchResponse.Like(self.id(), self.title()),
                    relatedLists(self, leftOut, request.sources(), MoreLike.LIST_PREFIX), leftOut);
        })));
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
        List<Ranking> rankings = retrieval.lists(SubSearch.QUERY, name, SearchMode.HYBRID, Set.of(), new StageClock());
        Map<String, Double> weights = QueryWeights.of(name, true, modelLists(rankings), settings.semanticWeight(),
                false, "");
        return promote(name, SearchMode.HYBRID, Set.of(), fuse(rankings, weights, SearchMode.HYBRID)).stream()
                .findFirst()
                .flatMap(first -> index.resource(first.id()))
                .filter(resource -> MoreLike.names(resource.title(), name));
    }

    /** The rankings fused; a single-retriever mode keeps its retriever's own order and scores. */
    private List<Fused> fuse(List<Ranking> rankings, Map<String, Double> weights, SearchMode mode) {
        return rankings.size() == 1 && mode != SearchMode.HYBRID ? Fusion.single(rankings.get(0))
                : settings.fusion().fuse(rankings, weights);
    }

    /** In hybrid mode, the resources titled exactly as the query first, among the lists searched. */
    private List<Fused> promote(String query, SearchMode mode, Set<String> sources, List<Fused> fused) {
        return mode == SearchMode.HYBRID ? TitlePromotion.promote(fused, exactTitles(query, sources)) : fused;
    }

    /** The resources titled exactly as the query, among the lists searched (all when empty); none for no query. */
    private List<String> exactTitles(String query, Set<String> sources) {
        if (query.isEmpty()) {
            return List.of();
        }
        return idsByTitle.getOrDefault(TitlePromotion.key(query), List.of()).stream()
                .filter(id -> index.resource(id).map(r -> sources.isEmpty()
                        || r.listIds().stream().anyMatch(sources::contains)).orElse(false))
                .toList();
    }

    /**
     * The first k of the ranking dressed as results, each with the passage that earned it, the words of {@code marked}
     * highlighted.
     */
    private List<SearchResult> dress(String marked, List<Ranking> rankings, List<Fused> ranked,
                                     Map<String, Double> weights, int k, StageClock clock) {
        List<Fused> shown = ranked.subList(0, Math.min(k, ranked.size()));
        Map<String, String> texts = clock.time("stored fields", () -> passageTexts(rankings, shown));
        return clock.time("snippets", () -> {
            Function<String, Optional<String>> highlight = index.highlighter(marked);
            List<SearchResult> results = new ArrayList<>(shown.size());
            for (Fused f : shown) {
                index.resource(f.id()).ifPresent(r -> results.add(SearchResult.of(r, copiesOf(r.id()),
                        Snippets.snippet(highlight, texts.get(f.id()), r.description()), f, primary, weights)));
            }
            return results;
        });
    }

    /** The text of the passage that earned each shown resource; none for a resource no retriever found. */
    private Map<String, String> passageTexts(List<Ranking> rankings, List<Fused> shown) {
        Map<String, Integer> ordinals = new HashMap<>();
        for (Fused f : shown) {
            Ranking.passage(rankings, f).ifPresent(ordinal -> ordinals.put(f.id(), ordinal));
        }
        return index.passages(ordinals);
    }

    /** The names of the rankings that are models' lists, in order. */
    private static List<String> modelLists(List<Ranking> rankings) {
        return rankings.stream().map(Ranking::retriever).filter(n -> !SubSearch.isLexical(n)).toList();
    }

    /**
     * Resources like the given one: its nearest passages by vector fused with a lexical more-like-this, never the
     * resource itself or a duplicate of it (a copy of its work, same URL or same title), each work once. Empty when the
     * id is unknown.
     */
    public Optional<List<SearchResult>> related(String id, int k) {
        Optional<Resource> self = index.resource(id);
        if (self.isEmpty()) {
            return Optional.empty();
        }
        List<Ranking> others = relatedLists(self.get(), duplicatesOf(self.get()), Set.of(), "");
        String model = index.info().model();
        Map<String, Double> weights = QueryWeights.of("", true, modelLists(others), settings.semanticWeight(), false,
                "");
        List<SearchResult> results = new ArrayList<>();
        for (Fused f : WorkFolding.fold(settings.fusion().fuse(others, weights), works)) {
            if (results.size() == k) {
                break;
            }
            index.resource(f.id()).ifPresent(r -> results.add(SearchResult.of(r, copiesOf(r.id()),
                    Snippets.plain(r.description()), f, model, weights)));
        }
        return Optional.of(results);
    }

    /** The related lists of {@code self} without {@code leftOut}, and only from the given lists (all when empty). */
    private List<Ranking> relatedLists(Resource self, Set<String> leftOut, Set<String> sources, String prefix) {
        return retrieval.related(self, sources, prefix).stream()
                .map(r -> r.filter(other -> !leftOut.contains(other) && (sources.isEmpty()
                        || listsById.getOrDefault(other, List.of()).stream().anyMatch(sources::contains))))
                .toList();
    }

    /**
     * The resource and its duplicates: the copies of its work, and those with its URL or its title (as
     * {@link TitlePromotion#key} folds it).
     */
    private Set<String> duplicatesOf(Resource self) {
        Set<String> ids = new HashSet<>(works.members(self.id()));
        if (self.url() != null) {
            ids.addAll(idsByUrl.getOrDefault(self.url(), List.of()));
        }
        ids.addAll(idsByTitle.getOrDefault(TitlePromotion.key(self.title()), List.of()));
        return ids;
    }
}
