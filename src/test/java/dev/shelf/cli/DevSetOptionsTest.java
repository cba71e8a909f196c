package dev.shelf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.eval.DevSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

/** {@code bench} and {@code eval} take the dev set's paths from one place, and {@code --json} from the shared mixin. */
class DevSetOptionsTest {

    private static CommandSpec command(String name) {
        return Main.commandLine().getSubcommands().get(name).getCommandSpec();
    }

    @Test
    void both_commands_default_to_the_shared_dev_set() {
        assertEquals("../shared/eval/dev-queries.jsonl", DevSet.QUERIES);
        assertEquals("../shared/eval/dev-qrels.tsv", DevSet.QRELS);
        assertEquals(DevSet.QUERIES, command("bench").findOption("--queries").defaultValue());
        assertEquals(DevSet.QUERIES, command("eval").findOption("--queries").defaultValue());
        assertEquals(DevSet.QRELS, command("eval").findOption("--qrels").defaultValue());
    }

    @Test
    void json_is_the_shared_mixin_in_both() {
        for (String name : new String[] {"bench", "eval"}) {
            CommandLine cli = Main.commandLine();
            cli.parseArgs(name, "--json");
            JsonOutput json = cli.getSubcommands().get(name).getCommandSpec().mixins().values().stream()
                    .map(CommandSpec::userObject).filter(JsonOutput.class::isInstance).map(JsonOutput.class::cast)
                    .findFirst().orElseThrow(() -> new AssertionError(name + " has no JsonOutput mixin"));
            assertTrue(json.enabled(), name);
        }
    }
}
