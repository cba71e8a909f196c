package dev.shelf.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Specific entries of each bundled list, chosen so that a reader can check them against the files in index/sources. */
class BundledListsTest {

    private static final String BORCH = "borch-ai-reading-list";
    private static final String POWERHOUSE = "llm-powerhouse";
    private static final String WIKI = "henk52-knowledgesharing-ai";
    private static final String ZH = "llm-course-zh-tw";
    private static final String WEEK5 = "week-5-models-and-fine-tuning";

    private static IngestResult result;

    @BeforeAll
    static void ingestBundledLists() {
        result = new Ingester().ingest(List.of(Path.of("index/sources")));
    }

    private static Resource byTitle(String title) {
        List<Resource> found = result.resources().stream().filter(r -> r.title().equals(title)).toList();
        assertEquals(1, found.size(), () -> "resources titled \"" + title + "\": " + found);
        return found.get(0);
    }

    private static Resource byUrl(String url) {
        return result.resources().stream().filter(r -> url.equals(r.url())).findFirst()
                .orElseThrow(() -> new AssertionError("no resource with url " + url));
    }

    private static Set<String> listsOf(Resource resource) {
        return resource.sources().stream().map(Mention::id).collect(Collectors.toSet());
    }

    @Test
    void every_list_is_read_without_skipping_a_file() {
        assertEquals(Set.of(BORCH, POWERHOUSE, WIKI, ZH, WEEK5),
                result.sources().stream().map(Source::id).collect(Collectors.toSet()));
        assertTrue(result.skipped().isEmpty(), () -> "skipped: " + result.skipped());
    }

    @Test
    void each_list_yields_at_least_the_resources_the_acceptance_asks_for() {
        Map<String, Map<Kind, Integer>> counts = result.countsBySource();
        assertTrue(counts.get(BORCH).get(Kind.LINK) >= 22, () -> "000: " + counts.get(BORCH));
        assertTrue(counts.get(POWERHOUSE).get(Kind.LINK) >= 330, () -> "001: " + counts.get(POWERHOUSE));
        assertTrue(counts.get(WIKI).get(Kind.CONCEPT) + counts.get(WIKI).get(Kind.SECTION) >= 20,
                () -> "002: " + counts.get(WIKI));
        assertTrue(counts.get(ZH).values().stream().mapToInt(Integer::intValue).sum() >= 20, () -> "003: " + counts.get(ZH));
        assertTrue(counts.get(WEEK5).values().stream().mapToInt(Integer::intValue).sum() >= 25, () -> "004: " + counts.get(WEEK5));
    }

    @Test
    void no_resource_keeps_mojibake_a_blank_title_or_a_non_http_url() {
        List<String> mojibake = List.of("‚Äô", "‚Äî", "üîó", "ü§ó", "‚¨áÔ∏è");
        for (Resource r : result.resources()) {
            String all = r.title() + r.description() + r.section() + r.metadata();
            mojibake.forEach(m -> assertFalse(all.contains(m), () -> "mojibake " + m + " in " + r));
            assertFalse(r.title().isBlank(), () -> "blank title: " + r);
            if (r.url() != null) {
                assertTrue(r.url().matches("https?://[^/\\s]+.*"), () -> "not an absolute http(s) url: " + r.url());
                assertEquals(r.url(), r.links().get(0), "the primary url comes first in links");
            }
            assertEquals(r.kind() == Kind.LINK, r.url() != null, () -> "kind and url disagree: " + r);
        }
    }

    @Test
    void borch_heading_links_become_articles_described_by_their_paragraph_with_the_encoding_repaired() {
        Resource abliteration = byTitle("Uncensor any LLM with abliteration, by Maxime Labonne");
        assertEquals("https://huggingface.co/blog/mlabonne/abliteration", abliteration.url());
        assertEquals(Kind.LINK, abliteration.kind());
        assertEquals(List.of("Training & Finetuning"), abliteration.section());
        assertTrue(abliteration.description().startsWith("Discover how to bypass built-in censorship"));
        assertTrue(abliteration.description().contains("high-performing AI model—perfect"), "‚Äî repaired to an em dash");
        assertEquals(42, abliteration.sources().get(0).line());

        assertEquals("https://huggingface.co/blog/noob_intro_transformers",
                byTitle("Total noob’s intro to Hugging Face Transformers").url());
        // "ü§ó PEFT: ..." is "🤗 PEFT: ...", and the leading emoji is decoration.
        assertEquals("https://huggingface.co/blog/peft",
                byTitle("PEFT: Parameter-Efficient Fine-Tuning of Billion-Scale Models on Low-Resource Hardware").url());
        Resource keyConcepts = byTitle("Key Concepts");
        assertEquals(Kind.SECTION, keyConcepts.kind());
        assertEquals(List.of("Synthetic/Augmented Datasets"), keyConcepts.section());
        assertEquals("Borch's AI Reading List", keyConcepts.sources().get(0).name());
    }

