package dev.shelf.cli;

import dev.shelf.search.SearchRequest;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --k} option of the commands that list results: checked when parsed, like the API's {@code k}. */
final class ResultCount {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    private int k = SearchRequest.DEFAULT_K;

    @Option(names = "--k", paramLabel = "N", description = "Results to show, 1.." + SearchRequest.MAX_K
            + " (default: " + SearchRequest.DEFAULT_K + ").")
    void k(int value) {
        if (value < 1 || value > SearchRequest.MAX_K) {
            throw new ParameterException(command.commandLine(),
                    "--k must be between 1 and " + SearchRequest.MAX_K + ", got " + value);
        }
        k = value;
    }

    int k() {
        return k;
    }
}
