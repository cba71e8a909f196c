package dev.shelf.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which uploads are reading lists, and of which format. */
class FormatOfTest {

    private static Optional<String> of(String name, String text) {
        return Ingester.formatOf(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void markdown_by_extension_and_text_by_content() {
        assertEquals(Optional.of("markdown"), of("list.md", "just words"));
        assertEquals(Optional.of("markdown"), of("LIST.MARKDOWN", "just words"));
        assertEquals(Optional.of("text"), of("wiki.txt", "Heading\n• a bullet\n"));
        assertEquals(Optional.of("markdown"), of("notes.txt", "# Title\n\n* [A](https://a.example)\n"));
        assertEquals(Optional.of("text"), of("notes.text", "plain"));
    }

    @Test
    void exports_are_known_by_their_content_whatever_their_name() {
        assertEquals(Optional.of("markdown"), of("list", "# Title\n\n* [A](https://a.example)\n"));
        assertEquals(Optional.of("bookmarks"), of("export.html",
                "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><A HREF=\"https://a.example\">A</A>\n</DL>\n"));
        assertEquals(Optional.of("csv"), of("pocket.csv", "title,url,time_added,tags,status\nA,https://a.example,1,,unread\n"));
        assertEquals(Optional.of("opml"), of("feeds.xml", "<?xml version=\"1.0\"?><opml version=\"2.0\"><body/></opml>"));
        assertEquals(Optional.of("bibtex"), of("refs.txt", "@article{a, title={A}}\n"));
    }

    @Test
    void other_extensions_binary_blank_and_non_utf8_content_are_unsupported() {
        assertEquals(Optional.empty(), of("list.pdf", "# Title"));
        assertEquals(Optional.empty(), of("list.md", ""));
        assertEquals(Optional.empty(), of("list.md", " \n\t"));
        assertEquals(Optional.empty(), of("list.md", "a\u0000b"));
        // Latin-1, not UTF-8: many stray bytes mean another encoding (one stray byte is read as ingest reads it).
        byte[] latin1 = "# Caf\u00e9 r\u00e9sum\u00e9 na\u00efve \u00e9t\u00e9 d\u00e9j\u00e0 vu\n".repeat(5)
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Optional.empty(), Ingester.formatOf("list.md", latin1));
    }
}
