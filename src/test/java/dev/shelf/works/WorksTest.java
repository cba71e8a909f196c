package dev.shelf.works;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.ingest.Kind;
import dev.shelf.ingest.Mention;
import dev.shelf.ingest.Resource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grouping cases, most from the bundled lists: what must be one work, and what must not. */
class WorksTest {

    private static Resource link(String id, String title, String url) {
        return new Resource(id, title, url, List.of(url), "", Kind.LINK, List.of(),
                List.of(new Mention("list", "List", List.of(), 1)), Map.of());
    }

    private static List<List<String>> groups(Resource... resources) {
        return Works.of(List.of(resources)).groups().stream().map(Works.Group::ids).toList();
    }

    @Test
    void a_blog_post_and_its_two_mirrors_are_one_work_in_the_order_read() {
        Works works = Works.of(List.of(
                link("tds", "Merge LLMs with mergekit",
                        "https://towardsdatascience.com/merge-large-language-models-with-mergekit-2118fb392b54"),
                link("hf", "Merge Large Language Models with mergekit, by Maxime Labonne",
                        "https://huggingface.co/blog/mlabonne/merge-models"),
                link("kit", "mergekit", "https://github.com/arcee-ai/mergekit"),
                link("blog", "Merge LLMs with mergekit",
                        "https://mlabonne.github.io/blog/posts/2024-01-08_Merge_LLMs_with_mergekit.html")));
        assertEquals(List.of(List.of("tds", "hf", "blog")), works.groups().stream().map(Works.Group::ids).toList());
        assertEquals(List.of("title page \"merge llm with mergekit\""), works.groups().get(0).evidence());
        assertEquals(List.of("hf", "tds", "blog"), works.members("hf"));
        assertEquals("tds", works.workOf("blog"));
        assertEquals(List.of("kit"), works.members("kit"));
        assertEquals("kit", works.workOf("kit"));
    }

    @Test
    void one_address_is_one_work_whatever_the_titles_say() {
        assertEquals(List.of(List.of("a", "b")), groups(
                link("a", "Sentence Transformers library", "https://www.sbert.net"),
                link("b", "sentence-transformers", "https://sbert.net")));
        assertEquals(List.of(List.of("abs", "pdf")), groups(
                link("abs", "LoRA", "https://arxiv.org/abs/2106.09685"),
                link("pdf", "Low-rank adaptation (PDF)", "https://arxiv.org/pdf/2106.09685.pdf")));
    }

    @Test
    void a_notebook_on_colab_and_its_copy_on_github_are_one_work() {
        assertEquals(List.of(List.of("colab", "github")), groups(
                link("colab", "Model Family Tree", "https://colab.research.google.com/drive/1s2eQlolcI1VGgDhqWIANfkfKvcKrMyNr"),
                link("github", "Model Family Tree", "https://github.com/o/r/blob/main/nb/Model_Family_Tree.ipynb")));
    }

    @Test
    void a_paper_and_a_blog_post_about_it_are_two_works() {
        assertEquals(List.of(), groups(
                link("paper", "QLoRA: Efficient Finetuning of Quantized LLMs", "https://arxiv.org/abs/2305.14314"),
                link("post", "QLoRA: Efficient Finetuning of Quantized LLMs", "https://example.org/blog/qlora")));
    }

    @Test
    void an_article_and_the_notebook_of_the_same_name_are_two_works() {
        assertEquals(List.of(), groups(
                link("post", "4-bit LLM Quantization with GPTQ",
                        "https://mlabonne.github.io/blog/posts/4_bit_Quantization_with_GPTQ.html"),
                link("notebook", "4-bit LLM Quantization with GPTQ",
                        "https://github.com/o/r/blob/main/4_bit_LLM_Quantization_with_GPTQ.ipynb")));
    }

    @Test
    void two_notebooks_of_one_course_are_two_works() {
        assertEquals(List.of(), groups(
                link("one", "Part 1", "https://colab.research.google.com/drive/one"),
                link("two", "Part 1", "https://colab.research.google.com/drive/two"),
                link("lab1", "Fine-tune Llama 2 with QLoRA", "https://github.com/o/course/blob/main/lab1.ipynb"),
                link("lab2", "Fine-tune Llama 3 with QLoRA", "https://github.com/o/course/blob/main/lab2.ipynb")));
    }

    @Test
    void generic_titles_join_nothing() {
        assertEquals(List.of(), groups(
                link("a", "Paper", "https://example.org/a.pdf"),
                link("b", "Paper", "https://example.com/b.pdf"),
                link("c", "Code", "https://example.org/code"),
                link("d", "Code", "https://example.com/code"),
                link("e", "Introduction", "https://example.org/intro"),
                link("f", "Introduction", "https://example.com/intro")));
    }

