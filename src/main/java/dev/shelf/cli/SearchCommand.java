package dev.shelf.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.embed.OnnxEncoder;
import dev.shelf.index.LuceneChunkIndex;
import dev.shelf.search.Fusion;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code shelf search QUERY}: ask the index a question. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Search the reading lists.")
final class SearchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Workspace workspace;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The question or keywords (any text).")
    private List<String> words;

    @Option(names = "--mode", description = "hybrid, lexical or semantic (default: ${DEFAULT-VALUE}).", defaultValue = "hybrid")
    private SearchMode mode;

    @Option(names = "--fusion", description = "How hybrid mode fuses: weighted or rrf (default: ${DEFAULT-VALUE}).",
            defaultValue = "weighted")
    private Fusion fusion;

    @Option(names = "--weight", description = "Semantic weight of weighted fusion, 0..1 (default: ${DEFAULT-VALUE}).",
            defaultValue = "0.5")
    private double weight;

    @Option(names = "--k", description = "Results to show, 1..100 (default: ${DEFAULT-VALUE}).", defaultValue = "10")
    private int k;

    @Option(names = "--source", arity = "1..*", paramLabel = "ID", description = "Only these lists (ids as in `ingest`).")
    private Set<String> sourceIds;

    @Option(names = "--json", description = "Print the response as JSON, in the API's shape.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SearchRequest request = new SearchRequest(String.join(" ", words), mode, k, sourceIds);
        try (OnnxEncoder encoder = workspace.encoder();
             LuceneChunkIndex index = workspace.openOrBuild(encoder, out, spec.commandLine().getErr())) {
            SearchResponse response = new SearchService(index, encoder, fusion, weight).search(request);
            if (json) {
                out.println(new ObjectMapper().writeValueAsString(response));
                out.flush();
            } else {
                ResultPrinter.print(response.results(), out);
            }
        }
        return 0;
    }
}
