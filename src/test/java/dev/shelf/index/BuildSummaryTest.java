package dev.shelf.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BuildSummaryTest {

    @Test
    void a_model_line_gives_the_embedding_rate_without_the_time_spent_readying_the_model() {
        BuildSummary.ModelBuild build = new BuildSummary.ModelBuild("bge-small-en-v15-q", 568, 0, 28_435, 7.5, 0.25);
        assertEquals(3_791.3, build.tokensPerSecond(), 0.1);
        assertEquals("bge-small-en-v15-q: 568 embedded (28,435 tokens in 7.5 s, 3,791 tokens/s, after 0.3 s readying"
                + " the model), 0 from the embedding cache", build.line());
    }

    @Test
    void a_model_that_embedded_nothing_gives_no_rate() {
        BuildSummary.ModelBuild cached = new BuildSummary.ModelBuild("e5-small-v2-q", 0, 568, 0, 0, 0);
        assertEquals(0, cached.tokensPerSecond());
        assertEquals("e5-small-v2-q: 0 embedded, 568 from the embedding cache", cached.line());
    }
}
