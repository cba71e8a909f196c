package dev.shelf.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.ingest.Urls;
import dev.shelf.search.SearchResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Judged queries: queries as JSON lines {@code {"id", "query"}} and graded keys as TSV
 * {@code query_id <TAB> key <TAB> grade}. A key is a URL as written in a list (matching a result whose {@code url} or
 * {@code links} holds it, both canonicalized) or {@code title:} followed by a title (matching case-insensitively).
 *
 * @param queries query id to text, in file order
 * @param grades query id to key to grade
 * @param kinds query id to its kind ({@code "kind"} in the queries file: plain, keyword, chinese...), for figures per
 *              kind; empty when the file names none
 */
public record Judgments(Map<String, String> queries, Map<String, Map<String, Integer>> grades,
                        Map<String, String> kinds) {

    /** Judgments whose queries have no kinds. */
    public Judgments(Map<String, String> queries, Map<String, Map<String, Integer>> grades) {
        this(queries, grades, Map.of());
    }

    private static final String TITLE_PREFIX = "title:";
    /** Key form of BEIR judgments: a resource id ({@code id:} + document id). */
    public static final String ID_PREFIX = "id:";

    public static Judgments load(Path queriesFile, Path qrelsFile) throws IOException {
        Map<String, String> queries = loadQueries(queriesFile);
        Map<String, Map<String, Integer>> grades = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(qrelsFile, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length < 3) {
                throw new IOException(qrelsFile + ":" + lineNumber + ": expected query_id<TAB>key<TAB>grade, got " + line);
            }
            try {
                grades.computeIfAbsent(cols[0].strip(), q -> new LinkedHashMap<>()).put(cols[1].strip(), Integer.parseInt(cols[2].strip()));
            } catch (NumberFormatException e) {
                throw new IOException(qrelsFile + ":" + lineNumber + ": grade is not a number: " + cols[2], e);
            }
        }
        return new Judgments(queries, grades, loadKinds(queriesFile));
    }

    /** Query id to kind, for the queries whose line names one ({@code "kind"}), in file order. */
    private static Map<String, String> loadKinds(Path queriesFile) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> kinds = new LinkedHashMap<>();
        for (String line : Files.readAllLines(queriesFile, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode node = json.readTree(line);
                if (node.hasNonNull("kind") && node.hasNonNull("id")) {
                    kinds.put(node.get("id").asText(), node.get("kind").asText());
                }
            }
        }
        return kinds;
    }

    /** Query id to text, from JSON lines {@code {"id", "query"}}. */
    public static Map<String, String> loadQueries(Path queriesFile) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> queries = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(queriesFile, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = json.readTree(line);
            if (!node.hasNonNull("id") || !node.hasNonNull("query")) {
                throw new IOException(queriesFile + ":" + lineNumber + ": expected {\"id\", \"query\"}, got " + line);
            }
            queries.put(node.get("id").asText(), node.get("query").asText());
        }
        return queries;
    }

    /**
     * The gains of a ranking: for each result, the grade of the best judged key it matches that no earlier result
     * matched (so listing one article twice earns nothing twice). A result stands for its whole work: a key of one of
     * its copies ({@link SearchResult#copies}) counts as its own, and every key of its copies is used up with it, so a
     * copy ranked again later earns nothing.
     */
    public List<Integer> gains(String queryId, List<SearchResult> ranking) {
        Map<String, Integer> judged = new LinkedHashMap<>(grades.getOrDefault(queryId, Map.of()));
        List<Integer> gains = new ArrayList<>(ranking.size());
        for (SearchResult result : ranking) {
            String bestKey = null;
            int best = 0;
            for (Map.Entry<String, Integer> e : judged.entrySet()) {
                if (e.getValue() > best && (matches(e.getKey(), result) || matchesCopy(e.getKey(), result))) {
                    best = e.getValue();
                    bestKey = e.getKey();
                }
            }
            if (bestKey != null) {
                judged.remove(bestKey);
            }
            if (!result.copies().isEmpty()) {
                // The work earned its best key; every other key of any of its copies, its own included, is used up.
                judged.keySet().removeIf(key -> matches(key, result) || matchesCopy(key, result));
            }
            gains.add(best);
        }
        return gains;
    }

    /** The grades of every judged key of the query, best first: the ideal ranking, each key a work of its own. */
    public List<Integer> idealGains(String queryId) {
        return idealGains(queryId, key -> Set.of());
    }

    /**
     * The ideal ranking when keys may name copies of one work: keys that match copies of one work (as
     * {@code worksOfKey} says, e.g. the addresses of an article and of its mirror) are one entry, of their best grade,
     * since the work is shown once; any other key is an entry of its own.
     *
     * @param worksOfKey the works of several copies that a key matches, each by a name that is the same for every copy
     *                   of it; empty for a key that matches no such work
     */
    public List<Integer> idealGains(String queryId, Function<String, Set<String>> worksOfKey) {
        List<Map.Entry<String, Integer>> keys = List.copyOf(grades.getOrDefault(queryId, Map.of()).entrySet());
        List<Set<String>> works = keys.stream().map(e -> worksOfKey.apply(e.getKey())).toList();
        int[] group = new int[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            group[i] = i;
            for (int j = 0; j < i; j++) {
                if (!Collections.disjoint(works.get(i), works.get(j))) {
                    int from = group[i];
                    int to = group[j];
                    for (int m = 0; m <= i; m++) {
                        group[m] = group[m] == from ? to : group[m];
                    }
                }
            }
        }
        Map<Integer, Integer> best = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            best.merge(group[i], keys.get(i).getValue(), Math::max);
        }
        return best.values().stream().filter(g -> g > 0).sorted((a, b) -> b - a).toList();
    }

    /** Whether the key names one of the result's copies. */
    static boolean matchesCopy(String key, SearchResult result) {
        return result.copies().stream().anyMatch(copy -> matches(key, copy.id(), copy.title(), copy.url(),
                copy.url() == null ? List.of() : List.of(copy.url())));
    }

    static boolean matches(String key, SearchResult result) {
        return matches(key, result.id(), result.title(), result.url(), result.links());
    }

    /** Whether the key names a resource of this id, title, URL and links. */
    public static boolean matches(String key, String id, String title, String url, List<String> links) {
        if (key.startsWith(ID_PREFIX)) {
            return id.equals(key.substring(ID_PREFIX.length()));
        }
        if (key.regionMatches(true, 0, TITLE_PREFIX, 0, TITLE_PREFIX.length())) {
            return title.strip().toLowerCase(Locale.ROOT)
                    .equals(key.substring(TITLE_PREFIX.length()).strip().toLowerCase(Locale.ROOT));
        }
        return Urls.canonicalize(key).map(u -> u.equals(url) || links.contains(u)).orElse(false);
    }
}
