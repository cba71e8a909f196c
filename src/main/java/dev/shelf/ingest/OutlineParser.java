package dev.shelf.ingest;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a plain-text outline (a wiki page saved as text): short lines standing alone are headings, bullets
 * ({@code •}, {@code ◦}, {@code -}, {@code *}) nest by indentation, {@code Term - definition} bullets are concepts
 * whose nested bullets extend the definition, and everything else under a heading is that section's prose.
 * The first non-blank line is the page's title. NOTE: instances are stateless and thread-safe.
 */
final class OutlineParser {

    private static final Pattern BULLET = Pattern.compile("^[•◦▪‣·\\-*]\\s+(.*)$");
    /** "Term - definition", "Term- definition" or "Term -" (definition in the nested bullets). */
    private static final Pattern TERM = Pattern.compile("^(\\S.{0,48}?)\\s*-(?:\\s+(.*)|$)");
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.:;,!?]$");
    private static final int MAX_HEADING_WEIGHT = 6;
    private static final int MAX_HEADING_LENGTH = 50;
    private static final int MAX_TERM_WEIGHT = 5;
    private static final int MIN_SECTION_WEIGHT = 10;
    private static final int TAB_WIDTH = 4;

    /** A concept being read: its definition grows with the bullets nested under it. */
    private static final class Concept {
        final String term;
        final List<String> section;
        final int line;
        final int indent;
        final List<String> definition = new ArrayList<>();

        Concept(String term, String definition, List<String> section, int line, int indent) {
            this.term = term;
            this.section = section;
            this.line = line;
            this.indent = indent;
            if (!definition.isBlank()) {
                this.definition.add(definition.strip());
            }
        }
    }

    private record Open(int indent, Concept concept) {
    }

    ParsedList parse(Path file, String text) {
        EntryCollector out = new EntryCollector(file);
        String[] lines = text.split("\r?\n|\r", -1);
        String name = null;
        String heading = null;
        int headingLine = 1;
        List<String> prose = new ArrayList<>();
        List<Concept> concepts = new ArrayList<>();
        Deque<Open> open = new ArrayDeque<>();
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            if (raw.isBlank()) {
                continue;
            }
            int lineNumber = i + 1;
            String content = raw.strip();
            if (name == null) {
                name = TextCleaner.title(content);
                continue;
            }
            int indent = indentOf(raw);
            Matcher bullet = BULLET.matcher(content);
            boolean isBullet = bullet.matches();
            boolean standsAlone = (i == 0 || lines[i - 1].isBlank()) && (i + 1 >= lines.length || lines[i + 1].isBlank());
            if (!isBullet && indent == 0 && standsAlone && isHeading(content)) {
                emit(out, heading, headingLine, prose, concepts);
                open.clear();
                heading = TextCleaner.heading(content);
                headingLine = lineNumber;
                continue;
            }
            while (!open.isEmpty() && open.peek().indent() >= indent) {
                open.pop();
            }
            Concept parent = open.isEmpty() ? null : open.peek().concept();
            if (!isBullet) {
                open.clear();
                prose.add(content);
                continue;
            }
            String item = bullet.group(1).strip();
            Matcher term = TERM.matcher(item);
            boolean hasChildren = i + 1 < lines.length && nextContentIndent(lines, i + 1) > indent;
            if (term.matches() && TextCleaner.weight(term.group(1)) <= MAX_TERM_WEIGHT
                    && (term.group(2) != null && !term.group(2).isBlank() || hasChildren)) {
                List<String> section = heading == null ? List.of() : List.of(heading);
                Concept concept = new Concept(TextCleaner.title(term.group(1)),
                        term.group(2) == null ? "" : term.group(2), section, lineNumber, indent);
                concepts.add(concept);
                open.push(new Open(indent, concept));
            } else if (parent != null) {
                parent.definition.add(item);
                open.push(new Open(indent, parent));
            } else {
                prose.add(item);
                open.push(new Open(indent, null));
            }
        }
        emit(out, heading, headingLine, prose, concepts);
        if (name == null) {
            out.warn(0, "the file holds no text");
        }
        return out.result(name);
    }

    private static void emit(EntryCollector out, String heading, int headingLine, List<String> prose,
                             List<Concept> concepts) {
        for (Concept concept : concepts) {
            out.entry(concept.term, Kind.CONCEPT, List.of(), String.join("\n", concept.definition), concept.section,
                    concept.line, Map.of());
        }
        String text = String.join("\n", prose);
        if (heading != null && TextCleaner.weight(text) >= MIN_SECTION_WEIGHT) {
            out.entry(heading, Kind.SECTION, List.of(), text, List.of(), headingLine, Map.of());
        }
        prose.clear();
        concepts.clear();
    }

    private static boolean isHeading(String content) {
        return content.length() <= MAX_HEADING_LENGTH
                && TextCleaner.weight(content) <= MAX_HEADING_WEIGHT
                && !SENTENCE_END.matcher(content).matches()
                && !BULLET.matcher(content).matches();
    }

    private static int nextContentIndent(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return BULLET.matcher(lines[i].strip()).matches() ? indentOf(lines[i]) : -1;
            }
        }
        return -1;
    }

    private static int indentOf(String line) {
        int width = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\u00a0') {
                width++;
            } else if (c == '\t') {
                width += TAB_WIDTH;
            } else {
                break;
            }
        }
        return width;
    }
}
