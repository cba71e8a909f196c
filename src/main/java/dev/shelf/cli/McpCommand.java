package dev.shelf.cli;

import dev.shelf.embed.Encoders;
import dev.shelf.mcp.BuildLists;
import dev.shelf.mcp.ShelfTools;
import dev.shelf.mcp.StdioServer;
import dev.shelf.search.SearchService;
import dev.shelf.search.SearchSettings;
import dev.shelf.search.ServedIndex;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code shelf mcp}: Shelf's search for an AI assistant, as an MCP server over stdin and stdout (the assistant starts
 * it). Stdout carries protocol messages and nothing else: everything Shelf or a library would print goes to stderr,
 * {@code System.out} included. Opens the index as {@code serve} does, building it first when there is none, and
 * serves a newer build as soon as {@code shelf index} or a running {@code serve} completes one.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = "Serve search to an AI assistant: an MCP server over stdin and stdout (logs on stderr).")
final class McpCommand implements Callable<Integer> {

    /** How often the server looks for a newer build, as {@code serve} does. */
    private static final Duration WATCH_PERIOD = Duration.ofSeconds(2);

    @Spec
    private CommandSpec spec;

    @Mixin
    private Workspace workspace;

    @Override
    public Integer call() throws Exception {
        PrintStream protocol = System.out;
        // One stray line on stdout breaks the client: whatever prints to System.out from here on reaches stderr.
        System.setOut(System.err);
        PrintWriter err = spec.commandLine().getErr();
        Logging.speedHint().ifPresent(err::println);
        err.flush();
        try (Encoders encoders = workspace.encoders();
             ExecutorService encodes = Workspace.encodePool()) {
            workspace.buildIfMissing(encoders, err);
            try (ServedIndex served = new ServedIndex(workspace.layout(), workspace.layout().store()::open,
                    index -> new SearchService(index, encoders, SearchSettings.DEFAULT, encodes), message -> {
                err.println(message);
                err.flush();
            })) {
                served.refresh();
                served.watch(WATCH_PERIOD);
                StdioServer.serve(new ShelfTools(served::lease, BuildLists::of), System.in, protocol,
                        spec.root().version()[0].replace("shelf ", ""));
            }
        }
        return 0;
    }
}
