package dev.shelf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README and the pages under docs/ name only files, tests and classes that exist, so that a rename cannot leave
 * them behind unnoticed.
 */
class DocReferencesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md"), Path.of("index/README.md"),
                Path.of("src/test/resources/eval/README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    @ParameterizedTest
    @MethodSource("pages")
    void every_file_test_and_class_a_page_names_exists(Path page) throws IOException {
        List<DocReferences.Broken> broken = new DocReferences(ROOT).check(page);
        assertTrue(broken.isEmpty(), broken.size() + " broken references:\n"
                + broken.stream().map(Object::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void a_wrong_name_is_reported_with_its_page_and_line(@TempDir Path dir) throws IOException {
        Path page = Files.writeString(dir.resolve("page.md"), String.join("\n",
                "Fused by `Fusion` in `dev.shelf.search`, see `docs/api.md` and [the API](" + ROOT + "/docs/api.md).",
                "Tried by ListFuzzTest and `DiskFaultTest`; `Ranking.noSuchMember`; `NoSuchClass`.",
                "`dev.shelf.nosuch.Fusion`, `dev.shelf.nosuch`, `src/main/java/dev/shelf/NoSuch.java`, [a](missing.md).",
                "```",
                "java -jar target/shelf.jar eval --queries src/test/resources/eval/no-such.jsonl --no-such-flag",
                "```"));

        List<String> broken = new DocReferences(ROOT).check(page).stream()
                .map(b -> b.line() + " " + b.reference()).toList();

        assertEquals(List.of("2 ListFuzzTest", "2 DiskFaultTest", "2 Ranking.noSuchMember", "2 NoSuchClass",
                "3 dev.shelf.nosuch.Fusion", "3 dev.shelf.nosuch", "3 src/main/java/dev/shelf/NoSuch.java",
                "3 missing.md", "5 src/test/resources/eval/no-such.jsonl", "5 --no-such-flag"), broken);
    }

    @Test
    void a_link_to_a_heading_the_page_lacks_is_reported(@TempDir Path dir) throws IOException {
        Path page = Files.writeString(dir.resolve("page.md"), String.join("\n",
                "# Title", "## \"More like X\": the rule", "[here](#more-like-x-the-rule) and [there](#no-such-part)."));

        List<String> broken = new DocReferences(ROOT).check(page).stream().map(DocReferences.Broken::reference).toList();

        assertEquals(List.of("#no-such-part"), broken);
    }
}
