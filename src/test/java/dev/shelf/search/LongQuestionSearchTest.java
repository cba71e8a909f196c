package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shelf.embed.Encoders;
import dev.shelf.embed.HashingEncoder;
import dev.shelf.index.LuceneChunkIndex;
import dev.shelf.ingest.Resource;
import dev.shelf.ingest.Source;
import dev.shelf.search.SearchResult.ListScore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search service weighs a long question's lists as {@link QueryWeights} says, and shows the weights it used. */
class LongQuestionSearchTest {

    private static final Source LIST = new Source("list", "List", Path.of("list.md"), "markdown");
    private static final List<Resource> RESOURCES = List.of(
            SmallIndex.link("lora", "LoRA", "Fine-tune large models with low-rank adapters.", LIST),
            SmallIndex.link("gguf", "GGUF", "A file format for quantized models.", LIST));
    private static final HashingEncoder FIRST = new HashingEncoder(1024, 64);
    private static final HashingEncoder QUESTIONS = new HashingEncoder(768, 64);
    private static final String LONG = "which file format do people use for quantized models on a laptop";

    @TempDir
    static Path dir;
    private static LuceneChunkIndex index;

    @BeforeAll
    static void indexWithTwoModels() throws IOException {
        index = SmallIndex.build(dir, RESOURCES, List.of(LIST), FIRST, QUESTIONS);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static Map<String, Double> weightsOfFirstResult(SearchSettings settings, String query, SearchMode mode) {
        SearchService service = new SearchService(index, new Encoders(List.of(FIRST, QUESTIONS)), settings,
                Runnable::run);
        SearchResult first = service.search(new SearchRequest(query, mode, 2, Set.of())).results().get(0);
        return first.lists().stream().collect(Collectors.toMap(ListScore::list, ListScore::weight));
    }

    /** Equal weights to 1e-12: a third is not always the same double, as 1 - 2/3 shows. */
    private static void assertWeights(Map<String, Double> expected, Map<String, Double> actual, String why) {
        assertEquals(expected.keySet(), actual.keySet(), why);
        expected.forEach((list, weight) -> assertEquals(weight, actual.get(list), 1e-12, why + ": " + list));
    }

    @Test
    void a_long_question_gives_the_question_model_half_and_the_other_lists_the_other_half() {
        SearchSettings settings = SearchSettings.DEFAULT.withQuestionModel(QUESTIONS.name());
        assertWeights(Map.of("lexical", 0.25, FIRST.name(), 0.25, QUESTIONS.name(), 0.5),
                weightsOfFirstResult(settings, LONG, SearchMode.HYBRID), "hybrid");
        assertWeights(Map.of(FIRST.name(), 0.5, QUESTIONS.name(), 0.5),
                weightsOfFirstResult(settings, LONG, SearchMode.SEMANTIC), "two model lists: half each either way");
    }

    @Test
    void a_short_query_or_another_question_model_keeps_every_list_equal() {
        double third = 1.0 / 3;
        SearchSettings settings = SearchSettings.DEFAULT.withQuestionModel(QUESTIONS.name());
        Map<String, Double> equal = Map.of("lexical", third, FIRST.name(), third, QUESTIONS.name(), third);
        assertWeights(equal, weightsOfFirstResult(settings, "quantized file format", SearchMode.HYBRID), "short");
        assertWeights(equal, weightsOfFirstResult(SearchSettings.DEFAULT, LONG, SearchMode.HYBRID),
                "the default question model is not loaded here");
    }
}
