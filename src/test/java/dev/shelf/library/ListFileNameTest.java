package dev.shelf.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which names a client may save a list under, on hand-computed cases at each rule's edge. */
class ListFileNameTest {

    private static void good(String name) {
        assertEquals(Optional.empty(), ListFileName.problem(name), name);
    }

    private static void bad(String name, String because) {
        Optional<String> problem = ListFileName.problem(name);
        assertTrue(problem.isPresent(), () -> "accepted " + name);
        assertTrue(problem.get().contains(because), problem.get());
    }

    @Test
    void plain_names_with_spaces_accents_and_cjk_are_accepted() {
        good("reading-list.md");
        good("My list (2024).txt");
        good("é.md");
        good("模型量化.md");
        good("a.b.c.md");
        good("no-extension");
    }

    @Test
    void empty_and_blank_names_are_refused() {
        bad("", "empty");
        bad(null, "empty");
        bad("   ", "blank");
    }

    @Test
    void the_length_limit_counts_utf8_bytes_not_characters() {
        good("a".repeat(252) + ".md");          // 255 bytes
        bad("a".repeat(253) + ".md", "256 bytes");
        // é is two bytes in UTF-8: 126 of them and ".md" make 255, 127 make 257 in only 130 characters.
        good("é".repeat(126) + ".md");
        bad("é".repeat(127) + ".md", "257 bytes");
        // 模 is three bytes: 84 and ".md" make 255.
        good("模".repeat(84) + ".md");
        bad("模".repeat(85) + ".md", "258 bytes");
    }

    @Test
    void path_separators_and_dot_dot_are_refused() {
        bad("a/b.md", "/");
        bad("/etc/passwd", "/");
        bad("..\\b.md", "\\");
        bad("a\\b.md", "\\");
        bad("..", "..");
        bad("..md", "..");
        bad("notes..md", "..");
    }

    @Test
    void control_characters_are_refused_by_code_point() {
        bad("a\u0000.md", "U+0000");
        bad("a\n.md", "U+000A");
        bad("a\t.md", "U+0009");
        bad("a\u007f.md", "U+007F");
        bad("a\u0085.md", "U+0085");
        bad("a\ud800.md", "U+D800"); // a lone surrogate cannot be written as UTF-8
    }

    @Test
    void hidden_files_are_refused_since_nothing_reads_them() {
        bad(".md", "dot");
        bad(".hidden.md", "dot");
        bad(".", "dot");
    }
}
