package dev.shelf.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code eval} reports, in the shape {@code eval --json} prints: how many judged queries, and the scores of each
 * run ({@link Evaluator#RUNS}) by name, in run order.
 *
 * @param queries judged queries asked
 * @param modes scores by run name
 */
public record EvalReport(int queries, Map<String, Evaluator.Scores> modes) {

    /** Scores every run on the judgments; {@code perQuery} keeps each query's nDCG@10 in the report. */
    public static EvalReport of(Judgments judgments, Map<String, Evaluator.Scores> scores, boolean perQuery) {
        Map<String, Evaluator.Scores> modes = new LinkedHashMap<>();
        scores.forEach((name, s) -> modes.put(name, perQuery ? s : s.withoutPerQuery()));
        return new EvalReport(judgments.queries().size(), modes);
    }
}
