package dev.shelf.cli;

import dev.shelf.search.Fusion;
import dev.shelf.search.SearchSettings;
import java.util.OptionalDouble;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How hybrid mode fuses ({@code --fusion}, {@code --weight}, {@code --query-aware}, {@code --question-model},
 * {@code --more-like}), defaulting to {@link SearchSettings#DEFAULT}.
 */
final class RankingOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--fusion", description = "How hybrid mode fuses: weighted or rrf (default: ${DEFAULT-VALUE}).")
    private Fusion fusion = SearchSettings.DEFAULT.fusion();

    private OptionalDouble weight = SearchSettings.DEFAULT.semanticWeight();

    @Option(names = "--weight", paramLabel = "W",
            description = "Semantic weight in fusion, 0..1, shared by the models' lists; the lexical list weighs 1 - W"
                    + " (default: every list weighs the same).")
    void weight(double value) {
        weight = OptionalDouble.of(fraction("--weight", value));
    }

    @Option(names = "--query-aware", negatable = true, fallbackValue = "true",
            description = "Weigh the lists by the query's form: a Chinese query weighs the keyword list as much as"
                    + " all the models together, a long question (8 words or more) weighs the question model as much"
                    + " as all the other lists together (default: ${DEFAULT-VALUE}).")
    private boolean queryAware = SearchSettings.DEFAULT.queryAware();

    @Option(names = "--question-model", paramLabel = "NAME",
            description = "The model a long question leans on, when query-aware and the model is loaded (a name"
                    + " no model has leaves every list equal); none for no such rule (default: ${DEFAULT-VALUE}).")
    private String questionModel = SearchSettings.DEFAULT.questionModel();

    @Option(names = "--more-like", negatable = true, fallbackValue = "true",
            description = "Answer \"more like X\", \"something like X\", \"alternatives to X\"... with X's related"
                    + " resources fused in, half the weight, X left out (default: ${DEFAULT-VALUE}).")
    private boolean moreLike = SearchSettings.DEFAULT.moreLike();

    /** A share given on the command line: 0 to 1, or a usage error naming the option. */
    private double fraction(String option, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new ParameterException(command.commandLine(), option + " must be between 0 and 1, got " + value);
        }
        return value;
    }

    /** The default settings with these choices. */
    SearchSettings settings() {
        return SearchSettings.DEFAULT.withFusion(fusion).withSemanticWeight(weight).withQueryAware(queryAware)
                .withQuestionModel(questionModel.strip().equalsIgnoreCase("none") ? "" : questionModel.strip())
                .withMoreLike(moreLike);
    }
}
