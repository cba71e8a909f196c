package dev.shelf.search;

/**
 * The three kinds of text a search may carry, each searched by its own lists and fused with the others: the question
 * as asked (the lexical list and every model's), keywords (the lexical list alone: terms, which BM25 matches and a
 * model places poorly), and a hypothetical answer (the models' lists alone: a passage, whose meaning the models place
 * near the passages that say the same, while its many ordinary words would only blur BM25).
 *
 * <p>The answer is encoded in each model's <em>passage</em> form (E5's {@code "passage: "}, BGE without its query
 * instruction), as the indexed passages are: it is written as a passage, so that is comparing like with like, which
 * is what searching by a hypothetical document rests on; BGE documents its query instruction for short queries that
 * look for longer passages, which an answer is not. The question and keywords stay in the query form.
 */
public enum SubSearch {
    QUERY("", true, true, false),
    KEYWORDS("keywords ", true, false, false),
    ANSWER("answer ", false, true, true);

    private final String prefix;
    private final boolean lexical;
    private final boolean models;
    private final boolean passageForm;

    SubSearch(String prefix, boolean lexical, boolean models, boolean passageForm) {
        this.prefix = prefix;
        this.lexical = lexical;
        this.models = models;
        this.passageForm = passageForm;
    }

    /**
     * The name of this sub-search's list from a retriever ({@code lexical} or a model id), as the explain data shows
     * it: the question's lists keep the retriever's name, the others are prefixed ({@code keywords lexical},
     * {@code answer bge-small-en-v15-q}).
     */
    public String listName(String retriever) {
        return prefix + retriever;
    }

    /** Whether the sub-search asks the lexical list (in a mode that has it). */
    boolean lexical() {
        return lexical;
    }

    /** Whether the sub-search asks the models' lists (in a mode that has them). */
    boolean models() {
        return models;
    }

    /** Whether its text is encoded as a passage rather than as a query. */
    boolean passageForm() {
        return passageForm;
    }

    /** Whether the list, by its name, is a lexical list of some sub-search. */
    static boolean isLexical(String listName) {
        for (SubSearch sub : values()) {
            if (sub.lexical && listName.equals(sub.listName(Retrieval.LEXICAL))) {
                return true;
            }
        }
        return false;
    }
}
