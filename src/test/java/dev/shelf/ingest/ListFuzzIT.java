package dev.shelf.ingest;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded, repeatable mutations of the five bundled lists: truncated at random bytes, bytes flipped, table cells
 * removed or added, unclosed HTML inserted, lines nested 10,000 deep, a 20 MB line. For each mutant: ingest never
 * throws, every problem is reported with the mutant's file and a line, and every link entry whose text the mutation
 * did not touch is still ingested with the same title. A failure names the mutant's seed.
 */
class ListFuzzIT {

    private static final long SEED = 20_261_122L;
    private static final Path SOURCES = Path.of("index", "sources");
    private static final String DEEP_URL = "https://deep.example.org/link";

    private static List<Baseline> baselines;

    @TempDir
    Path dir;

    /**
     * What one original list gives.
     *
     * @param links every link entry: canonical url to title and the lines it is written on
     */
    private record Baseline(Path file, byte[] bytes, String[] lines, Map<String, LinkEntry> links) {
    }

    private record LinkEntry(String title, List<Integer> lines) {
    }

    /**
     * A mutated list.
     *
     * @param damaged 1-based lines of the original whose entries the mutation may legitimately change or drop
     * @param mustWarnAt 1-based lines of the mutant at which a warning is required, or empty
     */
    private record Mutant(String description, byte[] bytes, BitSet damaged, List<Integer> mustWarnAt,
                          List<String> mustHaveUrls) {
    }

