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
    void other_extensions_binary_blank_and_non_utf8_content_are_unsupported() {
        assertEquals(Optional.empty(), of("list.pdf", "# Title"));
        assertEquals(Optional.empty(), of("list", "# Title"));
        assertEquals(Optional.empty(), of("list.md", ""));
        assertEquals(Optional.empty(), of("list.md", " \n\t"));
        assertEquals(Optional.empty(), of("list.md", "a\u0000b"));
        assertEquals(Optional.empty(), Ingester.formatOf("list.md", new byte[] {'a', (byte) 0xff, 'b'}));
        assertEquals(Optional.empty(), Ingester.formatOf("list.txt", new byte[] {(byte) 0xc3}));
    }
}
