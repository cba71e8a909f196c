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
     * The words of a title or description that may name a topic: links removed, lower case, accents folded, Latin
     * words of two or more letters, no stop words, no excluded word, no number.
     */
    public static Set<String> words(String text, Set<String> excluded) {
        String plain = Normalizer.normalize(URL.matcher(text == null ? "" : text).replaceAll(" "), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        Set<String> words = new LinkedHashSet<>();
        Matcher m = WORD.matcher(plain);
        while (m.find()) {
            String word = m.group();
            if (!StopWords.contains(word) && !excluded.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    /**
     * A label of two or three words per class: its best-scoring words that no larger class's label used and that are
     * not a plural or prefix of a word already in the label; classes are served largest first so the big topics get
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
            ranked.sort(Comparator.comparingDouble((String w) -> -scores.get(c).get(w)).thenComparing(w -> w));
            List<String> chosen = pick(ranked, used, w -> counts.get(c).get(w) >= 2);
            if (chosen.size() < 2) {
                chosen = pick(ranked, used, w -> true);
            }
            used.addAll(chosen);
            // A cluster whose every word a larger one took is named by its number, which keeps labels distinct.
            labels[c] = chosen.isEmpty() ? "topic " + (c + 1) : String.join(", ", chosen);
        }
        return List.of(labels);
    }

    private static List<String> pick(List<String> ranked, Set<String> used, java.util.function.Predicate<String> ok) {
        List<String> chosen = new ArrayList<>();
        for (String word : ranked) {
            if (chosen.size() == MAX_WORDS) {
                break;
            }
            if (ok.test(word) && used.stream().noneMatch(w -> similar(w, word))
                    && chosen.stream().noneMatch(w -> similar(w, word))) {
                chosen.add(word);
            }
        }
        return chosen;
    }

    /** "model" and "models", "quant" and "quantization": one of the two is enough in a label. */
    static boolean similar(String a, String b) {
        return a.startsWith(b) || b.startsWith(a);
    }
}
