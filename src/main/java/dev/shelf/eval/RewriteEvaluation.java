package dev.shelf.eval;

import dev.shelf.search.SearchMode;
import dev.shelf.search.SearchRequest;
import dev.shelf.search.SearchService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The judged queries searched as an assistant would send them: as asked, and as typed sub-searches from their
 * {@link Rewrites} (keywords for the lexical list, a hypothetical answer for the models), each form in hybrid mode and
 * scored like any run, then each form against the question as asked. A query the file does not rewrite is asked as it
 * is in every form, so that every form covers the same queries.
 *
 * @param scores each form's scores by its name, as asked first
 * @param againstAsked each rewritten form against the question as asked, on all queries and on each kind (the
 *                     "list" of each row is the question as asked, "hybrid" the form)
 */
public record RewriteEvaluation(Map<String, Evaluator.Scores> scores, Map<String, List<ListComparison>> againstAsked) {

    /** A way of sending a judged query: which of its question, keywords and answer go into one search. */
    public enum Form {
        ASKED("as asked", true, false, false),
        KEYWORDS("keywords", false, true, false),
        ANSWER("answer", false, false, true),
        KEYWORDS_ANSWER("keywords + answer", false, true, true),
        ALL("question + keywords + answer", true, true, true);

        private final String label;
        private final boolean question;
        private final boolean keywords;
        private final boolean answer;

        Form(String label, boolean question, boolean keywords, boolean answer) {
            this.label = label;
            this.question = question;
            this.keywords = keywords;
            this.answer = answer;
        }

        public String label() {
            return label;
        }

        /** The hybrid search of this form for a query, its rewrite applied when there is one. */
        SearchRequest request(String question, Rewrites.Rewrite rewrite, int k) {
            if (rewrite == null || this == ASKED) {
                return new SearchRequest(question, SearchMode.HYBRID, k, Set.of());
            }
            return new SearchRequest(this.question ? question : "", keywords ? rewrite.keywords() : "",
                    answer ? rewrite.answer() : "", SearchMode.HYBRID, k, Set.of(), false);
        }

        /** Whether a rewrite gives this form anything to search (a form of keywords alone needs keywords). */
        boolean applies(Rewrites.Rewrite rewrite) {
            return rewrite != null && (question || (keywords && !rewrite.keywords().isEmpty())
                    || (answer && !rewrite.answer().isEmpty()));
        }
    }

    /** Scores every form on the judged queries with the given service, then each against the question as asked. */
    public static RewriteEvaluation of(Judgments judgments, Rewrites rewrites, SearchService service) {
        Map<String, Evaluator.Scores> scores = new LinkedHashMap<>();
        for (Form form : Form.values()) {
            scores.put(form.label(), Evaluator.score(judgments, service, (id, question) -> {
                Rewrites.Rewrite rewrite = rewrites.of(id).filter(form::applies).orElse(null);
                return form.request(question, rewrite, SearchRequest.MAX_K);
            }));
        }
        Map<String, Double> asked = scores.get(Form.ASKED.label()).perQuery();
        Map<String, List<ListComparison>> against = new LinkedHashMap<>();
        scores.forEach((name, s) -> {
            if (!name.equals(Form.ASKED.label())) {
                against.put(name, ListComparison.of(Map.of(Form.ASKED.label(), asked), s.perQuery(),
                        judgments.kinds()));
            }
        });
        return new RewriteEvaluation(scores, against);
    }
}
