package dev.shelf.cli;

import dev.shelf.search.Fusion;
import dev.shelf.search.SearchSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How hybrid mode fuses ({@code --fusion}, {@code --weight}, {@code --query-aware}), defaulting to
 * {@link SearchSettings#DEFAULT}.
 */
final class RankingOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--fusion", description = "How hybrid mode fuses: weighted or rrf (default: ${DEFAULT-VALUE}).")
    private Fusion fusion = SearchSettings.DEFAULT.fusion();

    private double weight = SearchSettings.DEFAULT_SEMANTIC_WEIGHT;

    @Option(names = "--weight", paramLabel = "W",
            description = "Semantic weight in fusion, 0..1; the lexical list weighs 1 - W (default: "
                    + SearchSettings.DEFAULT_SEMANTIC_WEIGHT + ").")
    void weight(double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new ParameterException(command.commandLine(), "--weight must be between 0 and 1, got " + value);
        }
        weight = value;
    }

    @Option(names = "--query-aware", negatable = true, fallbackValue = "true",
            description = "Weigh the lists by the query's form: a long question weighs the keyword list less"
                    + " (default: ${DEFAULT-VALUE}).")
    private boolean queryAware = SearchSettings.DEFAULT.queryAware();

    /** The default settings with these choices. */
    SearchSettings settings() {
        return SearchSettings.DEFAULT.withFusion(fusion).withSemanticWeight(weight).withQueryAware(queryAware);
    }
}
