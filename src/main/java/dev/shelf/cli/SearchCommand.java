package dev.shelf.cli;

import dev.shelf.embed.Encoders;
import java.util.concurrent.ExecutorService;
import dev.shelf.index.ChunkIndex;
import dev.shelf.search.SearchMode;
import dev.shelf.search.SearchRequest;
import dev.shelf.search.SearchResponse;
import dev.shelf.search.SearchService;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shelf search QUERY}: ask the index a question. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Search the reading lists.")
final class SearchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Workspace workspace;

    @Mixin
    private RankingOptions ranking;

    @Mixin
    private ResultCount count;

    @Mixin
    private JsonOutput json;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The question or keywords (any text).")
    private List<String> words;

    @Option(names = "--mode", description = "hybrid, lexical or semantic (default: ${DEFAULT-VALUE}).")
    private SearchMode mode = SearchMode.HYBRID;

    @Option(names = "--source", arity = "1..*", paramLabel = "ID", description = "Only these lists (ids as in `ingest`).")
    private Set<String> sourceIds;

    @Option(names = "--profile", description = "Also print where the search's time went, stage by stage.")
    private boolean profile;

    @Option(names = "--separate-copies", description = "Show each copy of a work (a mirror, a paper's PDF) as a result"
            + " of its own, rather than once with its other copies under it.")
    private boolean separateCopies;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SearchRequest request = new SearchRequest(String.join(" ", words), mode, count.k(), sourceIds, profile)
                .withSeparateCopies(separateCopies);
        try (Encoders encoders = workspace.encoders();
             ExecutorService encodes = Workspace.encodePool();
             ChunkIndex index = workspace.openOrBuild(encoders, spec.commandLine().getErr())) {
            SearchResponse response = new SearchService(index, encoders, ranking.settings(), encodes).search(request);
            if (json.enabled()) {
                JsonOutput.print(response, out);
            } else {
                if (response.like() != null) {
                    out.printf("more like: %s (%s), left out%n", response.like().title(), response.like().id());
                }
                ResultPrinter.print(response.results(), out);
                if (response.profile() != null) {
                    ResultPrinter.print(response.profile(), out);
                }
            }
        }
        return 0;
    }
}
