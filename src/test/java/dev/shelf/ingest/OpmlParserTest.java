package dev.shelf.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OPML from feed readers: nested folders, site and feed addresses; DTDs and entities refused. */
class OpmlParserTest {

    static final Path FORMATS = Path.of("src/test/resources/formats");

    @TempDir
    Path dir;

    @Test
    void nested_outlines_are_the_section_path_and_the_site_is_the_url_with_the_feed_among_the_links() {
        IngestResult result = new Ingester().ingest(List.of(FORMATS.resolve("feeds.opml")));

        assertEquals(List.of("Distill", "Lil'Log", "Simon Willison"),
                result.resources().stream().map(Resource::title).toList());
        Resource distill = result.resources().get(0);
        assertEquals("https://distill.pub", distill.url());
        assertEquals(List.of("https://distill.pub", "https://distill.pub/rss.xml"), distill.links());
        assertEquals(List.of("Research", "Labs"), distill.section());
        assertEquals("Clear explanations of machine learning.", distill.description());
        assertEquals(9, distill.sources().get(0).line(), "the line where the outline starts");

        Resource lilLog = result.resources().get(1);
        assertEquals("https://lilianweng.github.io/index.xml", lilLog.url(), "the feed, when there is no site");
        assertEquals(List.of("Research"), lilLog.section());
        assertEquals(List.of(), result.resources().get(2).section());

        assertEquals("My AI feeds", result.sources().get(0).name());
        assertEquals("opml", result.sources().get(0).format());
        assertEquals(1, result.warnings().size(), result.warnings()::toString);
        assertEquals(15, result.warnings().get(0).line());
        assertTrue(result.warnings().get(0).message().contains("gopher://example.org/feed"));
    }

    @Test
    void an_external_entity_is_refused_and_the_file_it_names_leaks_nowhere() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-7f3a");
        Path xxe = Files.writeString(dir.resolve("xxe.opml"), """
                <?xml version="1.0"?>
                <!DOCTYPE opml [<!ENTITY xxe SYSTEM "%s">]>
                <opml version="2.0"><head><title>&xxe;</title></head>
                <body><outline text="&xxe;" description="&xxe;" htmlUrl="https://example.org/x"/></body></opml>
                """.formatted(secret.toUri()));

        IngestResult result = new Ingester().ingest(List.of(xxe));

        assertEquals(List.of(), result.resources());
        assertEquals(List.of(), result.sources());
        assertEquals(1, result.skipped().size());
        assertEquals(xxe, result.skipped().get(0).file());
        assertTrue(result.skipped().get(0).toString().startsWith(xxe + ": OPML file declares a DTD"),
                result.skipped()::toString);
        assertFalse(result.toString().contains("TOP-SECRET"), result::toString);
    }

    @Test
    void a_billion_laughs_file_is_refused_quickly() {
        Path file = FORMATS.resolve("billion-laughs.opml");
        long start = System.nanoTime();

        IngestResult result = new Ingester().ingest(List.of(file));

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2_000, "refused in " + millis + " ms");
        assertEquals(List.of(), result.resources());
        assertEquals(1, result.skipped().size());
        assertTrue(result.skipped().get(0).message().contains("declares a DTD or entities"), result.skipped()::toString);
        assertFalse(result.toString().contains("lollol"));
    }

    @Test
    void broken_xml_is_refused_with_the_line_of_the_break_and_an_xml_file_that_is_not_opml_is_in_no_format()
            throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.opml"),
                "<opml version=\"2.0\"><body>\n<outline text=\"A\" xmlUrl=\"https://example.org/a\">\n</body></opml>\n");
        Path rss = Files.writeString(dir.resolve("feed.xml"), "<?xml version=\"1.0\"?>\n<rss><channel/></rss>\n");

        IngestResult result = new Ingester().ingest(List.of(broken, rss));

        assertEquals(2, result.skipped().size(), result.skipped()::toString);
        assertTrue(result.skipped().get(0).message().startsWith("is not well-formed OPML (line 3)"),
                result.skipped()::toString);
        assertTrue(result.skipped().get(1).message().startsWith("is in no supported format"));
    }
}
