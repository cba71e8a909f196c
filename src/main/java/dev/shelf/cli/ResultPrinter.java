package dev.shelf.cli;

import dev.shelf.ingest.Mention;
import dev.shelf.search.RankScore;
import dev.shelf.search.SearchProfile;
import dev.shelf.search.SearchResult;
import dev.shelf.text.HtmlText;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** Prints results for people: rank, title, url, section, where it is listed, which retriever found it, snippet. */
final class ResultPrinter {

    private ResultPrinter() {
    }

    static void print(List<SearchResult> results, PrintWriter out) {
        if (results.isEmpty()) {
            out.println("No results.");
        }
        int rank = 1;
        for (SearchResult r : results) {
            out.printf("%2d. %s  [%s]%n", rank++, r.title(), r.kind().label());
            if (r.url() != null) {
                out.println("    " + r.url());
            }
            if (!r.section().isEmpty()) {
                out.println("    section: " + String.join(" › ", r.section()));
            }
            out.println("    listed in: " + r.sources().stream().map(ResultPrinter::mention).distinct()
                    .collect(Collectors.joining("; ")));
            for (SearchResult.Copy copy : r.copies()) {
                out.println("    also at: " + copy.url() + " (" + copy.sources().stream().map(ResultPrinter::mention)
                        .distinct().collect(Collectors.joining("; ")) + ")");
            }
            out.printf("    found by: %s, %s; score %.4f%n", found("lexical", r.lexical()), found("semantic", r.semantic()),
                    r.score());
            if (r.snippet() != null && !r.snippet().isBlank()) {
                out.println("    " + plain(r.snippet()));
            }
        }
        out.flush();
    }

    /** One line per stage, then the total. */
    static void print(SearchProfile profile, PrintWriter out) {
        out.println("profile:");
        profile.stagesMs().forEach((stage, ms) -> out.printf("    %-18s %8.3f ms%n", stage, ms));
        out.printf("    %-18s %8.3f ms%n", "total", profile.totalMs());
        out.flush();
    }

    private static String mention(Mention m) {
        return m.name() + " line " + m.line();
    }

    private static String found(String retriever, RankScore rank) {
        return rank == null ? retriever + " -" : String.format("%s #%d (%.3f)", retriever, rank.rank(), rank.score());
    }

    /** The snippet for a terminal: marks as *word*, entities back to characters. */
    private static String plain(String snippet) {
        return HtmlText.unescape(snippet.replace("<mark>", "*").replace("</mark>", "*"));
    }
}
