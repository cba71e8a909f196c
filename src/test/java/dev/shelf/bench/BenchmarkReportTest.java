package dev.shelf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.bench.BenchmarkReport.Encode;
import dev.shelf.bench.BenchmarkReport.Indexing;
import dev.shelf.bench.BenchmarkReport.Latency;
import dev.shelf.bench.BenchmarkReport.Level;
import dev.shelf.bench.BenchmarkReport.ModelIndexing;
import dev.shelf.bench.BenchmarkReport.Paired;
import dev.shelf.bench.BenchmarkReport.ScaleRow;
import dev.shelf.bench.BenchmarkReport.Serving;
import dev.shelf.bench.BenchmarkReport.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report records write the JSON keys of {@code bench --json}, in order, with no model or server. */
class BenchmarkReportTest {

    /** A small report with made-up figures. */
    private static BenchmarkReport sample(List<ScaleRow> scale) {
        Map<String, Latency> search = new LinkedHashMap<>();
        search.put("hybrid", new Latency(12, 20, 30, Map.of("encode", new Stage(6, 9))));
        search.put("lexical", new Latency(2, 3, 4, Map.of()));
        search.put("semantic", new Latency(9, 15, 25, Map.of()));
        Serving serving = new Serving(new Level(40.5, 0, 400), new Level(120, 0, 400), new Level(150.25, 2, 400), 81,
                List.of(80.0, 81.0, 81.5, 81.0), 0, 700, 350);
        return new BenchmarkReport(new Encode(6, 11), new Indexing(90, 6.5, 320, 1.25, 568, 0,
                List.of(new ModelIndexing("bge-small-en-v15-q", 0.25, 7.5, 3790.4))), search, 2,
                1.5, new Paired(10, 13, 11, 1.3, 1.1), serving, 12.5, scale);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void every_key_of_the_contract_in_its_place() {
        JsonNode json = new ObjectMapper().valueToTree(sample(List.of(new ScaleRow(1001, 13.5, 30, 250, 170, 96))));
        assertEquals(List.of("encode", "indexing", "search", "hybridOverEncode", "semanticOverEncode", "paired",
                "serving", "startupSeconds", "scale"), fields(json));
        assertEquals(List.of("encodeP50Ms", "hybridP50Ms", "semanticP50Ms", "hybridOverEncode", "semanticOverEncode"),
                fields(json.get("paired")));
        assertEquals(List.of("p50Ms", "p99Ms"), fields(json.get("encode")));
        assertEquals(List.of("fullSeconds", "chunksPerSecond", "tokensPerSecond", "unchangedSeconds", "chunks",
                "unchangedEmbedded", "models"), fields(json.get("indexing")));
        assertEquals(List.of("model", "readySeconds", "embedSeconds", "tokensPerSecond"),
                fields(json.at("/indexing/models/0")));
        assertEquals(List.of("hybrid", "lexical", "semantic"), fields(json.get("search")));
        assertEquals(List.of("p50Ms", "p95Ms", "p99Ms", "stages"), fields(json.at("/search/lexical")));
        assertEquals(List.of("p50Ms", "p95Ms"), fields(json.at("/search/hybrid/stages/encode")));
        assertEquals(List.of("clients1", "clients4", "clients16", "heapMb", "heapAfterRunsMb", "heapGrowthMb",
                "benchRssMb", "rssMb"), fields(json.get("serving")));
        assertEquals(List.of("qps", "errors", "requests"), fields(json.at("/serving/clients16")));
        assertEquals(2, json.at("/serving/clients16/errors").asInt());
        assertEquals(4, json.at("/serving/heapAfterRunsMb").size());
        assertEquals(List.of("chunks", "buildSeconds", "lexicalP50Ms", "semanticP50Ms", "hybridP50Ms", "heapMb"),
                fields(json.get("scale").get(0)));
        assertEquals(1001, json.at("/scale/0/chunks").asInt());
    }

    @Test
    void paired_ratios_divide_the_search_medians_by_the_encode_median() {
        // Medians (nearest rank): encode 10 of {9, 10, 30}, hybrid 13 of {12, 13, 40}, semantic 11 of {11, 11, 35}.
        Paired paired = Paired.of(new double[] {30, 9, 10}, new double[] {12, 40, 13}, new double[] {11, 35, 11});
        assertEquals(new Paired(10, 13, 11, 1.3, 1.1), paired);
    }

    @Test
    void scale_is_left_out_without_rows_but_a_missing_startup_is_null() {
        BenchmarkReport noScale = sample(null);
        BenchmarkReport noStartup = new BenchmarkReport(noScale.encode(), noScale.indexing(), noScale.search(),
                noScale.hybridOverEncode(), noScale.semanticOverEncode(), noScale.paired(), noScale.serving(), null, null);
        JsonNode json = new ObjectMapper().valueToTree(noStartup);
        assertFalse(json.has("scale"));
        assertTrue(json.has("startupSeconds") && json.get("startupSeconds").isNull());
    }

    @Test
    void the_serve_process_memory_is_added_later_without_touching_the_rest() {
        Serving serving = sample(null).serving();
        Serving measured = serving.withRssMb(412.5);
        assertEquals(412.5, measured.rssMb());
        assertEquals(serving, measured.withRssMb(serving.rssMb()));
    }
}
