package dev.shelf.search;

import dev.shelf.embed.OnnxEncoder;
import dev.shelf.index.ChunkHit;
import dev.shelf.index.ChunkIndex;
import dev.shelf.index.HtmlText;
import dev.shelf.ingest.Mention;
import dev.shelf.ingest.Resource;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The search core: lexical and semantic retrieval over passages, aggregation to one result per resource (its best
 * passage), fusion, exact-title promotion, explain data and snippets; and related articles of a resource.
 * Rankings are deterministic (ties broken by id) and do not depend on k.
 * NOTE: thread-safe; does not own the index or the encoder, which the caller closes.
 */
public final class SearchService {

    /** Resources taken from each retriever before fusion. */
    public static final int CANDIDATES = 100;
    /** Passages fetched per wanted resource, since one resource may hold several of the best passages. */
    private static final int PASSAGES_PER_CANDIDATE = 3;
    /** Query vectors kept: the UI asks for every prefix of what the user types, and people repeat themselves. */
    public static final int QUERY_CACHE_SIZE = 2048;
    private static final int PLAIN_SNIPPET_CHARS = 240;
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final ChunkIndex index;
    private final OnnxEncoder encoder;
    private final Fusion fusion;
    private final double semanticWeight;
    private final QueryVectorCache queryVectors;
    private final Map<String, List<String>> idsByTitle = new HashMap<>();

    public SearchService(ChunkIndex index, OnnxEncoder encoder, Fusion fusion, double semanticWeight) {
        this(index, encoder, fusion, semanticWeight, QUERY_CACHE_SIZE);
    }

    /**
     * A service with a query-vector cache of the given size; 0 encodes every query (benchmarks measure that).
     */
    public SearchService(ChunkIndex index, OnnxEncoder encoder, Fusion fusion, double semanticWeight, int queryCacheSize) {
        this.queryVectors = new QueryVectorCache(queryCacheSize);
        this.index = index;
        this.encoder = encoder;
        this.fusion = fusion;
        this.semanticWeight = semanticWeight;
        for (Resource r : index.resources()) {
            idsByTitle.computeIfAbsent(titleKey(r.title()), key -> new ArrayList<>()).add(r.id());
        }
    }

    /** The default fusion ({@link Fusion#DEFAULT}) and weight. */
    public SearchService(ChunkIndex index, OnnxEncoder encoder) {
        this(index, encoder, Fusion.DEFAULT, Fusion.DEFAULT_SEMANTIC_WEIGHT);
    }

    public ChunkIndex index() {
        return index;
    }

    public Optional<Resource> resource(String id) {
        return index.resource(id);
    }

    public SearchResponse search(SearchRequest request) {
        long start = System.nanoTime();
        String query = request.query().strip();
        List<Candidate> lexical = List.of();
        List<Candidate> semantic = List.of();
        int depth = CANDIDATES * PASSAGES_PER_CANDIDATE;
        if (!query.isEmpty() && request.mode() != SearchMode.SEMANTIC) {
            lexical = aggregate(index.lexical(query, request.sources(), depth));
        }
        if (!query.isEmpty() && request.mode() != SearchMode.LEXICAL) {
            float[] vector = queryVectors.get(query, encoder::encodeQuery);
            semantic = aggregate(index.semantic(vector, request.sources(), depth));
        }
        List<Fused> ranked = fuse(lexical, semantic, request.mode());
        if (request.mode() == SearchMode.HYBRID) {
            ranked = promoteExactTitle(query, ranked, request.sources());
        }
        List<SearchResult> results = new ArrayList<>();
        Function<String, Optional<String>> highlight = index.highlighter(query);
        for (Fused f : ranked.subList(0, Math.min(request.k(), ranked.size()))) {
            index.resource(f.id).ifPresent(r -> results.add(
                    SearchResult.of(r, snippet(highlight, f.body, r), f.score, f.lexical, f.semantic)));
        }
        Map<String, Integer> facets = facets(ranked);
        double tookMs = (System.nanoTime() - start) / 1e6;
        return new SearchResponse(request.query(), request.mode(), request.k(), ranked.size(), tookMs, results, facets);
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
        Resource resource = self.get();
        int depth = CANDIDATES * PASSAGES_PER_CANDIDATE;
        List<Candidate> semantic = index.vector(id).map(v -> aggregate(index.semantic(v, Set.of(), depth))).orElse(List.of());
        List<Candidate> lexical = aggregate(index.moreLikeThis(id, depth));
        String titleKey = titleKey(resource.title());
        List<SearchResult> results = new ArrayList<>();
        for (Fused f : fuse(withoutDuplicates(lexical, resource, titleKey), withoutDuplicates(semantic, resource, titleKey), SearchMode.HYBRID)) {
            if (results.size() == k) {
                break;
            }
            index.resource(f.id).ifPresent(r -> results.add(
                    SearchResult.of(r, escape(abbreviate(r.description())), f.score, f.lexical, f.semantic)));
        }
        return Optional.of(results);
    }

