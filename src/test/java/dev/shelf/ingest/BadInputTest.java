package dev.shelf.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad files are reported by path and reason and skipped; bad entries cost only themselves, reported by line. */
class BadInputTest {

    private static final String GOOD = "# Good list\n\n* [Run models locally](https://example.org/local)\n";

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String reasonFor(IngestResult result, Path file) {
        return result.skipped().stream().filter(w -> w.file().equals(file)).map(IngestWarning::message).findFirst()
                .orElseThrow(() -> new AssertionError(file + " was not skipped: " + result.skipped()));
    }

    @Test
    void binary_undecodable_empty_and_oversized_files_are_skipped_with_their_reason_and_the_rest_is_ingested()
            throws IOException {
        Path good = write("good.md", GOOD);
        Path binary = write("binary.md", new byte[] {'#', ' ', 0, 1, 2, 3, (byte) 0xFF, 0, 'x'});
        Path undecodable = write("latin1.md", "# Caf\u00e9 list\n".getBytes(StandardCharsets.ISO_8859_1));
        Path empty = write("empty.md", " \n\n");
        Path big = write("big.md", "# Big\n" + "x".repeat(500));
        Path missing = dir.resolve("missing.md");

        IngestResult result = new Ingester(400).ingest(List.of(good, binary, undecodable, empty, big, missing));

        assertTrue(reasonFor(result, binary).contains("binary"));
        assertTrue(reasonFor(result, undecodable).contains("not valid UTF-8"));
        assertTrue(reasonFor(result, empty).contains("empty"));
        assertTrue(reasonFor(result, big).contains("over the 400-byte cap"));
        assertTrue(reasonFor(result, missing).contains("no such file"));
        assertEquals(1, result.resources().size());
        assertEquals("https://example.org/local", result.resources().get(0).url());
    }

    @Test
    void a_malformed_table_row_costs_only_that_row_with_a_warning_naming_file_and_line() throws IOException {
        Path list = write("table.md", """
                # Tables

                | Reference | Description | Link |
                | --- | --- | --- |
                | Good one | Fine. | [🔗](https://example.org/one) |
                | | | |
                | Extra | Too many. | [🔗](https://example.org/extra) | surplus |
                | Short row |
                | Script link | Hostile. | [🔗](javascript:alert(1)) |
                | Last one | Also fine. | [🔗](https://example.org/last) |
                """);
        IngestResult result = new Ingester().ingest(List.of(list));

        List<String> titles = result.resources().stream().map(Resource::title).toList();
        assertTrue(titles.containsAll(List.of("Good one", "Extra", "Last one")), titles::toString);
        assertTrue(result.warnings().stream().anyMatch(w -> w.line() == 6 && w.message().contains("empty table row")),
                result.warnings()::toString);
        assertTrue(result.warnings().stream().anyMatch(w -> w.line() == 7 && w.message().contains("4 cells")),
                result.warnings()::toString);
        assertTrue(result.warnings().stream().anyMatch(w -> w.line() == 9 && w.message().contains("javascript:")),
                result.warnings()::toString);
        assertTrue(result.warnings().stream().allMatch(w -> w.file().equals(list)));
        assertTrue(result.warnings().get(0).toString().startsWith(list + ":"), "warnings read file:line: message");
        Resource scriptRow = result.resources().stream().filter(r -> r.title().equals("Script link")).findFirst().orElseThrow();
        assertEquals(Kind.CONCEPT, scriptRow.kind(), "a row whose only link is not http(s) keeps no link");
    }

    @Test
    void the_ingest_command_reports_skipped_files_on_stderr_and_exits_non_zero() throws IOException {
        write("good.md", GOOD);
        Path empty = write("empty.txt", "");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int status = cli.execute("ingest", "--json", "--sources", dir.toString());

        assertEquals(1, status);
        assertTrue(err.toString().contains(empty + ": file is empty"), err::toString);
        assertEquals(1, out.toString().lines().count(), out::toString);
        assertTrue(out.toString().contains("\"url\":\"https://example.org/local\""), out::toString);
    }

    @Test
    void the_ingest_command_exits_zero_and_prints_counts_per_list_when_all_is_well() throws IOException {
        write("good.md", GOOD);
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));

        assertEquals(0, cli.execute("ingest", "--sources", dir.toString()));
        assertTrue(out.toString().contains("Good list"), out::toString);
        assertTrue(out.toString().contains("1 resources from 1 lists"), out::toString);
    }

    @Test
    void a_stray_byte_that_is_not_utf8_costs_one_character_and_is_reported_at_its_line() throws IOException {
        StringBuilder list = new StringBuilder("# Bytes\n\n");
        for (int i = 1; i <= 30; i++) {
            list.append("* [Entry ").append(i).append("](https://example.org/").append(i).append(")\n");
        }
        byte[] bytes = list.toString().getBytes(StandardCharsets.UTF_8);
        int at = list.indexOf("Entry 7");
        bytes[at + 2] = (byte) 0xE9;
        Path file = write("bytes.md", bytes);

        IngestResult result = new Ingester().ingest(List.of(file));

        assertEquals(30, result.resources().size());
        assertTrue(result.warnings().stream().anyMatch(w -> w.line() == 9 && w.message().contains("not UTF-8")),
                result.warnings()::toString);
    }

    @Test
    void an_html_comment_left_open_does_not_hide_the_rest_of_the_list() throws IOException {
        Path file = write("comment.md", """
                # Comments

                * [Before](https://example.org/before)

                <!-- TODO: sort these

                ## Later

                * [After](https://example.org/after)
                """);

        IngestResult result = new Ingester().ingest(List.of(file));

        assertEquals(List.of("Before", "After"), result.resources().stream().map(Resource::title).toList());
        assertTrue(result.warnings().stream().anyMatch(w -> w.line() == 5 && w.message().contains("never closed")),
                result.warnings()::toString);
    }
}
