package dev.shelf.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.embed.OnnxEncoder;
import dev.shelf.index.LuceneChunkIndex;
import dev.shelf.search.SearchResult;
import dev.shelf.search.SearchService;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code shelf related ID}: resources like a given one. */
@Command(name = "related", mixinStandardHelpOptions = true, description = "List the resources related to a resource.")
final class RelatedCommand implements Callable<Integer> {

    /** Exit status for an id that is not in the index. */
    static final int EXIT_UNKNOWN_ID = 3;

    @Spec
    private CommandSpec spec;

    @Mixin
    private Workspace workspace;

    @Parameters(paramLabel = "ID", description = "A resource id (as printed by `ingest --json` or `search --json`).")
    private String id;

    @Option(names = "--k", description = "Results to show, 1..100 (default: ${DEFAULT-VALUE}).", defaultValue = "10")
    private int k;

    @Option(names = "--json", description = "Print {\"id\", \"results\"} as JSON, in the API's shape.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (OnnxEncoder encoder = workspace.encoder();
             LuceneChunkIndex index = workspace.openOrBuild(encoder, out, spec.commandLine().getErr())) {
            Optional<List<SearchResult>> related = new SearchService(index, encoder).related(id, Math.max(1, Math.min(100, k)));
            if (related.isEmpty()) {
                spec.commandLine().getErr().println("unknown resource id: " + id);
                spec.commandLine().getErr().flush();
                return EXIT_UNKNOWN_ID;
            }
            if (json) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("id", id);
                body.put("results", related.get());
                out.println(new ObjectMapper().writeValueAsString(body));
                out.flush();
            } else {
                ResultPrinter.print(related.get(), out);
            }
        }
        return 0;
    }
}