    @Test
    void powerhouse_tables_give_concepts_links_inline_links_and_dataset_metadata() {
        Resource merging = byTitle("Model merging");
        assertEquals(Kind.CONCEPT, merging.kind());
        assertNull(merging.url());
        assertEquals(List.of("Unlock the Art of LLM Science", "New Trends"), merging.section());
        assertTrue(merging.links().contains("https://github.com/arcee-ai/mergekit"));

        Resource mergekit = byTitle("mergekit");
        assertEquals("https://github.com/arcee-ai/mergekit", mergekit.url());
        assertEquals("The widely-used mergekit library incorporates various merging methods including SLERP, DARE, and TIES.",
                mergekit.description());

        Resource lmStudio = byTitle("Run an LLM locally with LM Studio by Nisha Arya");
        assertEquals("https://www.kdnuggets.com/run-an-llm-locally-with-lm-studio", lmStudio.url());
        assertEquals("A brief guide on how to use LM Studio for running a local LLM.", lmStudio.description());
        assertEquals(List.of("Building Production-Ready LLM Applications", "Running LLMs", "Further Exploration"),
                lmStudio.section());

        Resource buzz = byTitle("Buzz");
        assertEquals("https://huggingface.co/datasets/H-D-T/Buzz", buzz.url());
        assertEquals(Map.of("#", "31.2M", "Authors", "Alignment Lab AI", "Date", "May 2024", "Category", "General Purpose"),
                buzz.metadata());
        assertEquals(List.of("LLM Datasets"), buzz.section());

        Resource apis = byTitle("LLM APIs");
        assertEquals(Kind.CONCEPT, apis.kind());
        assertEquals("https://platform.openai.com", apis.links().get(0));
        assertEquals("https://platform.openai.com", byTitle("OpenAI").url());
    }

    @Test
    void powerhouse_prose_sections_are_sections_and_navigation_and_footers_are_left_out() {
        assertEquals(Kind.SECTION, byTitle("What I am learning").kind());
        assertEquals(Kind.SECTION, byTitle("LLM Alligmment").kind());
        for (Resource r : result.resources()) {
            assertFalse(r.title().matches("(?i)contributing|license|about the author|table of contents|star history chart"),
                    () -> "footer or navigation listed: " + r);
            r.links().forEach(link -> assertFalse(link.contains("star-history.com") || link.contains("img.shields.io")
                    || link.contains("sunilghimire.com.np") || link.endsWith("/LICENSE"), () -> "footer or badge: " + link));
            assertFalse(r.description().contains("graph LR"), () -> "mermaid diagram text in " + r);
        }
    }

    @Test
    void wiki_vocabulary_entries_are_concepts_and_its_prose_headings_are_sections() {
        Resource gguf = byTitle("GGUF");
        assertEquals(Kind.CONCEPT, gguf.kind());
        assertEquals("a file format or storing modles for inference with GGML.", gguf.description());
        assertEquals(List.of("Vocabulary"), gguf.section());
        assertEquals(14, gguf.sources().get(0).line());
        Resource parameters = byTitle("Parameters");
        assertTrue(parameters.description().contains("weights and biases"), "nested bullets extend the definition");
        for (String section : List.of("LLM vs ML", "Math behind LLM", "Further training")) {
            assertEquals(Kind.SECTION, byTitle(section).kind(), section);
        }
        assertTrue(byTitle("Math behind LLM").description().contains("Softmax Activation"));
        assertEquals("AI - henk52/knowledgesharing GitHub Wiki", gguf.sources().get(0).name());
    }

    @Test
    void chinese_course_rows_take_titles_from_the_first_column_and_keep_every_link() {
        Resource lazy = byTitle("LazyMergekit");
        assertEquals("https://colab.research.google.com/drive/1obulZ1ROXHjYLn6PPZJwRR6GzgQogxxb", lazy.url(),
                "the raw HTML Colab link, without ?usp=sharing");
        assertEquals("使用 mergekit 一鍵輕鬆合併模型.", lazy.description());
        assertEquals(List.of("Notebooks", "Tools"), lazy.section());

        Resource autoEval = byTitle("LLM AutoEval");
        assertEquals(List.of("https://github.com/mlabonne/llm-autoeval",
                "https://colab.research.google.com/drive/1Igs3WZuXAIv9X0vwqiE90QlEPys8e8Oa"), autoEval.links());

        Resource llama = byTitle("Fine-tune Llama 2 in Google Colab");
        assertEquals("https://mlabonne.github.io/blog/posts/Fine_Tune_Your_Own_Llama_2_Model_in_a_Colab_Notebook.html", llama.url());
        assertEquals(Set.of(ZH, POWERHOUSE), listsOf(llama), "one resource for the article listed in two lists");
        assertTrue(llama.description().contains("微調您的第一個 Llama 2 模型的逐步指南"));
    }

    @Test
    void week5_links_lose_dates_to_metadata_and_odd_links_become_sane_resources() {
        Resource gpu = byUrl("https://www.youtube.com/watch?v=WyZQ73cKLMU");
        assertEquals("Calculating GPU Requirements For Open Source LLMs", gpu.title());
        assertEquals(Map.of("Duration", "5:19", "Date", "30 Aug 2024"), gpu.metadata());
        assertEquals(List.of("Reading Assignments", "Models", "Size"), gpu.section());

        Resource tiktoken = byTitle("tiktoken");
        assertEquals(Kind.CONCEPT, tiktoken.kind());
        assertNull(tiktoken.url());

        Resource leaderboard = byUrl("https://huggingface.co/spaces/open-llm-leaderboard/open_llm_leaderboard");
        assertEquals("Huggingface LMsys Leaderboard", leaderboard.title());

        assertEquals("Contextual Retrieval with Any LLM: A Step-by-Step Guide",
                byUrl("https://www.youtube.com/watch?v=6efwN_US-zk&t=126s").title(), "the &t= parameter is kept");
    }

    @Test
    void ids_are_stable_short_hashes() {
        Resource mergekit = byTitle("mergekit");
        assertEquals(Urls.shortHash("https://github.com/arcee-ai/mergekit"), mergekit.id());
        assertEquals(result.resources().size(), result.resources().stream().map(Resource::id).distinct().count());
    }
}
