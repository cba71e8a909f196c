package dev.shelf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shelf.bench.BenchmarkReport.Encode;
import dev.shelf.bench.BenchmarkReport.Indexing;
import dev.shelf.bench.BenchmarkReport.Latency;
import dev.shelf.bench.BenchmarkReport.Level;
import dev.shelf.bench.BenchmarkReport.ModelIndexing;
import dev.shelf.bench.BenchmarkReport.Paired;
import dev.shelf.bench.BenchmarkReport.ScaleRow;
import dev.shelf.bench.BenchmarkReport.Serving;
import dev.shelf.bench.BenchmarkReport.Stage;
import dev.shelf.bench.BenchmarkReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The text of {@code bench} for a hand-made report: every line, as people read it. */
class BenchReportTest {

    private Locale locale;

    @BeforeEach
    void decimalPoint() {
        // printf follows the default locale; the expected lines are written with a decimal point.
        locale = Locale.getDefault();
        Locale.setDefault(Locale.ROOT);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(locale);
    }

    private static BenchmarkReport report(Double startup, List<ScaleRow> scale) {
        Map<String, Latency> search = new LinkedHashMap<>();
        search.put("hybrid", new Latency(12, 20.5, 30, Map.of("encode", new Stage(6.5, 9.25))));
        search.put("lexical", new Latency(2, 3, 4.25, Map.of()));
        Serving serving = new Serving(new Level(40.5, 0, 400), new Level(120, 0, 400), new Level(150.25, 2, 400), 81,
                List.of(80.0, 81.0, 81.6, 81.2), 0.2, 700, 350);
        return new BenchmarkReport(new Encode(6, 11.125), new Indexing(90, 6.4, 320, 1.25, 568, 0,
                List.of(new ModelIndexing("bge-small-en-v15-q", 0.25, 7.5, 3790.4),
                        new ModelIndexing("bge-small-zh-v15-q", 0, 0, 0))), search, 2,
                1.5, new Paired(7, 8.25, 7.5, 1.1786, 1.0714), serving, startup, scale);
    }

    private static List<String> lines(BenchmarkReport report) {
        StringWriter text = new StringWriter();
        BenchReport.print(report, new PrintWriter(text, true));
        return text.toString().lines().toList();
    }

    @Test
    void every_figure_has_its_line() {
        assertEquals(List.of(
                "model, one query:   p50   6.00 ms   p99  11.13 ms",
                "search hybrid         p50  12.00 ms   p95  20.50 ms   p99  30.00 ms",
                "    encode             p50  6.500 ms   p95  9.250 ms",
                "search lexical        p50   2.00 ms   p95   3.00 ms   p99   4.25 ms",
                "hybrid p50 / encode p50: 2.00; semantic p50 / encode p50: 1.50",
                "each search next to a bare encode of its query: encode p50 7.00 ms, hybrid p50 8.25 ms (1.18), "
                        + "semantic p50 7.50 ms (1.07)",
                "indexing: full 90.0 s (6 chunks/s, 320 tokens/s), nothing changed 1.25 s",
                "    bge-small-en-v15-q   embedding   7.5 s (3,790 tokens/s) after 0.3 s readying it",
                "    bge-small-zh-v15-q   nothing to embed",
                "serving, clients1:    40.5 queries/s, 0 errors",
                "serving, clients4:   120.0 queries/s, 0 errors",
                "serving, clients16:   150.3 queries/s, 2 errors",
                "memory while serving: heap 81 MB, resident 350 MB",
                "heap after GC, before and after three more 16-client runs: 80 / 81 / 82 / 81 MB (growth 0.2 MB)",
                "start-up to first answer: 12.50 s"), lines(report(12.5, null)));
    }

    @Test
    void a_server_that_never_answered_is_na_and_scale_rows_make_a_table() {
        List<String> lines = lines(report(null, List.of(new ScaleRow(1001, 13.52, 30, 250.5, 170, 96.4))));
        assertEquals("start-up to first answer: n/a", lines.get(14));
        assertEquals("    chunks    build s  lexical p50 semantic p50   hybrid p50       heap", lines.get(15));
        assertEquals("      1001       13.5     30.00 ms    250.50 ms    170.00 ms      96 MB", lines.get(16));
        assertEquals(17, lines.size());
    }
}
