package dev.shelf.opensearch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words a more-like-this query looks for, chosen as Lucene's {@code MoreLikeThis} chooses them for the embedded
 * index (with its settings there: every word counts once seen, in one passage at least): the words of the text by
 * term frequency times classic TF-IDF's idf, {@code 1 + ln((docCount + 1) / (docFreq + 1))}, the best first. Written
 * here because the cluster has no reader to hand Lucene's class; its statistics come from the cluster.
 */
final class MoreLikeTerms {

    /** Lucene's default: a longer text is cut there. */
    static final int MAX_TOKENS_PARSED = 5000;

    private MoreLikeTerms() {
    }

    /** Each distinct word of the analyzed text with its frequency, in order of first sight. */
    static Map<String, Integer> frequencies(List<String> tokens) {
        Map<String, Integer> frequencies = new LinkedHashMap<>();
        for (String token : tokens.subList(0, Math.min(tokens.size(), MAX_TOKENS_PARSED))) {
            frequencies.merge(token, 1, Integer::sum);
        }
        return frequencies;
    }

    /**
     * The best {@code max} words.
     *
     * @param frequencies each word's frequency in the text
     * @param documentFrequencies each word's document frequency in the index (a word missing counts as 0)
     * @param docCount passages with the field
     */
    static List<String> select(Map<String, Integer> frequencies, Map<String, Long> documentFrequencies, long docCount,
                               int max) {
        record Scored(String word, float score) {
        }
        List<Scored> scored = new ArrayList<>();
        frequencies.forEach((word, tf) -> {
            long df = documentFrequencies.getOrDefault(word, 0L);
            if (df > 0) {
                scored.add(new Scored(word, tf * idf(df, docCount)));
            }
        });
        scored.sort(Comparator.comparingDouble((Scored s) -> -s.score()).thenComparing(Scored::word));
        return scored.stream().limit(max).map(Scored::word).toList();
    }

    /** Classic similarity's idf, in float as Lucene computes it. */
    static float idf(long docFreq, long docCount) {
        return (float) (Math.log((docCount + 1) / (double) (docFreq + 1)) + 1.0);
    }
}
