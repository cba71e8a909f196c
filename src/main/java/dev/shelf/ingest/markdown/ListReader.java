package dev.shelf.ingest.markdown;

import dev.shelf.ingest.EntryCollector;
import dev.shelf.ingest.Kind;
import dev.shelf.ingest.TextCleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * Reads Markdown lists, item by item. An item's first paragraph is running text ({@link ProseReader}), except a
 * {@code **Term**: definition} item, which is a concept whose links are also entries of their own. An item without
 * link entries that is short enough to be a label ({@link LinkOrProse#isLabel}) names a sub-section: its text joins
 * the path of the entries nested under it. The blocks nested in an item are read by the walker, one level deeper.
 * An item that cannot be read costs only itself, with a warning. NOTE: one instance serves one parse.
 */
final class ListReader {

    /** Reads a block nested in a list item, under the given list labels, at the given nesting depth. */
    @FunctionalInterface
    interface NestedBlocks {
        void read(Node block, List<String> listPath, int depth);
    }

    private final EntryCollector out;
    private final SectionTracker sections;
    private final ProseReader prose;
    private final NestedBlocks nested;

    ListReader(EntryCollector out, SectionTracker sections, ProseReader prose, NestedBlocks nested) {
        this.out = out;
        this.sections = sections;
        this.prose = prose;
        this.nested = nested;
    }

    /** Reads a list found under the given list labels, at the given nesting depth. */
    void read(ListBlock list, List<String> listPath, int depth) {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (item instanceof ListItem listItem) {
                try {
                    item(listItem, listPath, depth);
                } catch (RuntimeException e) {
                    out.warn(Nodes.line(listItem), "skipped a list item that could not be read: " + e);
                }
            }
        }
    }

    private void item(ListItem item, List<String> listPath, int depth) {
        Node first = item.getFirstChild();
        List<String> childPath = listPath;
        Node rest = first;
        if (first instanceof Paragraph text) {
            rest = first.getNext();
            childPath = itemText(text, listPath);
        }
        for (Node child = rest; child != null; child = child.getNext()) {
            nested.read(child, childPath, depth + 1);
        }
    }

    /** Reads the item's first paragraph; returns the list path of the blocks nested under the item. */
    private List<String> itemText(Paragraph text, List<String> listPath) {
        InlineText inline = InlineText.of(text);
        int line = Nodes.line(text);
        if (concept(text, inline, line, listPath)) {
            return listPath;
        }
        boolean linked = prose.itemText(inline, line, listPath);
        String label = TextCleaner.heading(inline.text());
        if (linked || !LinkOrProse.isLabel(label, TextCleaner.weight(label))) {
            return listPath;
        }
        List<String> longer = new ArrayList<>(listPath);
        longer.add(label);
        return longer;
    }

    /** Adds a {@code **Term**: definition} item as a concept and its links as entries; false for any other item. */
    private boolean concept(Paragraph text, InlineText inline, int line, List<String> listPath) {
        if (!(text.getFirstChild() instanceof StrongEmphasis term) || containsLink(term)
                || !(term.getNext() instanceof Text after) || !after.getLiteral().stripLeading().startsWith(":")) {
            return false;
        }
        String title = TextCleaner.heading(InlineText.of(term).text());
        String raw = inline.text();
        int colon = raw.indexOf(':');
        String definition = colon >= 0 ? raw.substring(colon + 1).strip() : raw;
        List<String> urls = new ArrayList<>();
        for (InlineText.LinkRef ref : inline.links()) {
            out.canonical(ref.destination(), line).ifPresent(urls::add);
        }
        out.entry(title, Kind.CONCEPT, urls, definition, sections.path(listPath), line, Map.of());
        prose.linkEntries(inline, line, listPath);
        return true;
    }

    private static boolean containsLink(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Link || containsLink(child)) {
                return true;
            }
        }
        return false;
    }
}
