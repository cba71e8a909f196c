package dev.shelf.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.cli.Main;
import dev.shelf.embed.Encoders;
import dev.shelf.embed.SharedEncoder;
import dev.shelf.index.BuildProgress;
import dev.shelf.index.IndexLayout;
import dev.shelf.index.LuceneChunkIndex;
import dev.shelf.pipeline.ListIndexer;
import dev.shelf.search.SearchMode;
import dev.shelf.search.SearchRequest;
import dev.shelf.search.SearchService;
import dev.shelf.search.SearchSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A tiny BEIR-format collection made here, indexed with the same pipeline and judged by document id. */
class BeirEvalIT {

    private static Path writeCollection(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("qrels"));
        Files.writeString(dir.resolve("corpus.jsonl"), String.join("\n",
                "{\"_id\": \"d1\", \"title\": \"Quantization\", \"text\": \"Reduce weights to 4-bit integers with GPTQ to save memory.\"}",
                "{\"_id\": \"d2\", \"title\": \"Model merging\", \"text\": \"Combine fine-tuned models with mergekit using SLERP or TIES.\"}",
                "{\"_id\": \"d3\", \"title\": \"Retrieval\", \"text\": \"A vector database stores embeddings for nearest neighbour search.\"}",
                "{\"_id\": \"d4\", \"title\": \"Tokenizers\", \"text\": \"Byte pair encoding splits text into subword tokens.\"}", ""));
        Files.writeString(dir.resolve("queries.jsonl"), String.join("\n",
                "{\"_id\": \"q1\", \"text\": \"GPTQ 4-bit quantization\"}",
                "{\"_id\": \"q2\", \"text\": \"mergekit SLERP\"}",
                "{\"_id\": \"q3\", \"text\": \"vector database embeddings\"}",
                "{\"_id\": \"q9\", \"text\": \"a query without judgments\"}", ""));
        Files.writeString(dir.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\nq3\td3\t1\n");
        return dir;
    }

    @Test
    void bm25_ranks_each_judged_document_first_and_ndcg_is_one(@TempDir Path dir) throws IOException {
        BeirCollection collection = BeirCollection.load(writeCollection(dir.resolve("beir")));
        assertEquals(4, collection.resources().size());
        assertEquals(3, collection.judgments().queries().size(), "queries without judgments are left out");
        IndexLayout layout = new IndexLayout(dir.resolve("index"));
        new ListIndexer(layout, Encoders.of(SharedEncoder.get())).index(collection.resources(),
                List.of(collection.source()), false, BuildProgress.NONE);
        try (LuceneChunkIndex index = LuceneChunkIndex.open(layout.current().orElseThrow())) {
            SearchService service = new SearchService(index, SharedEncoder.get());
            assertEquals("d2", service.search(SearchRequest.of("mergekit SLERP", SearchMode.LEXICAL, 4)).results().get(0).id());
            Map<String, Evaluator.Scores> scores = Evaluator.evaluate(collection.judgments(), SearchSettings.DEFAULT,
                    settings -> new SearchService(index, SharedEncoder.get(), settings));
            assertEquals(1.0, scores.get("lexical").ndcg10(), 1e-9);
            assertEquals(1.0, scores.get("lexical").mrr10(), 1e-9);
            assertEquals(1.0, scores.get("hybrid").recall10(), 1e-9);
        }
    }

    @Test
    void the_eval_command_prints_every_mode_for_a_beir_directory(@TempDir Path dir) throws IOException {
        Path beir = writeCollection(dir.resolve("beir"));
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        assertEquals(0, cli.execute("eval", "--beir", beir.toString(), "--json"));
        JsonNode body = new ObjectMapper().readTree(out.toString());
        assertEquals(3, body.get("queries").asInt());
        for (String mode : List.of("lexical", "semantic", "hybrid", "weighted", "rrf")) {
            JsonNode figures = body.get("modes").get(mode);
            for (String metric : List.of("ndcg@10", "recall@10", "recall@100", "mrr@10")) {
                double value = figures.get(metric).asDouble(-1);
                assertTrue(value >= 0 && value <= 1, mode + " " + metric + " = " + value);
            }
        }
        // Each list alone, lexical first, and hybrid against the best of them over all three queries.
        assertEquals("lexical", body.get("lists").fieldNames().next());
        assertTrue(body.get("lists").size() >= 2, body.get("lists").toString());
        JsonNode all = body.get("hybridAgainstLists").get(0);
        assertEquals("all", all.get("kind").asText());
        assertEquals(3, all.get("queries").asInt());
        assertTrue(body.get("lists").has(all.get("bestList").asText()), all.toString());
        double p = all.get("pValue").asDouble(-1);
        assertTrue(p >= 0 && p <= 1, all.toString());
    }
}
