package dev.shelf.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shelf.ingest.Kind;
import dev.shelf.search.SearchResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Judging a ranking whose results stand for works with several copies, worked out by hand. */
class JudgmentsTest {

    private static final String POST = "https://example.org/post";
    private static final String MIRROR = "https://mirror.example.com/post";
    private static final String TOOL = "https://example.org/tool";

    private static Judgments judged() {
        Map<String, Integer> keys = new LinkedHashMap<>();
        keys.put(POST, 2);
        keys.put(MIRROR, 2);
        keys.put(TOOL, 1);
        return new Judgments(Map.of("q", "merge models"), Map.of("q", keys));
    }

    private static SearchResult result(String id, String url, SearchResult.Copy... copies) {
        return new SearchResult(id, id, url, List.of(url), "", "", Kind.LINK, List.of(), List.of(), Map.of(),
                List.of(copies), 1, null, null, List.of());
    }

    private static SearchResult.Copy copy(String id, String url) {
        return new SearchResult.Copy(id, url, id, List.of());
    }

    @Test
    void a_work_shown_once_earns_the_grade_of_its_copies_once() {
        List<SearchResult> ranking = List.of(result("post", POST, copy("mirror", MIRROR)), result("tool", TOOL));
        assertEquals(List.of(2, 1), judged().gains("q", ranking));
    }

    @Test
    void a_copy_ranked_again_after_its_work_earns_nothing() {
        List<SearchResult> ranking = List.of(result("post", POST, copy("mirror", MIRROR)),
                result("mirror", MIRROR, copy("post", POST)), result("tool", TOOL));
        assertEquals(List.of(2, 0, 1), judged().gains("q", ranking));
    }

    @Test
    void a_copy_ranked_again_earns_nothing_even_when_its_own_key_was_not_the_best() {
        Map<String, Integer> keys = new LinkedHashMap<>();
        keys.put(POST, 1);
        keys.put(MIRROR, 2);
        Judgments judgments = new Judgments(Map.of("q", "x"), Map.of("q", keys));
        List<SearchResult> ranking = List.of(result("post", POST, copy("mirror", MIRROR)),
                result("mirror", MIRROR, copy("post", POST)));
        assertEquals(List.of(2, 0), judgments.gains("q", ranking));
    }

    @Test
    void keys_of_one_works_copies_are_one_entry_of_the_ideal_ranking() {
        Map<String, Set<String>> works = Map.of(POST, Set.of("post"), MIRROR, Set.of("post"));
        assertEquals(List.of(2, 1), judged().idealGains("q", key -> works.getOrDefault(key, Set.of())));
        assertEquals(List.of(2, 2, 1), judged().idealGains("q"));
    }

    @Test
    void without_copies_a_result_uses_up_only_its_best_key() {
        Map<String, Integer> keys = new LinkedHashMap<>();
        keys.put("title:post", 1);
        keys.put(POST, 2);
        Judgments judgments = new Judgments(Map.of("q", "x"), Map.of("q", keys));
        SearchResult sameTitle = new SearchResult("other", "post", TOOL, List.of(TOOL), "", "", Kind.LINK, List.of(),
                List.of(), Map.of(), List.of(), 1, null, null, List.of());
        assertEquals(List.of(2, 1), judgments.gains("q", List.of(result("post", POST), sameTitle)));
    }
}
