package dev.shelf.cli;

import dev.shelf.embed.ModelException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The application's single entry point: {@code java -jar target/shelf.jar <command>}. */
@Command(name = "shelf", mixinStandardHelpOptions = true, version = "shelf 0.1.0",
        description = "Local, offline semantic search over AI/LLM reading lists.",
        subcommands = {IngestCommand.class, IndexCommand.class, SearchCommand.class, RelatedCommand.class, EvalCommand.class, ServeCommand.class, McpCommand.class, BenchCommand.class,
                MapCommand.class, ClusterCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Logging.quiet();
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(Main::reportBadArguments)
                .setExecutionExceptionHandler(Main::reportFailure);
        // Started by the launcher, the default paths are the installation's, whatever the current folder.
        ShelfHome.fromSystemProperty().ifPresent(commandLine::setDefaultValueProvider);
        return commandLine;
    }

    /**
     * A bad option or value is one line saying what and where to read more, with picocli's usage status (2): the
     * whole usage text would bury the one thing that is wrong.
     */
    private static int reportBadArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + e.getMessage() + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * A failure the user can act on (a file that cannot be written, a missing model) is one line saying what and
     * what to do; anything else is a bug, and gets its stack trace too.
     */
    private static int reportFailure(Exception thrown, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        // A failure in a search's parallel retrieval arrives wrapped by the future that ran it.
        Exception e = thrown instanceof CompletionException && thrown.getCause() instanceof Exception cause ? cause
                : thrown;
        err.println("error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
        if (!(e instanceof IOException || e instanceof UncheckedIOException || e instanceof ModelException)) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'shelf help'.");
    }
}
