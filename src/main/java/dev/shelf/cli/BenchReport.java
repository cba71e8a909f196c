package dev.shelf.cli;

import dev.shelf.bench.BenchmarkReport.Level;
import dev.shelf.bench.BenchmarkReport.ScaleRow;
import dev.shelf.bench.BenchmarkReport.Serving;
import dev.shelf.bench.BenchmarkReport;
import java.io.PrintWriter;
import java.util.stream.Collectors;

/** Prints a benchmark report for people. */
final class BenchReport {

    private BenchReport() {
    }

    static void print(BenchmarkReport report, PrintWriter out) {
        out.printf("model, one query:   p50 %6.2f ms   p99 %6.2f ms%n", report.encode().p50Ms(), report.encode().p99Ms());
        report.search().forEach((mode, p) -> {
            out.printf("search %-12s   p50 %6.2f ms   p95 %6.2f ms   p99 %6.2f ms%n", mode, p.p50Ms(), p.p95Ms(),
                    p.p99Ms());
            p.stages().forEach((stage, s) -> out.printf("    %-18s p50 %6.3f ms   p95 %6.3f ms%n", stage, s.p50Ms(),
                    s.p95Ms()));
        });
        out.printf("hybrid p50 / encode p50: %.2f; semantic p50 / encode p50: %.2f%n", report.hybridOverEncode(),
                report.semanticOverEncode());
        BenchmarkReport.Paired paired = report.paired();
        out.printf("each search next to a bare encode of its query: encode p50 %.2f ms, hybrid p50 %.2f ms (%.2f), "
                + "semantic p50 %.2f ms (%.2f)%n", paired.encodeP50Ms(), paired.hybridP50Ms(), paired.hybridOverEncode(),
                paired.semanticP50Ms(), paired.semanticOverEncode());
        BenchmarkReport.Indexing indexing = report.indexing();
        out.printf("indexing: full %.1f s (%.0f chunks/s, %.0f tokens/s), nothing changed %.2f s%n",
                indexing.fullSeconds(), indexing.chunksPerSecond(), indexing.tokensPerSecond(),
                indexing.unchangedSeconds());
        for (BenchmarkReport.ModelIndexing m : indexing.models()) {
            if (m.tokensPerSecond() > 0) {
                out.printf("    %-20s embedding %5.1f s (%,.0f tokens/s) after %.1f s readying it%n", m.model(),
                        m.embedSeconds(), m.tokensPerSecond(), m.readySeconds());
            } else {
                out.printf("    %-20s nothing to embed%n", m.model());
            }
        }
        Serving serving = report.serving();
        level(out, "clients1", serving.clients1());
        level(out, "clients4", serving.clients4());
        level(out, "clients16", serving.clients16());
        out.printf("memory while serving: heap %.0f MB, resident %.0f MB%n", serving.heapMb(), serving.rssMb());
        out.printf("heap after GC, before and after three more 16-client runs: %s MB (growth %.1f MB)%n",
                serving.heapAfterRunsMb().stream().map(mb -> String.format("%.0f", mb)).collect(Collectors.joining(" / ")),
                serving.heapGrowthMb());
        out.printf("start-up to first answer: %s%n", report.startupSeconds() == null ? "n/a"
                : String.format("%.2f s", report.startupSeconds()));
        if (report.scale() != null) {
            out.printf("%10s %10s %12s %12s %12s %10s%n", "chunks", "build s", "lexical p50", "semantic p50",
                    "hybrid p50", "heap");
            for (ScaleRow r : report.scale()) {
                out.printf("%10s %10.1f %9.2f ms %9.2f ms %9.2f ms %7.0f MB%n", r.chunks(), r.buildSeconds(),
                        r.lexicalP50Ms(), r.semanticP50Ms(), r.hybridP50Ms(), r.heapMb());
            }
        }
    }

    private static void level(PrintWriter out, String name, Level level) {
        out.printf("serving, %-9s %7.1f queries/s, %s errors%n", name + ":", level.qps(), level.errors());
    }
}
