package dev.shelf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The benchmark runs end to end on a tiny corpus and prints every figure of its JSON contract; no timing is asserted. */
class BenchCommandIT {

    private static final String LIST = """
            # Tiny list

            * [Uncensor any LLM with abliteration](https://huggingface.co/blog/mlabonne/abliteration) removes refusals.
            * [GGUF and llama.cpp](https://github.com/ggerganov/llama.cpp) runs quantized models on a laptop.
            * [Merge models with mergekit](https://github.com/arcee-ai/mergekit) combines fine-tuned models.
            """;

    private static void assertPositive(JsonNode node, String path) {
        assertTrue(node != null && node.isNumber() && node.asDouble() > 0, path + " = " + node);
    }

    @Test
    void bench_json_has_every_figure_of_the_contract(@TempDir Path dir) throws IOException {
        Path list = Files.writeString(dir.resolve("tiny.md"), LIST);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int status = cli.execute("bench", "--json", "--sources", list.toString(), "--index", dir.resolve("index").toString(),
                "--queries", dir.resolve("no-such-file.jsonl").toString(), "--rounds", "1", "--requests", "8",
                "--scale", "1000");

        assertEquals(0, status, err::toString);
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertPositive(report.at("/encode/p50Ms"), "encode.p50Ms");
        assertPositive(report.at("/encode/p99Ms"), "encode.p99Ms");
        for (String mode : List.of("lexical", "semantic", "hybrid")) {
            for (String p : List.of("p50Ms", "p95Ms", "p99Ms")) {
                assertPositive(report.at("/search/" + mode + "/" + p), mode + "." + p);
            }
        }
        assertPositive(report.get("hybridOverEncode"), "hybridOverEncode");
        assertPositive(report.get("semanticOverEncode"), "semanticOverEncode");
        for (String figure : List.of("encodeP50Ms", "hybridP50Ms", "semanticP50Ms", "hybridOverEncode", "semanticOverEncode")) {
            assertPositive(report.at("/paired/" + figure), "paired." + figure);
        }
        // Each stage of a hybrid search is timed, each model's own; a repeated query's encode is a cache hit.
        String model = "bge-small-en-v15-q";
        for (String stage : List.of("lexical", "models wait", "encode " + model, "vector " + model, "fusion",
                "stored fields", "snippets", "facets")) {
            assertPositive(report.at("/search/hybrid/stages/" + stage + "/p50Ms"), "hybrid " + stage);
        }
        assertTrue(report.at("/search/hybridCached/stages").has("encode (cached) " + model), report.at("/search").toString());
        assertFalse(report.at("/search/hybridCached/stages").has("encode " + model), "a repeated query is not encoded again");
        for (String figure : List.of("fullSeconds", "chunksPerSecond", "tokensPerSecond", "unchangedSeconds")) {
            assertPositive(report.at("/indexing/" + figure), "indexing." + figure);
        }
        assertEquals(0, report.at("/indexing/unchangedEmbedded").asInt(), "a re-index with nothing changed embeds nothing");
        for (String level : List.of("clients1", "clients4", "clients16")) {
            assertPositive(report.at("/serving/" + level + "/qps"), level + ".qps");
            assertEquals(0, report.at("/serving/" + level + "/errors").asInt(), level + " errors");
        }
        assertPositive(report.at("/serving/heapMb"), "heapMb");
        assertEquals(4, report.at("/serving/heapAfterRunsMb").size(), "heap measured before and after three runs");
        assertTrue(report.at("/serving/heapGrowthMb").isNumber(), "heapGrowthMb");
        assertPositive(report.at("/serving/rssMb"), "rssMb");
        assertPositive(report.get("startupSeconds"), "startupSeconds");
        JsonNode scale = report.get("scale");
        assertEquals(1, scale.size());
        assertTrue(scale.get(0).get("chunks").asInt() >= 1000, "a long synthetic passage may make two chunks");
        for (String figure : List.of("buildSeconds", "lexicalP50Ms", "semanticP50Ms", "hybridP50Ms")) {
            assertPositive(scale.get(0).get(figure), "scale." + figure);
        }
    }
}
