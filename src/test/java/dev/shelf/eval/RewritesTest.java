package dev.shelf.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.search.SearchMode;
import dev.shelf.search.SearchRequest;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RewritesTest {

    private static final String T1 = "{\"id\": \"t1\", \"keywords\": \" RoPE positional encoding \","
            + " \"answer\": \"Rotary embeddings encode position.\"}";

    @Test
    void each_line_gives_a_query_its_keywords_and_answer_stripped() throws IOException {
        Rewrites rewrites = Rewrites.parse("r.jsonl", List.of(T1, "", "{\"id\": \"t2\", \"keywords\": \"LoRA\"}"));
        assertEquals(Optional.of(new Rewrites.Rewrite("RoPE positional encoding", "Rotary embeddings encode position.")),
                rewrites.of("t1"));
        assertEquals(Optional.of(new Rewrites.Rewrite("LoRA", "")), rewrites.of("t2"));
        assertEquals(Optional.empty(), rewrites.of("t3"));
    }

    @Test
    void a_bad_line_is_an_error_naming_the_file_and_the_line() {
        assertMessage("r.jsonl:2: not a JSON object", List.of(T1, "{oops"));
        assertMessage("r.jsonl:1: expected {\"id\", \"keywords\", \"answer\"}", List.of("{\"keywords\": \"x\"}"));
        assertMessage("r.jsonl:1: query t9 has neither keywords nor an answer", List.of("{\"id\": \"t9\", \"answer\": \" \"}"));
        assertMessage("r.jsonl:3: query t1 is rewritten twice", List.of(T1, "", T1));
    }

    private static void assertMessage(String start, List<String> lines) {
        IOException e = assertThrows(IOException.class, () -> Rewrites.parse("r.jsonl", lines));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }

    @Test
    void each_form_sends_its_parts_and_a_query_without_a_rewrite_is_asked_as_it_is() {
        Rewrites.Rewrite rewrite = new Rewrites.Rewrite("RoPE", "Rotary embeddings.");
        assertRequest("", "RoPE", "", RewriteEvaluation.Form.KEYWORDS.request("word order?", rewrite, 10));
        assertRequest("", "", "Rotary embeddings.", RewriteEvaluation.Form.ANSWER.request("word order?", rewrite, 10));
        assertRequest("", "RoPE", "Rotary embeddings.",
                RewriteEvaluation.Form.KEYWORDS_ANSWER.request("word order?", rewrite, 10));
        assertRequest("word order?", "RoPE", "Rotary embeddings.",
                RewriteEvaluation.Form.ALL.request("word order?", rewrite, 10));
        assertRequest("word order?", "", "", RewriteEvaluation.Form.ASKED.request("word order?", rewrite, 10));
        assertRequest("word order?", "", "", RewriteEvaluation.Form.KEYWORDS.request("word order?", null, 10));
    }

    @Test
    void a_form_applies_only_where_the_rewrite_has_its_parts() {
        Rewrites.Rewrite keywordsOnly = new Rewrites.Rewrite("LoRA", "");
        assertTrue(RewriteEvaluation.Form.KEYWORDS.applies(keywordsOnly));
        assertEquals(false, RewriteEvaluation.Form.ANSWER.applies(keywordsOnly));
        assertTrue(RewriteEvaluation.Form.ALL.applies(keywordsOnly));
    }

    private static void assertRequest(String query, String keywords, String answer, SearchRequest request) {
        assertEquals(List.of(query, keywords, answer, SearchMode.HYBRID),
                List.of(request.query(), request.keywords(), request.answer(), request.mode()));
    }
}