    @Test
    void two_datasets_or_repositories_of_one_name_are_two_works() {
        assertEquals(List.of(), groups(
                link("sharegpt", "PIPPA ShareGPT edition", "https://huggingface.co/datasets/kingbri/PIPPA-shareGPT"),
                link("original", "PIPPA ShareGPT edition", "https://huggingface.co/datasets/PygmalionAI/PIPPA"),
                link("fork", "Awesome LLM fine-tuning recipes", "https://github.com/someone/recipes"),
                link("upstream", "Awesome LLM fine-tuning recipes", "https://github.com/upstream/recipes")));
    }

    @Test
    void two_ids_in_one_scheme_keep_two_works_apart_whatever_their_titles() {
        assertEquals(List.of(), groups(
                link("moe2017", "Outrageously large networks: the sparsely gated mixture of experts layer",
                        "https://arxiv.org/abs/1701.06538"),
                link("moe2024", "Outrageously large networks: the sparsely gated mixture of experts layer",
                        "https://arxiv.org/abs/2401.04088"),
                link("folderA", "Retrieval augmented generation walkthrough",
                        "https://github.com/alice/notes/tree/main/rag"),
                link("folderB", "Retrieval augmented generation walkthrough",
                        "https://github.com/bob/course/tree/main/rag"),
                link("lab1", "Lab 1: Retrieval augmented generation", "https://colab.research.google.com/drive/abc"),
                link("lab1again", "Lab 1: Retrieval augmented generation",
                        "https://colab.research.google.com/drive/xyz")));
    }

    @Test
    void two_authors_keep_two_works_apart_and_no_chain_of_titles_joins_them() {
        assertEquals(List.of(), groups(
                link("bloem", "Transformers from scratch in plain PyTorch, by Peter Bloem", "https://peterbloem.nl/tfs"),
                link("rohrer", "Transformers from scratch in plain PyTorch, by Brandon Rohrer",
                        "https://e2eml.school/tfs")));
        // The untitled-author copy may join one of them, never both.
        List<List<String>> chained = groups(
                link("bloem", "Transformers from scratch in plain PyTorch, by Peter Bloem", "https://peterbloem.nl/tfs"),
                link("plain", "Transformers from scratch in plain PyTorch", "https://mirror.example.org/tfs"),
                link("rohrer", "Transformers from scratch in plain PyTorch, by Brandon Rohrer",
                        "https://e2eml.school/tfs"));
        assertEquals(List.of(List.of("bloem", "plain")), chained);
    }

    @Test
    void a_short_title_names_no_one_work() {
        assertEquals(List.of(), groups(
                link("weng", "Prompt Engineering", "https://lilianweng.github.io/posts/2023-03-15-prompt-engineering"),
                link("openai", "Prompt Engineering", "https://platform.openai.com/docs/guides/prompt-engineering"),
                link("a", "Mixture of Experts", "https://example.org/moe"),
                link("b", "Mixture of Experts", "https://example.com/moe")));
    }

    @Test
    void a_slide_deck_is_not_the_paper_it_presents() {
        assertEquals(List.of(), groups(
                link("paper", "Efficient Finetuning of Quantized LLMs with QLoRA", "https://arxiv.org/abs/2305.14314"),
                link("deck", "Efficient Finetuning of Quantized LLMs with QLoRA",
                        "https://example.edu/cs224n/slides/qlora.pdf")));
    }

    @Test
    void concepts_and_sections_are_never_grouped() {
        Resource concept = new Resource("c", "Scaling laws for neural models", null, List.of(), "", Kind.CONCEPT,
                List.of(), List.of(), Map.of());
        assertEquals(List.of(), groups(concept,
                link("l", "Scaling laws for neural models", "https://example.org/scaling-laws")));
    }

    @Test
    void works_written_into_a_build_are_read_back_and_a_build_without_them_has_none(@TempDir Path build)
            throws IOException {
        assertEquals(Works.NONE.groups(), Works.read(build).groups());
        Works works = Works.of(List.of(link("a", "x", "https://sbert.net"), link("b", "y", "https://www.sbert.net")));
        works.write(build);
        Works read = Works.read(build);
        assertEquals(works.groups(), read.groups());
        assertEquals(List.of("b", "a"), read.members("b"));
        assertTrue(read.members("unknown").contains("unknown"));
    }
}
