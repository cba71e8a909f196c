package dev.shelf.search;

import java.util.List;

/**
 * The three kinds of text a search may carry, each searched by its own lists and fused with the others: the question
 * as asked (the lexical list and every model's), keywords (the lexical list alone: terms, which BM25 matches and a
 * model places poorly), and a hypothetical answer (the models' lists alone: a passage, whose meaning the models place
 * near the passages that say the same, while its many ordinary words would only blur BM25).
 *
 * <p>The answer is encoded in each model's <em>query</em> form (BGE's retrieval instruction, E5's {@code "query: "}),
 * as the question is, although it reads like a passage: the query form ranked better than the passage form on both
 * halves of the tuning set with an assistant's rewrites (docs/experiments.md).
 */
public enum SubSearch {
    QUERY("", true, true),
    KEYWORDS("keywords ", true, false),
    ANSWER("answer ", false, true);

    private final String prefix;
    private final boolean lexical;
    private final boolean models;

    SubSearch(String prefix, boolean lexical, boolean models) {
        this.prefix = prefix;
        this.lexical = lexical;
        this.models = models;
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

    /** The sub-search a list belongs to, by the list's name ({@link #listName}). */
    static SubSearch of(String listName) {
        for (SubSearch sub : List.of(KEYWORDS, ANSWER)) {
            if (listName.startsWith(sub.prefix)) {
                return sub;
            }
        }
        return QUERY;
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
