package dev.shelf.ingest.markdown;

import dev.shelf.ingest.EntryCollector;
import dev.shelf.ingest.ParsedList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * Walks the blocks of one parsed Markdown list in order and hands each to the piece that reads it: headings and HTML
 * blocks to {@link SectionTracker}, paragraphs to {@link ProseReader}, lists to {@link ListReader}, tables to
 * {@link TableReader}; quotes are read through. Code blocks, diagrams, thematic breaks and link definitions hold
 * nothing to find. Blocks in a part the tracker skips are passed over, and blocks nested deeper than
 * {@link #MAX_DEPTH} are read flat, without recursion. A block that cannot be read costs only itself, with a warning.
 * NOTE: one instance serves one parse; it is not thread-safe.
 */
final class BlockWalker {

    /** Blocks nested deeper than this (quotes in lists in quotes...) are read without recursion. */
    static final int MAX_DEPTH = 64;

    private final EntryCollector out;
    private final SectionTracker sections;
    private final ProseReader prose;
    private final ListReader lists;
    private final TableReader tables;

    /**
     * A walker that adds to the given collector; the source lines let tables count the cells a row was written
     * with.
     */
    BlockWalker(EntryCollector out, String[] lines) {
        this.out = out;
        this.sections = new SectionTracker(out);
        this.prose = new ProseReader(out, sections);
        this.lists = new ListReader(out, sections, prose, this::block);
        this.tables = new TableReader(out, sections, lines);
    }

    /** Reads every block of the document; the collector's entries and warnings, with the list's name. */
    ParsedList walk(Node document) {
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            try {
                block(block, List.of(), 0);
            } catch (RuntimeException e) {
                out.warn(Nodes.line(block), "skipped a block that could not be read: " + e);
            }
        }
        sections.closeSection();
        return out.result(sections.name());
    }

    private void block(Node block, List<String> listPath, int depth) {
        if (block instanceof Heading heading) {
            sections.heading(heading);
            return;
        }
        if (sections.skipping()) {
            return;
        }
        if (depth > MAX_DEPTH) {
            flattened(block, listPath);
            return;
        }
        switch (block) {
            case Paragraph paragraph -> prose.paragraph(paragraph, listPath);
            case ListBlock list -> lists.read(list, listPath, depth);
            case TableBlock table -> tables.read(table);
            case BlockQuote quote -> {
                for (Node child = quote.getFirstChild(); child != null; child = child.getNext()) {
                    block(child, listPath, depth + 1);
                }
            }
            case HtmlBlock html -> sections.htmlBlock(html.getLiteral());
            default -> {
                // Code blocks, diagrams, thematic breaks and link definitions hold nothing to find.
            }
        }
    }

    /**
     * Reads blocks nested deeper than {@link #MAX_DEPTH} without recursion: their paragraphs still give entries,
     * under the section path reached at that depth.
     */
    private void flattened(Node deep, List<String> listPath) {
        out.warn(Nodes.line(deep), "nested more than " + MAX_DEPTH + " levels deep; the deeper part is read as if it"
                + " were at that level");
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(deep);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof Paragraph paragraph) {
                prose.paragraph(paragraph, listPath);
            } else if (!(node instanceof TableBlock || node instanceof HtmlBlock || node instanceof Heading)) {
                for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                    pending.push(child);
                }
            }
        }
    }
}
