package dev.shelf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The references a Markdown page of this repository makes to the repository itself, and which of them do not
 * resolve: a path (`src/...`, `web/...`, `index/...`, `models/...`, `docs/...`, `.ci/...`, `pom.xml`), a relative
 * link and its #anchor, a test class (`XxxTest`, `XxxIT`, backticked or not) and a backticked class of the project
 * (`Fusion`, `Ranking.ofBestPassages`, `dev.shelf.map.Umap`), package (`dev.shelf.map`) or option (`--k`). Only what a page names
 * as code is checked, so prose stays free; the few backticked names that are not the project's are listed in
 * {@link #NOT_PROJECT_CLASSES}.
 */
final class DocReferences {

    /** A reference that does not resolve, where it is and why. */
    record Broken(Path doc, int line, String reference, String problem) {
        @Override
        public String toString() {
            return doc + ":" + line + ": " + reference + ": " + problem;
        }
    }

    /** Backticked capitalised names that are not classes of this project: JDK and library classes, headers, fields. */
    static final Set<String> NOT_PROJECT_CLASSES = Set.of(
            "WatchService", "StrictMath", "QueryScorer", "QueryTermScorer", // JDK and Lucene
            "AutoCreateSharedArchive", // a JVM option
            "ETag", "Origin", // HTTP headers
            "HttpServletStreamableServerTransportProvider", // the MCP Java SDK
            "Tags", "Added", "Authors", "Year", "Venue", "Keywords", "Article"); // metadata keys and list text

    /** Options a page may show that are not Shelf's: the JVM's and the JDK tools'. */
    static final Set<String> NOT_SHELF_OPTIONS = Set.of("--add-modules", "--enable-native-access", "--events");

    /** Where a path a page names may point; anything else in backticks is not taken for a path. */
    private static final List<String> PATH_ROOTS = List.of("src/", "web/", "index/", "models/", "docs/", ".ci/");
    private static final Set<String> ROOT_FILES = Set.of("pom.xml", "README.md");
    /** Paths the build or a run makes: named by the pages, never in a checkout. */
    private static final List<String> MADE_PATHS = List.of("target/", "index/builds/", "index/embeddings/",
            "index/CURRENT");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern TEST_NAME = Pattern.compile("\\b[A-Z][A-Za-z0-9]*[a-z0-9](?:Test|IT)\\b");
    private static final Pattern CLASS_NAME = Pattern.compile(
            "(?:dev\\.shelf\\.((?:[a-z][a-z0-9]*\\.)*))?([A-Z][A-Za-z0-9]*)(?:\\.([A-Za-z_][A-Za-z0-9_]*))?(?:\\(.*\\))?");
    private static final Pattern PACKAGE_NAME = Pattern.compile("dev\\.shelf(?:\\.[a-z][a-z0-9]*)+");
    private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[\\s,;:=\"'()\\[\\]|]+");
    private static final List<String> SOURCE_ROOTS = List.of("src/main/java", "src/test/java");
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*");

    private final Path root;
    /** Each class's source files by simple name (several packages may hold one name). */
    private final Map<String, List<Path>> sources = new HashMap<>();
    /** Every option the code declares ("--k" in an {@code @Option}), with picocli's own. */
    private final Set<String> options = new HashSet<>(Set.of("--help", "--version"));

    /** @param root the repository's root folder */
    DocReferences(Path root) throws IOException {
        this.root = root.toAbsolutePath();
        for (String sourceRoot : SOURCE_ROOTS) {
            try (Stream<Path> files = Files.walk(root.resolve(sourceRoot))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> sources
                        .computeIfAbsent(f.getFileName().toString().replace(".java", ""), k -> new ArrayList<>())
                        .add(f));
            }
        }
        for (Path source : sources.values().stream().flatMap(List::stream).filter(f -> f.startsWith(
                this.root.resolve("src/main/java"))).toList()) {
            Matcher declared = Pattern.compile("\"(--[a-z][a-z0-9-]*)\"").matcher(Files.readString(source));
            while (declared.find()) {
                options.add(declared.group(1));
            }
        }
    }

    /** Every reference of {@code doc} that does not resolve, in the order of the page. */
    List<Broken> check(Path page) throws IOException {
        Path doc = page.toAbsolutePath();
        List<Broken> broken = new ArrayList<>();
        List<String> lines = Files.readAllLines(doc);
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher tests = TEST_NAME.matcher(line);
            while (tests.find()) {
                if (!isTestClass(tests.group())) {
                    broken.add(new Broken(doc, number, tests.group(), "no such test class under src/test/java"));
                }
            }
            if (fenced) {
                checkPaths(doc, number, line, broken);
                checkOptions(doc, number, line, broken);
                continue;
            }
            Matcher spans = CODE_SPAN.matcher(line);
            while (spans.find()) {
                String span = spans.group(1).strip();
                checkPaths(doc, number, span, broken);
                checkOptions(doc, number, span, broken);
                checkName(doc, number, span, broken);
            }
            Matcher links = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
            while (links.find()) {
                checkLink(doc, number, links.group(1), broken);
            }
        }
        Path shown = doc.startsWith(root) ? root.relativize(doc) : doc;
        return broken.stream().map(b -> new Broken(shown, b.line(), b.reference(), b.problem())).toList();
    }

    private boolean isTestClass(String name) {
        return sources.getOrDefault(name, List.of()).stream().anyMatch(f -> f.startsWith(root.resolve("src/test/java")));
    }

    private void checkPaths(Path doc, int number, String text, List<Broken> broken) {
        for (String token : TOKEN_SEPARATORS.split(text)) {
            String path = token.replaceAll("[.]+$", "");
            if (path.isEmpty() || path.contains("<") || path.contains("*") || path.contains("{") || path.contains("...")
                    || MADE_PATHS.stream().anyMatch(path::startsWith)) {
                continue;
            }
            Path base = root;
            if (PATH_ROOTS.stream().noneMatch(path::startsWith) && !ROOT_FILES.contains(path)) {
                // A page below the root may name its own subfolders' files (index/README.md: `sources/...`).
                String first = path.substring(0, Math.max(0, path.indexOf('/')));
                if (!first.matches("[\\w-]+") || doc.getParent().equals(root)
                        || !Files.isDirectory(doc.getParent().resolve(first))) {
                    continue;
                }
                base = doc.getParent();
            }
            if (!Files.exists(base.resolve(path))) {
                broken.add(new Broken(doc, number, path, "no such file or folder"));
            }
        }
    }

    /** A negatable option's "--no-" form is picocli's, from the declared name. */
    private void checkOptions(Path doc, int number, String text, List<Broken> broken) {
        Matcher option = OPTION.matcher(text);
        while (option.find()) {
            String name = option.group();
            if (!options.contains(name) && !options.contains(name.replaceFirst("^--no-", "--"))
                    && !NOT_SHELF_OPTIONS.contains(name)) {
                broken.add(new Broken(doc, number, name, "no such option in src/main/java"));
            }
        }
    }

    private void checkName(Path doc, int number, String span, List<Broken> broken) {
        if (PACKAGE_NAME.matcher(span).matches()) {
            String folder = span.replace('.', '/');
            if (SOURCE_ROOTS.stream().noneMatch(r -> Files.isDirectory(root.resolve(r).resolve(folder)))) {
                broken.add(new Broken(doc, number, span, "no such package"));
            }
            return;
        }
        Matcher name = CLASS_NAME.matcher(span);
        if (!name.matches() || name.group(2).equals(name.group(2).toUpperCase(Locale.ROOT))
                || NOT_PROJECT_CLASSES.contains(name.group(2)) || TEST_NAME.matcher(name.group(2)).matches()) {
            return;
        }
        String simple = name.group(2);
        List<Path> files = sources.getOrDefault(simple, List.of());
        if (name.group(1) != null) {
            String file = "dev/shelf/" + name.group(1).replace('.', '/') + simple + ".java";
            files = files.stream().filter(f -> f.endsWith(file)).toList();
        }
        if (files.isEmpty()) {
            broken.add(new Broken(doc, number, span, "no such class in src/main/java or src/test/java (if it is not"
                    + " the project's, add it to DocReferences.NOT_PROJECT_CLASSES)"));
        } else if (name.group(3) != null && files.stream().noneMatch(f -> declares(f, name.group(3)))) {
            broken.add(new Broken(doc, number, span, simple + " has no member " + name.group(3)));
        }
    }

    private static boolean declares(Path source, String member) {
        try {
            return Pattern.compile("\\b" + Pattern.quote(member) + "\\b").matcher(Files.readString(source)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkLink(Path doc, int number, String target, List<Broken> broken) throws IOException {
        if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
            return; // https:, mailto: and the like
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path linked = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
        if (!Files.exists(linked)) {
            broken.add(new Broken(doc, number, target, "no such file or folder"));
        } else if (hash >= 0 && !anchors(linked).contains(target.substring(hash + 1))) {
            broken.add(new Broken(doc, number, target, "no such heading in " + linked.getFileName()));
        }
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens. */
    static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new HashSet<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(page)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced && line.startsWith("#")) {
                String title = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
                anchors.add(title.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }
}
