package dev.shelf.ingest;

import static dev.shelf.ingest.IngestedResources.titled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Netscape bookmark files as the browsers export them: folders, entities, tags, dates, bookmarklets. */
class BookmarksParserTest {

    static final Path FIXTURE = Path.of("src/test/resources/formats/bookmarks.html");

    @TempDir
    Path dir;

    @Test
    void nested_folders_are_the_section_path_and_tags_dates_and_descriptions_are_kept() {
        IngestResult result = new Ingester().ingest(List.of(FIXTURE));

        assertEquals(List.of("Attention Is All You Need — the paper", "llama.cpp", "Hugging Face Blog"),
                result.resources().stream().map(Resource::title).toList());
        Resource attention = titled(result, "Attention Is All You Need — the paper");
        assertEquals("https://arxiv.org/abs/1706.03762", attention.url());
        assertEquals(List.of("Bookmarks bar", "AI & ML"), attention.section());
        assertEquals("The original Transformer paper — read <b>first</b>.", attention.description());
        assertEquals(Map.of("Tags", "transformers, attention", "Added", "2024-01-01"), attention.metadata());
        assertEquals(13, attention.sources().get(0).line());
        assertEquals(Kind.LINK, attention.kind());

        Resource llama = titled(result, "llama.cpp");
        assertEquals(List.of("Bookmarks bar", "AI & ML", "Tools"), llama.section());
        assertEquals(Map.of("Added", "2024-03-09"), llama.metadata());
        Resource blog = titled(result, "Hugging Face Blog");
        assertEquals(List.of(), blog.section());
        assertEquals("", blog.description());

        Source source = result.sources().get(0);
        assertEquals("bookmarks", source.format());
        assertEquals("Bookmarks", source.name());
        assertTrue(result.skipped().isEmpty(), result.skipped()::toString);
    }

    @Test
    void bookmarklets_and_browser_pages_are_never_links_and_each_is_warned_about_by_line() {
        IngestResult result = new Ingester().ingest(List.of(FIXTURE));

        assertEquals(List.of(15, 21, 24, 25), result.warnings().stream().map(IngestWarning::line).toList(),
                result.warnings()::toString);
        assertTrue(result.warnings().get(0).message().contains("\"javascript:alert(document.title)\""));
        assertTrue(result.warnings().get(1).message().contains("\"place:sort=8&maxResults=10\""));
        assertTrue(result.warnings().get(2).message().contains("\"chrome://settings\""));
        assertTrue(result.warnings().get(3).message().contains("\"about:config\""));
        result.resources().forEach(r -> assertTrue(r.url().startsWith("https://"), r::toString));
    }

    @Test
    void a_multi_megabyte_icon_attribute_costs_nothing() throws IOException {
        String icon = "data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAA".repeat(250_000);
        String html = "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE>\n<DL><p>\n"
                + "    <DT><A HREF=\"https://example.org/one\" ICON=\"" + icon + "\">One</A>\n"
                + "    <DT><A HREF=\"https://example.org/two\" ICON=\"" + icon + "\">Two</A>\n</DL><p>\n";
        Path file = Files.writeString(dir.resolve("big.html"), html, StandardCharsets.UTF_8);
        assertTrue(Files.size(file) > 10_000_000, "the fixture is as large as it says");

        long start = System.nanoTime();
        IngestResult result = new Ingester().ingest(List.of(file));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(List.of("One", "Two"), result.resources().stream().map(Resource::title).toList());
        assertEquals(List.of(4, 5), result.resources().stream().map(r -> r.sources().get(0).line()).toList());
        assertTrue(millis < 5_000, "parsed in " + millis + " ms");
    }

    @Test
    void pocket_html_export_reads_headings_as_sections_and_its_tags_and_time_added() throws IOException {
        Path file = Files.writeString(dir.resolve("ril_export.html"), """
                <!DOCTYPE html>
                <html><head><title>Pocket Export</title></head>
                <body>
                <h1>Unread</h1>
                <ul>
                <li><a href="https://example.org/rlhf" time_added="1700000000" tags="rlhf,alignment">RLHF in depth</a></li>
                </ul>
                <h1>Read Archive</h1>
                <ul>
                <li><a href="https://example.org/old" time_added="1600000000" tags="">Old news</a></li>
                </ul>
                </body></html>
                """);

        IngestResult result = new Ingester().ingest(List.of(file));

        Resource rlhf = titled(result, "RLHF in depth");
        assertEquals(List.of("Unread"), rlhf.section());
        assertEquals(Map.of("Tags", "rlhf, alignment", "Added", "2023-11-14"), rlhf.metadata());
        assertEquals(List.of("Read Archive"), titled(result, "Old news").section());
        assertEquals("Pocket Export", result.sources().get(0).name());
    }
}
