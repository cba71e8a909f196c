package dev.shelf.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.shelf.ingest.IngestResult;
import dev.shelf.ingest.Kind;
import dev.shelf.ingest.Resource;
import dev.shelf.ingest.Source;
import dev.shelf.text.Texts;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shelf ingest}: parse the reading lists and print the resources (JSON lines) or a summary. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Parse reading lists into resources. Exit status 1 when a file had to be skipped.")
final class IngestCommand implements Callable<Integer> {

    /** Exit status when at least one reading list could not be read. */
    static final int EXIT_SKIPPED = 1;
    /** The width of the summary's list-name column. */
    private static final int NAME_CHARS = 40;

    @Spec
    private CommandSpec spec;

    @Mixin
    private Workspace workspace;

    @Mixin
    private JsonOutput json;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        IngestResult result = workspace.ingest(spec.commandLine().getErr());
        if (json.enabled()) {
            for (Resource resource : result.resources()) {
                JsonOutput.print(resource, out);
            }
        } else {
            printSummary(result, out);
        }
        out.flush();
        return result.skipped().isEmpty() ? 0 : EXIT_SKIPPED;
    }

    private static void printSummary(IngestResult result, PrintWriter out) {
        Map<String, Map<Kind, Integer>> counts = result.countsBySource();
        out.printf("%-40s %6s %8s %8s  %s%n", "list", "links", "concepts", "sections", "file");
        for (Source source : result.sources()) {
            Map<Kind, Integer> byKind = counts.get(source.id());
            out.printf("%-40s %6d %8d %8d  %s%n", Texts.abbreviate(source.name(), NAME_CHARS), byKind.get(Kind.LINK),
                    byKind.get(Kind.CONCEPT), byKind.get(Kind.SECTION), source.file());
        }
        out.printf("%d resources from %d lists, %d entry warnings, %d files skipped%n", result.resources().size(),
                result.sources().size(), result.warnings().size(), result.skipped().size());
    }
}
