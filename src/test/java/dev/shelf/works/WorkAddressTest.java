package dev.shelf.works;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.works.WorkAddress.Form;
import org.junit.jupiter.api.Test;

class WorkAddressTest {

    private static WorkAddress of(String url) {
        return WorkAddress.of(url).orElseThrow();
    }

    @Test
    void a_papers_abstract_pdf_and_mirrors_share_its_arxiv_id() {
        WorkAddress abs = of("https://arxiv.org/abs/2106.09685");
        assertEquals(new WorkAddress(Form.PAPER, "arxiv:2106.09685"), abs);
        assertEquals(abs, of("https://arxiv.org/pdf/2106.09685v2.pdf"));
        assertEquals(abs, of("http://export.arxiv.org/abs/2106.09685v1"));
        assertEquals(abs, of("https://huggingface.co/papers/2106.09685"));
        assertEquals(abs, of("https://ar5iv.labs.arxiv.org/html/2106.09685"));
        assertNotEquals(abs, of("https://arxiv.org/abs/2305.14314"));
    }

    @Test
    void a_notebook_on_github_colab_nbviewer_and_raw_is_one_copy_on_any_branch() {
        WorkAddress github = of("https://github.com/mlabonne/llm-course/blob/main/Fine_tune_Llama_2.ipynb");
        assertEquals(new WorkAddress(Form.NOTEBOOK, "github:mlabonne/llm-course/Fine_tune_Llama_2.ipynb"), github);
        assertEquals(github, of("https://colab.research.google.com/github/mlabonne/llm-course/blob/master/Fine_tune_Llama_2.ipynb"));
        assertEquals(github, of("https://nbviewer.org/github/mlabonne/llm-course/blob/main/Fine_tune_Llama_2.ipynb"));
        assertEquals(github, of("https://raw.githubusercontent.com/mlabonne/llm-course/main/Fine_tune_Llama_2.ipynb"));
        assertEquals(Form.NOTEBOOK, of("https://colab.research.google.com/drive/1s2eQlolcI1VGgDhqWIANfkfKvcKrMyNr").form());
    }

    @Test
    void a_medium_post_on_medium_and_on_its_publications_domain_shares_its_post_id() {
        WorkAddress tds = of("https://towardsdatascience.com/merge-large-language-models-with-mergekit-2118fb392b54");
        assertEquals(new WorkAddress(Form.PAGE, "medium:2118fb392b54"), tds);
        assertEquals(tds, of("https://medium.com/towards-data-science/merge-large-language-models-with-mergekit-2118fb392b54?gi=1"));
    }

    @Test
    void www_and_a_trailing_html_do_not_make_another_page() {
        assertEquals(of("https://sbert.net"), of("https://www.sbert.net"));
        assertEquals(of("https://example.org/posts/a"), of("https://example.org/posts/a.html"));
        assertNotEquals(of("https://example.org/posts/a"), of("https://example.org/posts/b"));
    }

    @Test
    void repositories_datasets_and_models_are_named_by_owner_and_name() {
        assertEquals(new WorkAddress(Form.REPOSITORY, "github:arcee-ai/mergekit"), of("https://github.com/arcee-ai/mergekit"));
        assertEquals(of("https://github.com/arcee-ai/mergekit"), of("https://github.com/arcee-ai/mergekit/tree/main"));
        assertEquals(Form.PAGE, of("https://github.com/o/r/tree/main/Articles/DeepSpeed").form());
        assertEquals(new WorkAddress(Form.DATASET, "hf:dataset/kingbri/pippa-sharegpt"),
                of("https://huggingface.co/datasets/kingbri/PIPPA-shareGPT"));
        assertNotEquals(of("https://huggingface.co/datasets/kingbri/PIPPA-shareGPT"),
                of("https://huggingface.co/datasets/PygmalionAI/PIPPA"));
        assertEquals(Form.MODEL, of("https://huggingface.co/mlabonne/phixtral-2x2_8").form());
        assertEquals(Form.PAGE, of("https://huggingface.co/blog/mlabonne/merge-models").form());
        assertEquals(Form.VIDEO, of("https://www.youtube.com/watch?v=kCc8FmEb1nY&t=5s").form());
        assertEquals(of("https://youtu.be/kCc8FmEb1nY"), of("https://www.youtube.com/watch?v=kCc8FmEb1nY&t=5s"));
    }

    @Test
    void an_openreview_paper_is_named_by_its_id_and_a_query_is_part_of_an_address() {
        assertEquals(new WorkAddress(Form.PAPER, "openreview:abc123"), of("https://openreview.net/forum?id=abc123"));
        assertEquals(of("https://openreview.net/forum?id=abc123"), of("https://openreview.net/pdf?id=abc123"));
        assertNotEquals(of("https://openreview.net/forum?id=abc123"), of("https://openreview.net/forum?id=def456"));
        assertNotEquals(of("https://example.org/get.pdf?id=1"), of("https://example.org/get.pdf?id=2"));
    }

    @Test
    void another_port_is_another_server_and_the_default_port_is_none() {
        assertNotEquals(of("http://localhost:7860"), of("http://localhost:8501"));
        assertEquals(of("https://example.org:443/a"), of("https://example.org/a"));
    }

    @Test
    void a_repositorys_readme_at_a_branch_is_the_repository() {
        assertEquals(of("https://github.com/arcee-ai/mergekit"),
                of("https://github.com/arcee-ai/mergekit/blob/main/README.md"));
    }

    @Test
    void a_deck_is_slides_and_ids_name_works_in_their_schemes() {
        assertEquals(Form.SLIDES, of("https://example.edu/cs224n/slides/lecture01.pdf").form());
        assertEquals(Form.SLIDES, of("https://example.org/talks/rlhf").form());
        assertEquals(new WorkAddress.Identity("arxiv", "2106.09685"), of("https://arxiv.org/pdf/2106.09685").identity()
                .orElseThrow());
        assertEquals(new WorkAddress.Identity("github", "o/r"), of("https://github.com/o/r/blob/main/a/b.ipynb")
                .identity().orElseThrow());
        assertEquals(new WorkAddress.Identity("colab", "abc"), of("https://colab.research.google.com/drive/abc")
                .identity().orElseThrow());
        assertTrue(of("https://example.org/post").identity().isEmpty());
    }

    @Test
    void only_pages_papers_and_notebooks_are_the_same_by_title() {
        assertTrue(Form.PAGE.sameByTitle() && Form.PAPER.sameByTitle() && Form.NOTEBOOK.sameByTitle());
        for (Form form : new Form[] {Form.REPOSITORY, Form.DATASET, Form.MODEL, Form.SPACE, Form.VIDEO, Form.SLIDES}) {
            assertTrue(!form.sameByTitle(), form.name());
        }
    }

    @Test
    void anything_but_an_http_address_has_none() {
        assertTrue(WorkAddress.of("mailto:someone@example.org").isEmpty());
        assertTrue(WorkAddress.of(null).isEmpty());
    }
}
