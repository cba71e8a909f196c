package dev.shelf.cli;

import dev.shelf.embed.Encoders;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shelf index}: (re)build the index; unchanged passages take their vectors from the embedding cache. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Build the index of the reading lists into a new folder and switch to it when complete.")
final class IndexCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Workspace workspace;

    @Option(names = "--rebuild", description = "Embed every passage again instead of reusing the embedding cache.")
    private boolean rebuild;

    @Override
    public Integer call() throws Exception {
        // A cluster that cannot be used fails the command before the models load, not after the embedding.
        workspace.checkStore();
        try (Encoders encoders = workspace.encoders()) {
            workspace.build(encoders, rebuild, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        return 0;
    }
}
