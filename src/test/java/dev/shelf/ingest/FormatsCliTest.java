package dev.shelf.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code shelf ingest --json --sources FILE} prints the resources of one list of each format. */
class FormatsCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int status, List<JsonNode> resources, String err) {
    }

    private static Run ingest(String fixture) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute("ingest", "--json", "--sources", Path.of("src/test/resources/formats", fixture).toString());
        List<JsonNode> resources = new ArrayList<>();
        for (String line : out.toString().lines().toList()) {
            resources.add(JSON.readTree(line));
        }
        return new Run(status, resources, err.toString());
    }

    @ParameterizedTest
    @CsvSource({
        "bookmarks.html, 3, Attention Is All You Need — the paper, https://arxiv.org/abs/1706.03762",
        "pocket.csv,     3, Scaling Laws for Neural Language Models, https://arxiv.org/abs/2001.08361",
        "raindrop.csv,   1, QLoRA: Efficient Finetuning, https://arxiv.org/abs/2305.14314",
        "sheet.csv,      1, The Illustrated Transformer, https://jalammar.github.io/illustrated-transformer",
        "feeds.opml,     3, Distill, https://distill.pub",
        "papers.bib,     4, Attention Is All You Need, https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html",
    })
    void each_format_prints_its_resources_as_json_lines(String fixture, int count, String firstTitle, String firstUrl)
            throws Exception {
        Run run = ingest(fixture);

        assertEquals(0, run.status(), run::err);
        assertEquals(count, run.resources().size());
        assertEquals(firstTitle, run.resources().get(0).get("title").asText());
        assertEquals(firstUrl, run.resources().get(0).get("url").asText());
        assertEquals(fixture.replaceAll("\\..*", ""), run.resources().get(0).get("sources").get(0).get("id").asText());
    }

    @Test
    void a_refused_file_exits_one_and_says_why_on_stderr() throws Exception {
        Run run = ingest("billion-laughs.opml");

        assertEquals(1, run.status());
        assertEquals(List.of(), run.resources());
        assertTrue(run.err().contains("skipped: src/test/resources/formats/billion-laughs.opml: OPML file declares a DTD"),
                run::err);
    }
}
