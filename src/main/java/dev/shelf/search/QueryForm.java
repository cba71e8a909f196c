package dev.shelf.search;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a query is a description of a remembered entry ("a tutorial that walks through quantizing a Llama model to
 * GGUF and running it locally", "Chip Huyen's long overview of multimodal systems") rather than a question: it asks
 * nothing (no question mark, no question word or auxiliary first), and it names the kind of work remembered (a post, a
 * paper, a tutorial, notes, a video...). People who describe an entry use the entry's own kind of words, which every
 * list reads alike; people who ask in their own words are placed best by the question model ({@link QueryWeights}). A
 * request with neither ("combine several fine-tuned models into one without any training") is still asked in the
 * user's own words, so it stays a question. A pure function.
 */
final class QueryForm {

    /** First words that make a question: question words and the auxiliaries a yes/no question opens with. */
    private static final Set<String> QUESTION_WORDS = Set.of("how", "what", "what's", "whats", "why", "which", "where",
            "when", "who", "whom", "whose", "can", "could", "should", "would", "will", "is", "are", "am", "do", "does",
            "did", "was", "were", "has", "have", "may", "might", "shall", "must", "isn't", "aren't", "don't", "doesn't",
            "can't", "won't", "any", "anyone");
    /** Kinds of written or recorded work a reader remembers an entry as (singular; "notes", "slides", "series" as such). */
    private static final Set<String> WORK_KINDS = Set.of("article", "blog", "post", "paper", "essay", "tutorial",
            "guide", "notes", "notebook", "write-up", "writeup", "explainer", "overview", "walkthrough", "survey",
            "report", "course", "lecture", "video", "talk", "slides", "book", "thread", "announcement", "series",
            "newsletter", "podcast", "wiki", "primer", "cheatsheet", "review");

    private QueryForm() {
    }

    /** Whether the query describes an entry: it asks nothing and names a kind of work. */
    static boolean isDescription(String query) {
        String text = query.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty() || text.contains("?")) {
            return false;
        }
        String first = text.split("\\s+")[0].replaceAll("[^\\p{L}']", "");
        if (QUESTION_WORDS.contains(first)) {
            return false;
        }
        for (String word : text.split("[^\\p{L}-]+")) {
            if (WORK_KINDS.contains(word) || WORK_KINDS.contains(singular(word))) {
                return true;
            }
        }
        return false;
    }

    private static String singular(String word) {
        return word.length() > 3 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }
}
