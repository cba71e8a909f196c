package dev.shelf.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.shelf.ingest.Resource;
import dev.shelf.search.Fusion;
import dev.shelf.search.SearchMode;
import dev.shelf.search.SearchRequest;
import dev.shelf.search.SearchResult;
import dev.shelf.search.SearchService;
import dev.shelf.search.SearchSettings;
import dev.shelf.works.Works;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Runs judged queries through the search service in each mode and averages nDCG@10, Recall@10/100 and MRR@10. */
public final class Evaluator {

    /** A named way of searching: a mode, with a fusion other than the settings' own when not null. */
    public record Run(String name, SearchMode mode, Fusion fusion) {

        SearchSettings settings(SearchSettings base) {
            return fusion == null ? base : base.withFusion(fusion);
        }
    }

    /**
     * The runs reported: each single retriever, hybrid with the default fusion, and each fusion by name (so the
     * default's margin over the alternative is always printed).
     */
    public static final List<Run> RUNS = List.of(
            new Run("lexical", SearchMode.LEXICAL, null),
            new Run("semantic", SearchMode.SEMANTIC, null),
            new Run("hybrid", SearchMode.HYBRID, null),
            new Run("weighted", SearchMode.HYBRID, Fusion.WEIGHTED),
            new Run("rrf", SearchMode.HYBRID, Fusion.RRF));

    /**
     * Averages of one run, named in JSON as {@code eval --json} prints them.
     *
     * @param perKind mean nDCG@10 of the queries of each kind, in the order kinds first appear; empty (and left out of
     *                the JSON) when the queries have no kinds
     * @param perQuery nDCG@10 of each query id; null (and left out of the JSON) when not wanted
     */
    public record Scores(@JsonProperty("ndcg@10") double ndcg10, @JsonProperty("recall@10") double recall10,
                         @JsonProperty("recall@100") double recall100, @JsonProperty("mrr@10") double mrr10,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Double> perKind,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Double> perQuery) {

        /** The averages alone. */
        public Scores withoutPerQuery() {
            return new Scores(ndcg10, recall10, recall100, mrr10, perKind, null);
        }
    }

    private Evaluator() {
    }

    /** The mean of the per-query figures of each kind's queries, kinds in the order they first appear. */
    static Map<String, Double> meanByKind(Map<String, Double> perQuery, Map<String, String> kinds) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        kinds.forEach((id, kind) -> {
            Double value = perQuery.get(id);
            if (value != null) {
                double[] sum = sums.computeIfAbsent(kind, k -> new double[2]);
                sum[0] += value;
                sum[1]++;
            }
        });
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((kind, sum) -> means.put(kind, sum[0] / sum[1]));
        return means;
    }

    /** Scores every run; {@code services} gives the search service of the settings of a run, based on {@code base}. */
    public static Map<String, Scores> evaluate(Judgments judgments, SearchSettings base,
                                               Function<SearchSettings, SearchService> services) {
        return evaluate(judgments, base, services, false);
    }

    /**
     * As {@link #evaluate(Judgments, SearchSettings, Function)}, with each copy of a work a result of its own when
     * {@code separateCopies} (how the search ranked before works were shown once: judged the same way, a copy ranked
     * again earns nothing).
     */
    public static Map<String, Scores> evaluate(Judgments judgments, SearchSettings base,
                                               Function<SearchSettings, SearchService> services,
                                               boolean separateCopies) {
        Map<String, Scores> scores = new LinkedHashMap<>();
        for (Run run : RUNS) {
            scores.put(run.name(), score(judgments, services.apply(run.settings(base)), (id, query) ->
                    SearchRequest.of(query, run.mode(), SearchRequest.MAX_K).withSeparateCopies(separateCopies)));
        }
        return scores;
    }

    /**
     * Scores each model's ranked list alone, by model name, each from a search service that asks that model only.
     * With the lexical run, these are the lists hybrid has to beat (see {@link ListComparison}).
     */
    public static Map<String, Scores> evaluateModels(Judgments judgments, Map<String, SearchService> models,
                                                     boolean separateCopies) {
        Map<String, Scores> scores = new LinkedHashMap<>();
        models.forEach((name, service) -> scores.put(name, score(judgments, service, (id, query) ->
                SearchRequest.of(query, SearchMode.SEMANTIC, SearchRequest.MAX_K).withSeparateCopies(separateCopies))));
        return scores;
    }

    /** The averages of one way of searching over every judged query, with each query's nDCG@10. */
    static Scores score(Judgments judgments, SearchService service, SearchMode mode) {
        return score(judgments, service, (id, query) -> SearchRequest.of(query, mode, SearchRequest.MAX_K));
    }

    /**
     * For each judged key, the works of several copies it names in the service's build (by their {@link
     * Works#workOf} name), so that the ideal ranking counts such a work once, as the search shows it.
     */
    static Function<String, Set<String>> copiedWorksOfKey(SearchService service) {
        Works works = service.works();
        List<Resource> copies = service.resources().stream().filter(r -> works.members(r.id()).size() > 1).toList();
        Map<String, Set<String>> byKey = new HashMap<>();
        return key -> byKey.computeIfAbsent(key, k -> copies.stream()
                .filter(r -> Judgments.matches(k, r.id(), r.title(), r.url(), r.links()))
                .map(r -> works.workOf(r.id())).collect(Collectors.toSet()));
    }

    /** The averages over every judged query, each searched as {@code request} makes it from its id and text. */
    static Scores score(Judgments judgments, SearchService service, BiFunction<String, String, SearchRequest> request) {
        double ndcg = 0;
        double r10 = 0;
        double r100 = 0;
        double mrr = 0;
        Map<String, Double> perQuery = new LinkedHashMap<>();
        Function<String, Set<String>> worksOfKey = copiedWorksOfKey(service);
        for (Map.Entry<String, String> q : judgments.queries().entrySet()) {
            List<SearchResult> results = service.search(request.apply(q.getKey(), q.getValue())).results();
            List<Integer> gains = judgments.gains(q.getKey(), results);
            List<Integer> ideal = judgments.idealGains(q.getKey(), worksOfKey);
            double n = Metrics.ndcg(gains, ideal, 10);
            perQuery.put(q.getKey(), n);
            ndcg += n;
            r10 += Metrics.recall(gains, ideal.size(), 10);
            r100 += Metrics.recall(gains, ideal.size(), 100);
            mrr += Metrics.mrr(gains, 10);
        }
        int count = Math.max(1, judgments.queries().size());
        return new Scores(ndcg / count, r10 / count, r100 / count, mrr / count,
                meanByKind(perQuery, judgments.kinds()), perQuery);
    }
}
