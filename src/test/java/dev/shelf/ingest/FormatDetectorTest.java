package dev.shelf.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which format a list is in: content first, extension second; and what a folder walk picks up. */
class FormatDetectorTest {

    static final Path FORMATS = Path.of("src/test/resources/formats");

    @TempDir
    Path dir;

    private static Optional<String> formatOf(String name, String content) {
        return Ingester.formatOf(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void each_fixture_is_recognised_by_its_content_whatever_its_extension() throws IOException {
        for (var expected : List.of(List.of("bookmarks.html", "bookmarks"), List.of("pocket.csv", "csv"),
                List.of("raindrop.csv", "csv"), List.of("feeds.opml", "opml"), List.of("papers.bib", "bibtex"))) {
            byte[] content = Files.readAllBytes(FORMATS.resolve(expected.get(0)));
            assertEquals(Optional.of(expected.get(1)), Ingester.formatOf(expected.get(0), content), expected::toString);
            assertEquals(Optional.of(expected.get(1)), Ingester.formatOf("export.txt", content),
                    () -> expected + " saved as .txt");
        }
    }

    @Test
    void markdown_and_outlines_keep_their_old_rules() {
        assertEquals(Optional.of("markdown"), formatOf("list.md", "Just prose.\n"));
        assertEquals(Optional.of("markdown"), formatOf("list.md", "<div>\n@article{x,\n"),
                "the .md extension wins over what a Markdown list may quote");
        assertEquals(Optional.of("markdown"), formatOf("list.txt", "# Title\n\n* [A](https://a.org)\n"));
        assertEquals(Optional.of("text"), formatOf("wiki.txt", "My page\n\nVocabulary\n\n  • GGUF - a format.\n"));
        assertEquals(Optional.of("text"), formatOf("notes", "My page\n\nSome words.\n"));
    }

    @Test
    void bookmarks_need_the_netscape_doctype_or_a_dl_of_anchors_or_pocket_anchors() {
        assertEquals(Optional.of("bookmarks"), formatOf("b.htm",
                "<TITLE>Bookmarks</TITLE>\n<DL><p>\n<DT><A HREF=\"https://a.org\">A</A>\n</DL>"));
        assertEquals(Optional.of("bookmarks"), formatOf("ril_export.html",
                "<!DOCTYPE html><ul><li><a href=\"https://a.org\" time_added=\"1\" tags=\"\">A</a></li></ul>"));
        assertEquals(Optional.empty(), formatOf("page.html",
                "<!DOCTYPE html><html><body><h1>Hi</h1><p><a href=\"https://a.org\">A</a></p></body></html>"));
        assertEquals(Optional.empty(), formatOf("page", "<html><body>Hello</body></html>"));
        assertEquals(Optional.of("text"), formatOf("wiki.txt", "<div>\nMy page\n\nSome words.\n"),
                "a .txt is an outline unless a signature says otherwise");
    }

    @Test
    void opml_bibtex_and_csv_signatures() {
        assertEquals(Optional.of("opml"), formatOf("subs.xml", "<?xml version=\"1.0\"?>\n<!-- feeds -->\n<opml version=\"1.0\"/>"));
        assertEquals(Optional.empty(), formatOf("feed.xml", "<?xml version=\"1.0\"?>\n<rss/>"));
        assertEquals(Optional.of("bibtex"), formatOf("refs.txt", "% JabRef\n\n@Article{key,\n title={T}}\n"));
        assertEquals(Optional.of("bibtex"), formatOf("refs.bib", "Free text BibTeX ignores.\n@misc(key,\n title={T})\n"));
        assertEquals(Optional.of("text"), formatOf("notes.txt", "Notes\n\nMail me @home{soon}\n"),
                "an @ inside a line is not an entry");
        assertEquals(Optional.of("csv"), formatOf("x.txt", "\"URL\",\"Title\"\nhttps://a.org,A\n"));
        assertEquals(Optional.of("csv"), formatOf("x.csv", "Name;x\n".replace(";x", ",Link")));
        assertEquals(Optional.empty(), formatOf("x.csv", "name,amount\n"));
        assertEquals(Optional.empty(), formatOf("data.json", "{\"title\": \"x\"}"));
        assertEquals(Optional.empty(), formatOf("data", "[{\"title\": \"x\"}]"));
        assertEquals(Optional.empty(), formatOf("x.md", ""), "empty content is in no format");
        assertEquals(Optional.empty(), formatOf("x.txt", "\u0000\u0001\u0002\u0003 binary"));
    }

    @Test
    void a_folder_walk_reads_every_format_and_refuses_a_file_in_none_with_one_warning_naming_it() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("lists"));
        for (String fixture : List.of("bookmarks.html", "pocket.csv", "feeds.opml", "papers.bib")) {
            Files.copy(FORMATS.resolve(fixture), folder.resolve(fixture));
        }
        Files.writeString(folder.resolve("list.md"), "# Mine\n\n* [Mine](https://example.org/mine)\n");
        Path page = Files.writeString(folder.resolve("page.html"), "<html><body><p>Not a list</p></body></html>");
        Files.writeString(folder.resolve("picture.png"), "not read at all");

        IngestResult result = new Ingester().ingest(List.of(folder));

        assertEquals(List.of("bookmarks", "list", "papers", "pocket", "feeds").stream().sorted().toList(),
                result.sources().stream().map(Source::id).sorted().toList());
        assertEquals("bibtex=papers, bookmarks=bookmarks, csv=pocket, markdown=list, opml=feeds",
                result.sources().stream().map(s -> s.format() + "=" + s.id()).sorted().collect(Collectors.joining(", ")));
        assertEquals(1, result.skipped().size(), result.skipped()::toString);
        IngestWarning refused = result.skipped().get(0);
        assertEquals(page, refused.file());
        assertEquals("is in no supported format; Shelf reads Markdown (.md, .markdown), plain-text outline (.txt, .text),"
                + " Netscape bookmark HTML (.html, .htm), CSV or TSV with title and URL columns (.csv, .tsv), OPML (.opml, .xml),"
                + " BibTeX (.bib, .bibtex)", refused.message());
        assertEquals(3 + 3 + 3 + 4 + 1, result.resources().size(), result.resources()::toString);
    }
}