    private List<Candidate> withoutDuplicates(List<Candidate> candidates, Resource self, String titleKey) {
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : candidates) {
            Resource other = index.resource(c.id).orElse(null);
            boolean duplicate = other == null || other.id().equals(self.id())
                    || (self.url() != null && self.url().equals(other.url()))
                    || titleKey(other.title()).equals(titleKey);
            if (!duplicate) {
                kept.add(new Candidate(c.id, c.score, c.body, kept.size() + 1));
            }
        }
        return kept;
    }

    /** A ranked resource of one retriever, with its best passage. */
    private record Candidate(String id, double score, String body, int rank) {
    }

    /** A resource after fusion. */
    private static final class Fused {
        final String id;
        double score;
        RankScore lexical;
        RankScore semantic;
        String body;

        Fused(String id) {
            this.id = id;
        }
    }

    /** Best passage per resource, in rank order, at most {@link #CANDIDATES}. */
    private static List<Candidate> aggregate(List<ChunkHit> hits) {
        Map<String, Candidate> best = new LinkedHashMap<>();
        for (ChunkHit hit : hits) {
            if (best.size() == CANDIDATES) {
                break;
            }
            best.putIfAbsent(hit.resourceId(), new Candidate(hit.resourceId(), hit.score(), hit.body(), best.size() + 1));
        }
        return List.copyOf(best.values());
    }

    private List<Fused> fuse(List<Candidate> lexical, List<Candidate> semantic, SearchMode mode) {
        Map<String, Fused> fused = new HashMap<>();
        double[] lexRange = range(lexical);
        double[] semRange = range(semantic);
        for (Candidate c : lexical) {
            Fused f = fused.computeIfAbsent(c.id, Fused::new);
            f.lexical = new RankScore(c.rank, c.score);
            f.body = c.body;
            f.score += switch (mode) {
                case LEXICAL -> c.score;
                case SEMANTIC -> 0;
                case HYBRID -> fusion == Fusion.RRF ? 1.0 / (Fusion.RRF_K + c.rank)
                        : (1 - semanticWeight) * normalized(c.score, lexRange);
            };
        }
        for (Candidate c : semantic) {
            Fused f = fused.computeIfAbsent(c.id, Fused::new);
            f.semantic = new RankScore(c.rank, c.score);
            if (f.body == null) {
                f.body = c.body;
            }
            f.score += switch (mode) {
                case SEMANTIC -> c.score;
                case LEXICAL -> 0;
                case HYBRID -> fusion == Fusion.RRF ? 1.0 / (Fusion.RRF_K + c.rank)
                        : semanticWeight * normalized(c.score, semRange);
            };
        }
        List<Fused> ranked = new ArrayList<>(fused.values());
        ranked.sort(Comparator.comparingDouble((Fused f) -> -f.score).thenComparing(f -> f.id));
        return ranked;
    }

    private static double[] range(List<Candidate> candidates) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Candidate c : candidates) {
            min = Math.min(min, c.score);
            max = Math.max(max, c.score);
        }
        return new double[] {min, max};
    }

    private static double normalized(double score, double[] range) {
        return range[1] > range[0] ? (score - range[0]) / (range[1] - range[0]) : 1.0;
    }

    /** A query equal to a resource's title (ignoring case and punctuation) puts that resource first, whatever fusion says. */
    private List<Fused> promoteExactTitle(String query, List<Fused> ranked, Set<String> sources) {
        List<String> exact = idsByTitle.getOrDefault(titleKey(query), List.of());
        if (exact.isEmpty()) {
            return ranked;
        }
        List<Fused> first = new ArrayList<>();
        List<Fused> rest = new ArrayList<>(ranked.size());
        for (Fused f : ranked) {
            (exact.contains(f.id) ? first : rest).add(f);
        }
        for (String id : exact.stream().sorted().toList()) {
            boolean listed = first.stream().anyMatch(f -> f.id.equals(id));
            Resource r = index.resource(id).orElse(null);
            if (!listed && r != null && (sources.isEmpty() || r.sources().stream().anyMatch(m -> sources.contains(m.id())))) {
                Fused f = new Fused(id);
                f.body = r.description();
                first.add(f);
            }
        }
        double top = ranked.isEmpty() ? 0 : ranked.get(0).score;
        for (Fused f : first) {
            f.score = Math.max(f.score, top);
        }
        first.addAll(rest);
        return first;
    }

    /** For each list, how many of the fused results it lists: counted over all of them, not one retriever's. */
    private Map<String, Integer> facets(List<Fused> ranked) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Fused f : ranked) {
            index.resource(f.id).ifPresent(r -> r.sources().stream().map(Mention::id).distinct()
                    .forEach(source -> counts.merge(source, 1, Integer::sum)));
        }
        return counts;
    }

    private static String snippet(Function<String, Optional<String>> highlight, String body, Resource resource) {
        String passage = body == null || body.isEmpty() ? resource.description() : body;
        return highlight.apply(passage).orElseGet(() -> escape(abbreviate(passage)));
    }

    static String titleKey(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(folded).replaceAll(" ").strip();
    }

    private static String abbreviate(String text) {
        if (text.length() <= PLAIN_SNIPPET_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', PLAIN_SNIPPET_CHARS);
        return text.substring(0, cut > PLAIN_SNIPPET_CHARS / 2 ? cut : PLAIN_SNIPPET_CHARS) + " …";
    }

    /** HTML-escapes text so that it can stand in a snippet where only {@code <mark>} is markup. */
    static String escape(String text) {
        return HtmlText.escape(text);
    }

}
