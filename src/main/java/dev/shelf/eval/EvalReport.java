package dev.shelf.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code eval} reports, in the shape {@code eval --json} prints: how many judged queries, the scores of each
 * run ({@link Evaluator#RUNS}) by name, in run order, each ranked list alone, and hybrid against the best of them.
 *
 * @param queries judged queries asked
 * @param modes scores by run name
 * @param lists scores of each list alone: the lexical run, then each model's (empty, and left out, without them)
 * @param hybridAgainstLists hybrid against the best list alone, on all queries and on each kind
 * @param rewrites the queries as typed sub-searches ({@code eval --rewrites}); null (and left out) without them
 */
public record EvalReport(int queries, Map<String, Evaluator.Scores> modes,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Evaluator.Scores> lists,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ListComparison> hybridAgainstLists,
                         @JsonInclude(JsonInclude.Include.NON_NULL) RewriteEvaluation rewrites) {

    /** The run whose scores are the lexical list alone. */
    private static final String LEXICAL = "lexical";
    /** The run compared with each list alone. */
    private static final String HYBRID = "hybrid";

    /** The runs alone; {@code perQuery} keeps each query's nDCG@10 in the report. */
    public static EvalReport of(Judgments judgments, Map<String, Evaluator.Scores> scores, boolean perQuery) {
        return of(judgments, scores, Map.of(), perQuery);
    }

    /**
     * The runs, each model's list alone ({@code models}, by name) beside the lexical run, and hybrid against the best
     * of those lists; {@code perQuery} keeps each query's nDCG@10 in the report.
     */
    public static EvalReport of(Judgments judgments, Map<String, Evaluator.Scores> scores,
                                Map<String, Evaluator.Scores> models, boolean perQuery) {
        Map<String, Evaluator.Scores> lists = new LinkedHashMap<>();
        if (!models.isEmpty() && scores.containsKey(LEXICAL)) {
            lists.put(LEXICAL, scores.get(LEXICAL));
            lists.putAll(models);
        }
        List<ListComparison> against = List.of();
        if (!lists.isEmpty() && scores.containsKey(HYBRID)) {
            Map<String, Map<String, Double>> perList = new LinkedHashMap<>();
            lists.forEach((name, s) -> perList.put(name, s.perQuery()));
            against = ListComparison.of(perList, scores.get(HYBRID).perQuery(), judgments.kinds());
        }
        return new EvalReport(judgments.queries().size(), stripped(scores, perQuery), stripped(lists, false), against,
                null);
    }

    /** The same report with the typed sub-searches' figures, each query's nDCG@10 kept only with {@code perQuery}. */
    public EvalReport withRewrites(RewriteEvaluation evaluation, boolean perQuery) {
        return new EvalReport(queries, modes, lists, hybridAgainstLists,
                new RewriteEvaluation(stripped(evaluation.scores(), perQuery), evaluation.againstAsked()));
    }

    private static Map<String, Evaluator.Scores> stripped(Map<String, Evaluator.Scores> scores, boolean perQuery) {
        Map<String, Evaluator.Scores> out = new LinkedHashMap<>();
        scores.forEach((name, s) -> out.put(name, perQuery ? s : s.withoutPerQuery()));
        return out;
    }
}
