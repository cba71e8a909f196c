package dev.shelf.cli;

import dev.shelf.embed.Encoders;
import dev.shelf.search.SearchSettings;
import dev.shelf.index.ChunkIndex;
import dev.shelf.search.RelatedResponse;
import dev.shelf.search.SearchResult;
import dev.shelf.search.SearchService;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shelf related ID}: resources like a given one. */
@Command(name = "related", mixinStandardHelpOptions = true, description = "List the resources related to a resource.")
final class RelatedCommand implements Callable<Integer> {

    /** Exit status for an id that is not in the index. */
    static final int EXIT_UNKNOWN_ID = 3;

    @Spec
    private CommandSpec spec;

    @Mixin
    private Workspace workspace;

    @Mixin
    private ResultCount count;

    @Mixin
    private JsonOutput json;

    @Parameters(paramLabel = "ID", description = "A resource id (as printed by `ingest --json` or `search --json`).")
    private String id;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Encoders encoders = workspace.encoders(); ChunkIndex index = workspace.openOrBuild(encoders, err)) {
            Optional<List<SearchResult>> related = new SearchService(index, encoders, SearchSettings.DEFAULT, Runnable::run)
                    .related(id, count.k());
            if (related.isEmpty()) {
                err.println("unknown resource id: " + id);
                err.flush();
                return EXIT_UNKNOWN_ID;
            }
            if (json.enabled()) {
                JsonOutput.print(new RelatedResponse(id, related.get()), out);
            } else {
                ResultPrinter.print(related.get(), out);
            }
        }
        return 0;
    }
}
