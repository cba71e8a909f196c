package dev.shelf.map;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names for clusters from the words that set each apart: class-based TF-IDF as BERTopic computes it (each cluster's
 * text is one document; a word scores its frequency in the cluster, normalized by the cluster's word count, times
 * log(1 + A / f), A the mean word count of a cluster and f the word's count over all clusters).
 */
public final class TopicLabels {

    /** Words per label, at most. */
    public static final int MAX_WORDS = 3;
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9]+");
    private static final Pattern BREAK = Pattern.compile("[.,:;!?()\\[\\]{}|/\"\\n]+");

    private TopicLabels() {
    }

    /**
     * The c-TF-IDF score of each word in each class, from each class's word counts.
     *
     * @param counts per class, how often each word occurs in it
     * @return per class, each of its words' scores
     */
    public static List<Map<String, Double>> cTfIdf(List<Map<String, Integer>> counts) {
        Map<String, Integer> total = new HashMap<>();
        long words = 0;
        for (Map<String, Integer> cls : counts) {
            for (var entry : cls.entrySet()) {
                total.merge(entry.getKey(), entry.getValue(), Integer::sum);
                words += entry.getValue();
            }
        }
        double meanWords = counts.isEmpty() ? 0 : (double) words / counts.size();
        List<Map<String, Double>> scores = new ArrayList<>();
        for (Map<String, Integer> cls : counts) {
            double size = cls.values().stream().mapToInt(Integer::intValue).sum();
            Map<String, Double> score = new TreeMap<>();
            for (var entry : cls.entrySet()) {
                double tf = entry.getValue() / size;
                score.put(entry.getKey(), tf * Math.log(1 + meanWords / total.get(entry.getKey())));
            }
            scores.add(score);
        }
        return scores;
    }

    /**
     * The terms of a title or description that may name a topic: its words and pairs of adjacent words ("hugging
     * face"), links removed, lower case, accents folded, hyphenated words joined ("fine-tuning" is "finetuning"),
     * Latin words of two or more letters, no stop word, no excluded word, no number. Punctuation and a stop word
     * break a pair.
     */
    public static Set<String> words(String text, Set<String> excluded) {
        String plain = Normalizer.normalize(URL.matcher(text == null ? "" : text).replaceAll(" . "), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replaceAll("(?<=[a-z0-9])-(?=[a-z0-9])", "");
        Set<String> terms = new LinkedHashSet<>();
        for (String phrase : BREAK.split(plain)) {
            String previous = null;
            for (String token : phrase.split("[^a-z0-9]+")) {
                boolean word = WORD.matcher(token).matches() && !StopWords.contains(token) && !excluded.contains(token);
                if (word) {
                    terms.add(token);
                    if (previous != null) {
                        terms.add(previous + " " + token);
                    }
                }
                previous = word ? token : (token.isEmpty() ? previous : null);
            }
        }
        return terms;
    }

    /**
     * A label of two or three words per class: its best-scoring terms (words or pairs) that no larger class's label
     * used and that are not a plural or prefix of a word already in the label; classes are served largest first so the big topics get
     * their best words (so no two labels share a word or its plural). A word must occur at least twice in the class, unless the class has too few such words.
     *
     * @param counts per class, how many of its resources use each word (as {@link #words} finds them)
     * @param sizes the number of resources in each class
     */
    public static List<String> labels(List<Map<String, Integer>> counts, int[] sizes) {
        List<Map<String, Double>> scores = cTfIdf(counts);
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < counts.size(); c++) {
            order.add(c);
        }
        order.sort(Comparator.comparingInt((Integer c) -> -sizes[c]).thenComparing(c -> c));
        Set<String> used = new HashSet<>();
        String[] labels = new String[counts.size()];
        for (int c : order) {
            List<String> ranked = new ArrayList<>(scores.get(c).keySet());
            // Of equal scores the pair goes first: "hugging face" says more than "hugging" or "face" alone.
            ranked.sort(Comparator.comparingDouble((String w) -> -scores.get(c).get(w))
                    .thenComparing(w -> -w.split(" ").length).thenComparing(w -> w));
            List<String> chosen = pick(ranked, used, w -> counts.get(c).get(w) >= 2);
            if (chosen.stream().mapToInt(t -> t.split(" ").length).sum() < 2) {
                chosen = pick(ranked, used, w -> true);
            }
            chosen = joinPairs(chosen, counts.get(c));
            used.addAll(chosen);
            // A cluster whose every word a larger one took is named by its number, which keeps labels distinct.
            labels[c] = chosen.isEmpty() ? "topic " + (c + 1) : String.join(", ", chosen);
        }
        return List.of(labels);
    }

    /** Two chosen words that mostly occur as a pair ("face", "hugging") become that pair ("hugging face"). */
    private static List<String> joinPairs(List<String> chosen, Map<String, Integer> counts) {
        List<String> joined = new ArrayList<>(chosen);
        for (int i = 0; i < joined.size(); i++) {
            for (int j = 0; j < joined.size(); j++) {
                String a = joined.get(i);
                String b = joined.get(j);
                String pair = a + " " + b;
                if (i != j && !a.contains(" ") && !b.contains(" ")
                        && 2 * counts.getOrDefault(pair, 0) >= Math.min(counts.get(a), counts.get(b))) {
                    joined.set(i, pair);
                    joined.remove(j);
                    return joinPairs(joined, counts);
                }
            }
        }
        return joined;
    }

    private static List<String> pick(List<String> ranked, Set<String> used, Predicate<String> ok) {
        List<String> chosen = new ArrayList<>();
        int words = 0;
        for (String term : ranked) {
            int size = term.split(" ").length;
            if (words + size > MAX_WORDS) {
                continue;
            }
            if (ok.test(term) && used.stream().noneMatch(w -> similar(w, term))
                    && chosen.stream().noneMatch(w -> similar(w, term))) {
                chosen.add(term);
                words += size;
            }
        }
        return chosen;
    }

    /**
     * Whether one of two terms is enough in a label: a word of one is a prefix of a word of the other ("model" and
     * "models", "quant" and "quantization", "hugging" and "hugging face").
     */
    static boolean similar(String a, String b) {
        for (String x : a.split(" ")) {
            for (String y : b.split(" ")) {
                if (x.startsWith(y) || y.startsWith(x)) {
                    return true;
                }
            }
        }
        return false;
    }
}
