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
        final List<String> definition = new ArrayList<>();

        Concept(String term, String definition, List<String> section, int line) {
            this.term = term;
            this.section = section;
            this.line = line;
            if (!definition.isBlank()) {
                this.definition.add(definition.strip());
            }
        }
    }

    /** A bullet above the current line: its indentation, and the concept it extends or null. */
    private record Open(int indent, Concept concept) {
    }

    ParsedList parse(Path file, String text) {
        return new Reading(new EntryCollector(file), text.split("\r?\n|\r", -1)).read();
    }

    /** One parse of one page: its name, the current heading with its prose, and the concepts being read. */
    private static final class Reading {
        private final EntryCollector out;
        private final String[] lines;
        private final List<String> prose = new ArrayList<>();
        private final List<Concept> concepts = new ArrayList<>();
        private final Deque<Open> open = new ArrayDeque<>();
        private String name;
        private String heading;
        private int headingLine = 1;

        Reading(EntryCollector out, String[] lines) {
            this.out = out;
            this.lines = lines;
        }

        ParsedList read() {
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    line(i);
                }
            }
            emit();
            if (name == null) {
                out.warn(0, "the file holds no text");
            }
            return out.result(name);
        }

        private void line(int i) {
            String content = lines[i].strip();
            if (name == null) {
                name = TextCleaner.title(content);
                return;
            }
            int indent = indentOf(lines[i]);
            Matcher bullet = BULLET.matcher(content);
            boolean isBullet = bullet.matches();
            if (!isBullet && indent == 0 && standsAlone(i) && isHeading(content)) {
                emit();
                open.clear();
                heading = TextCleaner.heading(content);
                headingLine = i + 1;
                return;
            }
            while (!open.isEmpty() && open.peek().indent() >= indent) {
                open.pop();
            }
            if (isBullet) {
                bullet(bullet.group(1).strip(), i, indent);
            } else {
                open.clear();
                prose.add(content);
            }
        }

        /** A line with a blank line (or the edge of the file) on both sides. */
        private boolean standsAlone(int i) {
            return (i == 0 || lines[i - 1].isBlank()) && (i + 1 >= lines.length || lines[i + 1].isBlank());
        }

        /**
         * A bullet starts a concept when it reads "Term - definition" (or "Term -" with nested bullets); otherwise
         * it extends the concept of the bullet above it, or is prose.
         */
        private void bullet(String item, int i, int indent) {
            Concept parent = open.isEmpty() ? null : open.peek().concept();
            Matcher term = TERM.matcher(item);
            boolean hasChildren = i + 1 < lines.length && nextContentIndent(lines, i + 1) > indent;
            if (term.matches() && TextCleaner.weight(term.group(1)) <= MAX_TERM_WEIGHT
                    && (term.group(2) != null && !term.group(2).isBlank() || hasChildren)) {
                List<String> section = heading == null ? List.of() : List.of(heading);
                Concept concept = new Concept(TextCleaner.title(term.group(1)),
                        term.group(2) == null ? "" : term.group(2), section, i + 1);
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

        /** Emits the concepts read under the current heading, then its prose as a section when there is enough. */
        private void emit() {
            for (Concept concept : concepts) {
                out.entry(concept.term, Kind.CONCEPT, List.of(), String.join("\n", concept.definition),
                        concept.section, concept.line, Map.of());
            }
            String text = String.join("\n", prose);
            if (heading != null && TextCleaner.weight(text) >= MIN_SECTION_WEIGHT) {
                out.entry(heading, Kind.SECTION, List.of(), text, List.of(), headingLine, Map.of());
            }
            prose.clear();
            concepts.clear();
        }
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