    @BeforeAll
    static void readBaselines() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(SOURCES)) {
            files = list.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("README"))
                    .sorted().toList();
        }
        baselines = new ArrayList<>();
        for (Path file : files) {
            IngestResult result = new Ingester().ingest(List.of(file));
            Map<String, LinkEntry> links = new LinkedHashMap<>();
            for (Resource r : result.resources()) {
                if (r.kind() == Kind.LINK) {
                    links.put(r.url(), new LinkEntry(r.title(), r.sources().stream().map(Mention::line).toList()));
                }
            }
            byte[] bytes = Files.readAllBytes(file);
            baselines.add(new Baseline(file, bytes, new String(bytes, StandardCharsets.UTF_8).split("\n", -1), links));
        }
        assertTrue(baselines.size() == 5 && baselines.stream().mapToInt(b -> b.links().size()).sum() > 400,
                "the bundled lists are the fuzz seeds");
    }

    @Test
    void truncated_lists_keep_every_link_before_the_cut() throws IOException {
        run(200, (base, random) -> {
            int cut = 1 + random.nextInt(base.bytes().length - 1);
            int line = lineOf(base.bytes(), cut);
            BitSet damaged = new BitSet();
            // The cut block may change (a half row, a half paragraph); so may everything after it.
            damaged.set(blockStart(base.lines(), line), base.lines().length + 2);
            return new Mutant("truncated at byte " + cut, Arrays.copyOf(base.bytes(), cut), damaged, List.of(),
                    List.of());
        });
    }

    @Test
    void flipped_bytes_cost_at_most_the_blocks_they_fall_in() throws IOException {
        run(300, (base, random) -> {
            byte[] bytes = base.bytes().clone();
            BitSet damaged = new BitSet();
            int flips = 1 + random.nextInt(8);
            StringBuilder what = new StringBuilder();
            for (int k = 0; k < flips; k++) {
                int at = random.nextInt(bytes.length);
                byte value = (byte) random.nextInt(256);
                what.append(at).append("->").append(value & 0xFF).append(' ');
                bytes[at] = value;
                damageBlockAround(base.lines(), lineOf(base.bytes(), at), damaged);
            }
            return new Mutant("bytes flipped: " + what, bytes, damaged, List.of(), List.of());
        });
    }

    @Test
    void table_rows_with_missing_or_extra_cells_cost_only_that_row_and_are_reported() throws IOException {
        run(200, (base, random) -> {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < base.lines().length; i++) {
                String line = base.lines()[i].strip();
                if (line.startsWith("|") && line.endsWith("|") && !line.matches("[|:\\- ]+")
                        && isBodyRow(base.lines(), i)) {
                    rows.add(i);
                }
            }
            if (rows.isEmpty()) {
                return null;
            }
            int index = rows.get(random.nextInt(rows.size()));
            String row = base.lines()[index];
            List<String> cells = new ArrayList<>(Arrays.asList(row.strip().substring(1, row.strip().length() - 1)
                    .split("\\|", -1)));
            String change;
            if (cells.size() > 1 && random.nextBoolean()) {
                int drop = random.nextInt(cells.size());
                cells.remove(drop);
                change = "cell " + drop + " removed";
            } else {
                cells.add(random.nextInt(cells.size() + 1), " surplus [x](https://surplus.example.org/) ");
                change = "a cell added";
            }
            String[] lines = base.lines().clone();
            lines[index] = "|" + String.join("|", cells) + "|";
            BitSet damaged = new BitSet();
            damaged.set(index + 1);
            return new Mutant("line " + (index + 1) + ": " + change, join(lines), damaged, List.of(index + 1),
                    List.of());
        });
    }

    @Test
    void unclosed_html_hides_nothing_beyond_the_block_it_opens_in() throws IOException {
        String[] openers = {"<!-- TODO: finish this", "<pre>", "<script>", "<style>", "<textarea>", "<![CDATA[",
            "<?php", "<!DOCTYPE html", "<div>", "<details>", "<table>"};
        run(110, (base, random) -> {
            int at = random.nextInt(base.lines().length + 1);
            String opener = openers[random.nextInt(openers.length)];
            String[] lines = insert(base.lines(), at, opener);
            BitSet damaged = new BitSet();
            // An opener inside a block swallows or ends that block (a table, a paragraph): its entries may change.
            damageBlockAround(base.lines(), Math.max(1, at), damaged);
            damageBlockAround(base.lines(), Math.min(base.lines().length, at + 1), damaged);
            return new Mutant("line " + (at + 1) + " inserted: " + opener, join(lines), damaged, List.of(), List.of());
        });
    }

    @Test
    void lines_nested_ten_thousand_deep_are_read_flat_and_reported() throws IOException {
        String link = "[Deep link](" + DEEP_URL + ")";
        List<IntFunction<String>> deep = List.of(
                n -> "> ".repeat(n) + link,
                n -> "- ".repeat(n) + link,
                n -> "1. ".repeat(n) + link,
                n -> "> - ".repeat(n / 2) + link,
                n -> "* > 1) ".repeat(n / 3) + link);
        List<IntFunction<String>> noisy = List.of(
                n -> "[".repeat(n) + link + "]".repeat(n),
                n -> "*".repeat(n) + "x" + "*".repeat(n) + " " + link,
                n -> "**".repeat(n) + link + "**".repeat(n),
                n -> "<div>".repeat(n) + link,
                n -> "(".repeat(n) + link + ")".repeat(n),
                n -> "`".repeat(n) + " " + link);
        int[] kind = {0};
        run(5 * (deep.size() + noisy.size()), (base, random) -> {
            int k = kind[0]++ % (deep.size() + noisy.size());
            String line = k < deep.size() ? deep.get(k).apply(10_000) : noisy.get(k - deep.size()).apply(10_000);
            int at = blankLine(base.lines(), random);
            String[] lines = insert(base.lines(), at, "\n" + line + "\n");
            return new Mutant("10,000-deep variant " + k + " at line " + (at + 1), join(lines), new BitSet(),
                    k < deep.size() ? List.of(at + 2) : List.of(), k < deep.size() ? List.of(DEEP_URL) : List.of());
        });
    }

    @Test
    void nested_lists_indented_a_thousand_levels_deep_are_read() throws IOException {
        StringBuilder nested = new StringBuilder("\n");
        for (int level = 0; level < 1000; level++) {
            nested.append("  ".repeat(level)).append("- level ").append(level).append('\n');
        }
        nested.append("  ".repeat(1000)).append("- [Deep link](").append(DEEP_URL).append(")\n");
        run(1, (base, random) -> {
            int at = blankLine(base.lines(), random);
            return new Mutant("1,000-level indented list at line " + (at + 1),
                    join(insert(base.lines(), at, nested.toString())), new BitSet(), List.of(), List.of(DEEP_URL));
        });
    }

    @Test
    void a_twenty_megabyte_line_is_read_cut_and_reported_and_costs_nothing_else() throws IOException {
        StringBuilder huge = new StringBuilder(20_000_000);
        Random words = new Random(SEED);
        String[] vocabulary = {"model", "quantization", "attention", "merge", "laptop", "gguf", "tokenizer", "the",
            "of", "a", "training", "adapter"};
        int links = 0;
        while (huge.length() < 19_500_000) {
            huge.append(vocabulary[words.nextInt(vocabulary.length)]).append(' ');
            if (huge.length() / 2000 > links) {
                huge.append("[Paper ").append(links).append("](https://huge.example.org/").append(links++).append(") ");
            }
        }
        String line = "\n" + huge + "\n";
        // The warning names the line of the entry that holds the text (its section's heading).
        run(1, (base, random) -> {
            int at = blankLine(base.lines(), random);
            return new Mutant("a 19.5 MB line at line " + (at + 2), join(insert(base.lines(), at, line)), new BitSet(),
                    List.of(), List.of("https://huge.example.org/0"));
        }, "characters cut to");
    }

    /** Builds {@code count} mutants over the lists in turn and checks each; the other lists are ingested with some. */
    private void run(int count, MutantMaker maker) throws IOException {
        run(count, maker, null);
    }

    /** As {@link #run(int, MutantMaker)}, also requiring in each mutant's file a warning that contains the text. */
    private void run(int count, MutantMaker maker, String mustWarn) throws IOException {
        List<String> failures = new ArrayList<>();
        int made = 0;
        for (int i = 0; i < count * 3 && made < count; i++) {
            Baseline base = baselines.get(i % baselines.size());
            long seed = SEED + i;
            Mutant mutant = maker.make(base, new Random(seed));
            if (mutant == null) {
                continue;
            }
            made++;
            Path file = dir.resolve("m" + i).resolve(base.file().getFileName());
            Files.createDirectories(file.getParent());
            Files.write(file, mutant.bytes());
            // Every tenth mutant goes in with the four other lists, which must come out whole.
            boolean together = i % 10 == 0;
            List<Path> inputs = new ArrayList<>(List.of(file));
            if (together) {
                baselines.stream().filter(b -> b != base).map(Baseline::file).forEach(inputs::add);
            }
            IngestResult result;
            try {
                result = new Ingester().ingest(inputs);
            } catch (RuntimeException | Error e) {
                throw new AssertionError("seed " + seed + " (" + base.file().getFileName() + ", "
                        + mutant.description() + "): ingest threw", e);
            }
            String where = "seed " + seed + " (" + base.file().getFileName() + ", " + mutant.description() + ")";
            check(base, file, mutant, result, where, failures);
            if (mustWarn != null && result.warnings().stream()
                    .noneMatch(w -> w.file().equals(file) && w.message().contains(mustWarn))) {
                failures.add(where + ": no warning saying \"" + mustWarn + "\"");
            }
            if (together) {
                for (Baseline other : baselines) {
                    if (other != base) {
                        // Lists share links, and a shared link keeps the title of the list read first: only presence counts.
                        checkLinks(other, new BitSet(), false, result,
                                where + " [other list " + other.file().getFileName() + "]", failures);
                    }
                }
            }
            if (failures.size() > 10) {
                break;
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " problems, first ones:\n" + String.join("\n", failures.subList(0,
                    Math.min(10, failures.size()))));
        }
        assertTrue(made >= Math.min(count, 1), "mutants were made");
    }

    private static void check(Baseline base, Path file, Mutant mutant, IngestResult result, String where,
                              List<String> failures) {
        int lineCount = new String(mutant.bytes(), StandardCharsets.UTF_8).split("\n", -1).length;
        for (IngestWarning skipped : result.skipped()) {
            if (skipped.file().equals(file) && !skipped.message().contains("empty")) {
                failures.add(where + ": the whole file was skipped: " + skipped.message());
            }
        }
        for (IngestWarning warning : result.warnings()) {
            if (warning.file().equals(file) && (warning.line() < 1 || warning.line() > lineCount)) {
                failures.add(where + ": a warning without a line in the file: " + warning);
            }
        }
        for (int line : mutant.mustWarnAt()) {
            if (result.warnings().stream().noneMatch(w -> w.file().equals(file) && w.line() == line)) {
                failures.add(where + ": no warning at line " + line + "; warnings: " + result.warnings());
            }
        }
        for (String url : mutant.mustHaveUrls()) {
            if (result.resources().stream().noneMatch(r -> url.equals(r.url()))) {
                failures.add(where + ": " + url + " was not ingested");
            }
        }
        if (result.skipped().isEmpty()) {
            checkLinks(base, mutant.damaged(), true, result, where, failures);
        }
    }

    private static void checkLinks(Baseline base, BitSet damaged, boolean sameTitle, IngestResult result,
                                   String where, List<String> failures) {
        Map<String, String> titles = new LinkedHashMap<>();
        result.resources().forEach(r -> titles.putIfAbsent(r.url() == null ? "" : r.url(), r.title()));
        base.links().forEach((url, entry) -> {
            if (entry.lines().stream().noneMatch(damaged::get)) {
                String title = titles.get(url);
                if (title == null) {
                    failures.add(where + ": lost " + url + " (line " + entry.lines() + ")");
                } else if (sameTitle && !title.equals(entry.title())) {
                    failures.add(where + ": " + url + " is now titled \"" + title + "\", was \"" + entry.title() + "\"");
                }
            }
        });
    }

    @FunctionalInterface
    private interface MutantMaker {
        /** A mutant of the list, or null when this list offers nothing to mutate this way. */
        Mutant make(Baseline base, Random random);
    }

    private static boolean isBodyRow(String[] lines, int index) {
        // A body row has the delimiter row (and the header above it) somewhere in the same run of pipe lines.
        for (int i = index - 1; i >= 0 && lines[i].strip().startsWith("|"); i--) {
            if (lines[i].strip().matches("\\|[|:\\- ]+\\|")) {
                return true;
            }
        }
        return false;
    }

    /** The 1-based line of a byte offset. */
    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The first 1-based line of the run of non-blank lines that holds the given line. */
    private static int blockStart(String[] lines, int line) {
        int start = line;
        while (start > 1 && !lines[start - 2].isBlank()) {
            start--;
        }
        return start;
    }

    /**
     * Marks the run of non-blank lines around the given line (both runs when it is blank: a flipped line break joins
     * them), plus the heading or table header that gives that run its meaning.
     */
    private static void damageBlockAround(String[] lines, int line, BitSet damaged) {
        int from = line;
        int to = line;
        boolean blank = line <= lines.length && lines[line - 1].isBlank();
        while (from > 1 && (!lines[from - 2].isBlank() || (blank && from == line))) {
            from--;
        }
        while (to < lines.length && (!lines[to].isBlank() || (blank && to == line))) {
            to++;
        }
        damaged.set(from, to + 1);
    }

    /** The 0-based index of a random blank line, or the end of the file. */
    private static int blankLine(String[] lines, Random random) {
        List<Integer> blank = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                blank.add(i);
            }
        }
        return blank.isEmpty() ? lines.length : blank.get(random.nextInt(blank.size()));
    }

    private static String[] insert(String[] lines, int at, String line) {
        List<String> out = new ArrayList<>(Arrays.asList(lines));
        out.add(Math.min(at, out.size()), line);
        return out.toArray(String[]::new);
    }

    private static byte[] join(String[] lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }
}
