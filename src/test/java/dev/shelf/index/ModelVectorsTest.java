package dev.shelf.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shelf.chunk.Chunk;
import dev.shelf.embed.Encoder;
import dev.shelf.embed.ForwardingEncoder;
import dev.shelf.embed.HashingEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelVectorsTest {

    private static final List<Chunk> CHUNKS = List.of(
            new Chunk("a#0", "a", 0, "A", "low-rank adapters for fine-tuning"),
            new Chunk("b#0", "b", 0, "B", "a file format for quantized models"));

    @TempDir
    Path dir;

    private BuildSummary.ModelBuild embed(HashingEncoder encoder) throws IOException {
        return ModelVectors.open(encoder, CHUNKS, new IndexLayout(dir)).embedMissing(false, BuildProgress.NONE);
    }

    @Test
    void unchanged_passages_come_from_the_cache_the_second_time() throws IOException {
        HashingEncoder encoder = new HashingEncoder(64, 32);
        assertEquals(2, embed(encoder).embedded());
        BuildSummary.ModelBuild again = embed(encoder);
        assertEquals(0, again.embedded());
        assertEquals(2, again.cached());
    }

    @Test
    void a_model_whose_vectors_are_made_another_way_embeds_again_under_the_same_name() throws IOException {
        embed(new HashingEncoder(64, 32));
        BuildSummary.ModelBuild changed = embed(new HashingEncoder(64, 32).variant("another passage prefix"));
        assertEquals(2, changed.embedded(), "vectors made with the old prefix are not reused");
    }

    @Test
    void the_model_is_readied_once_before_its_first_passage_and_not_when_every_vector_is_cached() throws IOException {
        CallRecorder encoder = new CallRecorder(new HashingEncoder(64, 32));
        ModelVectors.open(encoder, CHUNKS, new IndexLayout(dir)).embedMissing(false, BuildProgress.NONE);
        assertEquals(List.of("ready", "encode"), encoder.calls);
        encoder.calls.clear();
        ModelVectors.open(encoder, CHUNKS, new IndexLayout(dir)).embedMissing(false, BuildProgress.NONE);
        assertEquals(List.of(), encoder.calls, "nothing to embed, nothing to load");
    }

    @Test
    void the_tokens_counted_are_those_the_model_says_it_runs_over() throws IOException {
        CallRecorder encoder = new CallRecorder(new HashingEncoder(64, 32));
        BuildSummary.ModelBuild build = ModelVectors.open(encoder, CHUNKS, new IndexLayout(dir))
                .embedMissing(false, BuildProgress.NONE);
        // "A\nlow-rank adapters for fine-tuning" and "B\na file format for quantized models" (header, then body): 7
        // words each, and each passage the recorder's 5 tokens of prefix and special tokens more.
        assertEquals(7 + 5 + 7 + 5, build.tokens());
    }

    /**
     * Wraps the hashing fake: writes down when the model is readied and when it encodes, and counts each passage as
     * its words plus a 5-token prefix, so that the build's token count can be told from {@code tokenCount + 2}.
     */
    private static final class CallRecorder extends ForwardingEncoder {
        private final List<String> calls = new ArrayList<>();

        CallRecorder(Encoder encoder) {
            super(encoder);
        }

        @Override
        public List<float[]> encode(List<String> passages) {
            calls.add("encode");
            return super.encode(passages);
        }

        @Override
        public void readyForPassages() {
            calls.add("ready");
        }

        @Override
        public int passageTokens(String passage) {
            return tokenCount(passage) + 5;
        }
    }
}
