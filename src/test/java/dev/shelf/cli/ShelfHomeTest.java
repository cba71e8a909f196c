package dev.shelf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Started by the launcher, the default paths are the installation's (its models, bundled lists, index and web page),
 * while a path typed on the command line, and every option that is not a path, is left as it is.
 */
class ShelfHomeTest {

    private static final Path HOME = Path.of("/opt/shelf-1.0");

    /** The serve command's options after parsing {@code serve args...}, with or without a home. */
    private static CommandSpec serve(ShelfHome home, String... args) {
        CommandLine cli = new CommandLine(new Main());
        if (home != null) {
            cli.setDefaultValueProvider(home);
        }
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.parseArgs(all).subcommand().commandSpec();
    }

    private static Object value(CommandSpec command, String option) {
        return command.findOption(option).getValue();
    }

    @Test
    void with_a_home_the_default_paths_are_the_homes() {
        CommandSpec serve = serve(new ShelfHome(HOME));
        assertEquals(HOME.resolve("index"), value(serve, "--index"));
        assertEquals(List.of(HOME.resolve("index/sources")), value(serve, "--sources"));
        assertEquals(HOME.resolve("web"), value(serve, "--web"));
        assertEquals(List.of(HOME.resolve("models/bge-small-en-v15-q"), HOME.resolve("models/e5-small-v2-q"),
                HOME.resolve("models/all-minilm-l6-v2-q"), HOME.resolve("models/bge-small-zh-v15-q")),
                value(serve, "--models"));
    }

    @Test
    void a_path_typed_on_the_command_line_stays_relative_to_the_current_folder() {
        CommandSpec serve = serve(new ShelfHome(HOME), "--index", "my-index", "--models", "m1,m2");
        assertEquals(Path.of("my-index"), value(serve, "--index"));
        assertEquals(List.of(Path.of("m1"), Path.of("m2")), value(serve, "--models"));
    }

    @Test
    void options_that_are_not_paths_keep_their_defaults() {
        CommandSpec serve = serve(new ShelfHome(HOME));
        assertEquals(7070, value(serve, "--port"));
        assertEquals("127.0.0.1", value(serve, "--host"));
    }

    @Test
    void without_a_home_the_defaults_stay_relative_to_the_current_folder() {
        CommandSpec serve = serve(null);
        assertEquals(Path.of("index"), value(serve, "--index"));
        assertEquals(List.of(Path.of("index/sources")), value(serve, "--sources"));
        assertEquals(Path.of("web"), value(serve, "--web"));
    }
}
