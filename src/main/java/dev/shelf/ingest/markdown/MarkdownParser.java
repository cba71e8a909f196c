package dev.shelf.ingest.markdown;

import dev.shelf.ingest.EntryCollector;
import dev.shelf.ingest.ParsedList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads a Markdown reading list into entries through commonmark's syntax tree (with GFM tables). The source is first
 * made safe to parse by {@link MarkdownGuard} (lines nested too deep are cut; an unclosed HTML block or code fence
 * that would hide the rest of the list is read as text), each repair reported as a warning at its line; then
 * {@link BlockWalker} reads the blocks into entries. NOTE: instances are thread-safe; each parse walks its own state.
 */
public final class MarkdownParser {

    /** Unclosed HTML blocks and code fences repaired per file: each repair parses the file again. */
    private static final int MAX_UNCLOSED_REPAIRS = 5;

    private final Parser parser = commonmark();

    /** The commonmark parser lists are read with: GFM tables, and source positions so that entries know their line. */
    static Parser commonmark() {
        return Parser.builder()
                .extensions(List.of(TablesExtension.create()))
                .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
                .build();
    }

    public ParsedList parse(Path file, String text) {
        String[] lines = text.split("\\r?\\n|\\r", -1);
        List<MarkdownGuard.Note> notes = new ArrayList<>();
        MarkdownGuard.limitNesting(lines, BlockWalker.MAX_DEPTH, notes);
        Node document = parseRepairingUnclosed(lines, notes);
        EntryCollector out = new EntryCollector(file);
        notes.forEach(note -> out.warn(note.line(), note.message()));
        return new BlockWalker(out, lines).walk(document);
    }

    /**
     * Parses the lines, escaping the first line of each block that would hide the lines after it and parsing again,
     * at most {@link #MAX_UNCLOSED_REPAIRS} times. Escaped lines are changed in place; each repair adds a note.
     */
    private Node parseRepairingUnclosed(String[] lines, List<MarkdownGuard.Note> notes) {
        Node document = parser.parse(String.join("\n", lines));
        // A final line break leaves an empty last "line" that no one would count.
        int lastLine = lines.length > 1 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        for (int repair = 0; repair < MAX_UNCLOSED_REPAIRS; repair++) {
            var unclosed = MarkdownGuard.unclosedBlock(document, lines);
            if (unclosed.isEmpty()) {
                break;
            }
            int index = unclosed.get().lineIndex();
            int last = Math.min(lastLine, unclosed.get().lastIndex() + 1);
            notes.add(new MarkdownGuard.Note(index + 1, unclosed.get().what() + " would hide lines " + (index + 2)
                    + "-" + last + "; read it as text and the lines after it as Markdown"));
            lines[index] = MarkdownGuard.escapeStart(lines[index]);
            document = parser.parse(String.join("\n", lines));
        }
        return document;
    }
}
