package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.embed.Encoders;
import dev.shelf.embed.HashingEncoder;
import dev.shelf.index.LuceneChunkIndex;
import dev.shelf.ingest.Resource;
import dev.shelf.ingest.Source;
import dev.shelf.search.SearchResult.ListScore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "More like X" in hybrid mode: X named, its related resources fused in, X itself left out. */
class MoreLikeSearchTest {

    private static final Source TOOLS = new Source("tools", "Tools", Path.of("tools.md"), "markdown");
    private static final Source OTHER = new Source("other", "Other", Path.of("other.md"), "markdown");
    private static final List<Resource> RESOURCES = List.of(
            SmallIndex.link("ollama", "Ollama", "Run open models locally on your own computer.", TOOLS),
            SmallIndex.link("lmstudio", "LM Studio", "A desktop app like Ollama to run open models locally on your computer.", TOOLS),
            SmallIndex.link("llamacpp", "llama.cpp", "Run open models locally in plain C++ on your computer.", OTHER),
            SmallIndex.link("gguf", "GGUF", "A file format for quantized weights.", TOOLS),
            SmallIndex.link("ollama-guide", "Ollama guide", "How Ollama stores its files and answers over HTTP.", OTHER));
    private static final HashingEncoder MODEL = new HashingEncoder(1024, 64);

    @TempDir
    static Path dir;
    private static LuceneChunkIndex index;

    @BeforeAll
    static void build() throws IOException {
        index = SmallIndex.build(dir, RESOURCES, List.of(TOOLS, OTHER), MODEL);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static SearchResponse search(SearchSettings settings, String query, Set<String> sources) {
        return new SearchService(index, Encoders.of(MODEL), settings, Runnable::run)
                .search(new SearchRequest(query, SearchMode.HYBRID, 5, sources));
    }

    private static List<String> ids(SearchResponse response) {
        return response.results().stream().map(SearchResult::id).toList();
    }

    @Test
    void more_like_x_names_x_leaves_it_out_and_ranks_its_neighbours_before_what_is_unlike_it() {
        SearchResponse response = search(SearchSettings.DEFAULT, "Something like Ollama", Set.of());
        assertEquals(new SearchResponse.Like("ollama", "Ollama"), response.like());
        assertFalse(ids(response).contains("ollama"), ids(response)::toString);
        assertTrue(ids(response).subList(0, 3).containsAll(List.of("lmstudio", "llamacpp")), ids(response)::toString);
        assertEquals("gguf", ids(response).get(3), "the one unlike Ollama comes last");
        List<String> lists = response.results().get(0).lists().stream().map(ListScore::list).toList();
        assertTrue(lists.containsAll(List.of("lexical", MODEL.name(), "like lexical", "like " + MODEL.name())),
                lists::toString);
    }

    @Test
    void a_name_that_is_no_title_is_found_by_searching_for_it() {
        assertEquals(new SearchResponse.Like("lmstudio", "LM Studio"),
                search(SearchSettings.DEFAULT, "something like LM", Set.of()).like());
    }

    @Test
    void the_snippets_mark_the_name_not_the_words_of_the_request() {
        SearchResult lmStudio = search(SearchSettings.DEFAULT, "Something like Ollama", Set.of()).results().stream()
                .filter(r -> r.id().equals("lmstudio")).findFirst().orElseThrow();
        assertTrue(lmStudio.snippet().contains("<mark>Ollama</mark>"), lmStudio.snippet());
        assertFalse(lmStudio.snippet().contains("<mark>like</mark>"), lmStudio.snippet());
    }

    @Test
    void the_lists_filter_holds_for_the_related_resources_but_not_for_finding_x() {
        SearchResponse response = search(SearchSettings.DEFAULT, "more like Ollama", Set.of("tools"));
        assertEquals("ollama", response.like().id());
        assertEquals(List.of("lmstudio", "gguf"), ids(response));
        SearchResponse elsewhere = search(SearchSettings.DEFAULT, "more like Ollama", Set.of("other"));
        assertEquals("ollama", elsewhere.like().id(), "X is looked for in every list");
        assertEquals(Set.of("llamacpp", "ollama-guide"), Set.copyOf(ids(elsewhere)));
    }

    @Test
    void switched_off_or_naming_nothing_the_query_is_searched_as_it_is() {
        SearchResponse off = search(SearchSettings.DEFAULT.withMoreLike(false), "Something like Ollama", Set.of());
        assertNull(off.like());
        assertTrue(ids(off).contains("ollama"), ids(off)::toString);
        assertNull(search(SearchSettings.DEFAULT, "more like this", Set.of()).like());
        assertNull(search(SearchSettings.DEFAULT, "Alternatives to Kubernetes", Set.of()).like(),
                "no title shares a word with Kubernetes");
    }
}
