package dev.shelf.cli;

import dev.shelf.eval.Evaluator;
import dev.shelf.eval.ListComparison;
import dev.shelf.eval.RewriteEvaluation;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code eval --rewrites} as text: nDCG@10 of each form by kind, then each form against the question as asked. */
final class RewritesTable {

    private RewritesTable() {
    }

    static void print(RewriteEvaluation rewrites, PrintWriter out) {
        Map<String, Evaluator.Scores> scores = rewrites.scores();
        Set<String> kinds = new LinkedHashSet<>(List.of(ListComparison.ALL));
        scores.values().forEach(s -> kinds.addAll(s.perKind().keySet()));
        out.printf("%nnDCG@10 of the queries as typed sub-searches (hybrid; --rewrites)%n%-30s", "form");
        kinds.forEach(kind -> out.printf(" %10s", kind));
        out.println();
        scores.forEach((form, s) -> {
            out.printf("%-30s", form);
            kinds.forEach(kind -> out.printf(" %10.3f", ListComparison.ALL.equals(kind) ? s.ndcg10()
                    : s.perKind().getOrDefault(kind, Double.NaN)));
            out.println();
        });
        out.printf("%neach form against the question as asked (p: two-sided Wilcoxon signed-rank test)%n"
                + "%-30s %-12s %7s %7s %7s %7s %5s %6s %6s%n", "form", "kind", "queries", "asked", "form", "diff",
                "wins", "losses", "p");
        rewrites.againstAsked().forEach((form, rows) -> rows.forEach(row -> out.printf(
                "%-30s %-12s %7d %7.3f %7.3f %+7.3f %5d %6d %6s%n", form, row.kind(), row.queries(), row.bestNdcg(),
                row.hybridNdcg(), row.difference(), row.wins(), row.losses(), p(row.pValue()))));
    }

    private static String p(double value) {
        return value < 0.001 ? "<0.001" : String.format("%.3f", value);
    }
}
