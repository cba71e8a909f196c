package dev.shelf.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** Prints a benchmark report for people. */
final class BenchReport {

    private BenchReport() {
    }

    @SuppressWarnings("unchecked")
    static void print(Map<String, Object> report, PrintWriter out) {
        Map<String, Object> encode = (Map<String, Object>) report.get("encode");
        out.printf("model, one query:   p50 %6.2f ms   p99 %6.2f ms%n", num(encode.get("p50Ms")), num(encode.get("p99Ms")));
        Map<String, Object> search = (Map<String, Object>) report.get("search");
        search.forEach((mode, value) -> {
            Map<String, Object> p = (Map<String, Object>) value;
            out.printf("search %-9s   p50 %6.2f ms   p95 %6.2f ms   p99 %6.2f ms%n", mode, num(p.get("p50Ms")),
                    num(p.get("p95Ms")), num(p.get("p99Ms")));
        });
        out.printf("hybrid p50 / encode p50: %.2f%n", num(report.get("hybridOverEncode")));
        Map<String, Object> indexing = (Map<String, Object>) report.get("indexing");
        out.printf("indexing: full %.1f s (%.0f chunks/s, %.0f tokens/s), nothing changed %.2f s%n",
                num(indexing.get("fullSeconds")), num(indexing.get("chunksPerSecond")), num(indexing.get("tokensPerSecond")),
                num(indexing.get("unchangedSeconds")));
        Map<String, Object> serving = (Map<String, Object>) report.get("serving");
        for (String level : List.of("clients1", "clients4", "clients16")) {
            Map<String, Object> l = (Map<String, Object>) serving.get(level);
            out.printf("serving, %-9s %7.1f queries/s, %s errors%n", level + ":", num(l.get("qps")), l.get("errors"));
        }
        out.printf("memory while serving: heap %.0f MB, resident %.0f MB%n", num(serving.get("heapMb")), num(serving.get("rssMb")));
        out.printf("heap after GC, before and after three more 16-client runs: %s MB (growth %.1f MB)%n",
                ((List<?>) serving.get("heapAfterRunsMb")).stream().map(mb -> String.format("%.0f", num(mb)))
                        .collect(java.util.stream.Collectors.joining(" / ")), num(serving.get("heapGrowthMb")));
        out.printf("start-up to first answer: %s%n", report.get("startupSeconds") == null ? "n/a"
                : String.format("%.2f s", num(report.get("startupSeconds"))));
        if (report.get("scale") instanceof List<?> rows) {
            out.printf("%10s %10s %12s %12s %12s%n", "chunks", "build s", "lexical p50", "semantic p50", "hybrid p50");
            for (Object row : rows) {
                Map<String, Object> r = (Map<String, Object>) row;
                out.printf("%10s %10.1f %9.2f ms %9.2f ms %9.2f ms%n", r.get("chunks"), num(r.get("buildSeconds")),
                        num(r.get("lexicalP50Ms")), num(r.get("semanticP50Ms")), num(r.get("hybridP50Ms")));
            }
        }
    }

    private static double num(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
