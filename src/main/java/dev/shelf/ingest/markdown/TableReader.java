package dev.shelf.ingest.markdown;

import dev.shelf.ingest.EntryCollector;
import dev.shelf.ingest.Kind;
import dev.shelf.ingest.TextCleaner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Node;

/**
 * Reads GFM tables: each body row is one entry. Its title is the first column's link text, or, when that says
 * nothing ("🔗", "Article"), the first column with text. Its description is the description column (a header such
 * as "Description" or "Notes"), or else the first text column after the title; every other column with text is
 * metadata under its header. A row that links outside the description column is a link entry, else a concept; links
 * inside the description column are link entries of their own, described by the sentence around them. A row with
 * more or fewer cells than its header is read and reported; an empty or untitled row is skipped and reported.
 * NOTE: one instance serves one parse; it is not thread-safe.
 */
final class TableReader {

    /** A link of a row that points somewhere: the column it is in, the link as written, its canonical URL. */
    private record RowLink(int column, InlineText.LinkRef ref, String url) {
    }

    /** A row's title and the column it was taken from. */
    private record Title(String text, int column) {
    }

    /** What a row says besides its title: its description and its other columns, by header. */
    private record RowText(String description, Map<String, String> metadata) {
    }

    private final EntryCollector out;
    private final SectionTracker sections;
    private final String[] lines;

    /** A reader for the tables of a list whose source lines are given, to count the cells a row was written with. */
    TableReader(EntryCollector out, SectionTracker sections, String[] lines) {
        this.out = out;
        this.sections = sections;
        this.lines = lines;
    }

    /** Reads each body row of the table as an entry under the current section; a bad row costs only itself. */
    void read(TableBlock table) {
        TableHeader header = TableHeader.of(table);
        List<TableRow> rows = bodyRows(table);
        int tableLine = Nodes.line(table);
        for (int r = 0; r < rows.size(); r++) {
            TableRow row = rows.get(r);
            // The header and the delimiter row come before the first body row.
            int line = row.getSourceSpans().isEmpty() ? tableLine + 2 + r : Nodes.line(row);
            try {
                row(row, header, line);
            } catch (RuntimeException e) {
                out.warn(line, "skipped a table row that could not be read: " + e);
            }
        }
    }

    /**
     * How many cells a table row's source line holds: its unescaped pipes outside code spans, less the leading and
     * trailing ones.
     */
    static int cellsWritten(String sourceLine) {
        String row = sourceLine.strip();
        int pipes = 0;
        boolean code = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '`') {
                code = !code;
            } else if (c == '|' && !code && (i == 0 || row.charAt(i - 1) != '\\')) {
                pipes++;
            }
        }
        int cells = pipes + 1;
        if (row.startsWith("|")) {
            cells--;
        }
        if (row.endsWith("|") && row.length() > 1) {
            cells--;
        }
        return cells;
    }

    private static List<TableRow> bodyRows(TableBlock table) {
        List<TableRow> rows = new ArrayList<>();
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                if (part instanceof TableBody && row instanceof TableRow tableRow) {
                    rows.add(tableRow);
                }
            }
        }
        return rows;
    }

    private void row(TableRow row, TableHeader header, int line) {
        List<InlineText> cells = cells(row);
        reportCellCount(line, header.names().size());
        if (cells.stream().allMatch(c -> c.text().isBlank())) {
            out.warn(line, "skipped an empty table row");
            return;
        }
        List<RowLink> links = links(cells, line);
        Title title = linkTitle(links);
        if (title == null) {
            title = textTitle(cells, header);
        }
        if (title == null) {
            out.warn(line, "skipped a table row without a title: \"" + cells.get(0).text() + "\"");
            return;
        }
        List<String> section = sections.path(List.of());
        List<RowLink> inline = links.stream()
                .filter(link -> link.column() == header.descriptionColumn() && !link.ref().imageOnly()).toList();
        addRowEntry(title, links, inline, describe(cells, header, title.column()), header, section, line);
        for (RowLink link : inline) {
            String anchor = TextCleaner.title(link.ref().text());
            String linkTitle = LinkText.isPlaceholder(anchor)
                    ? TextCleaner.title(title.text()) + " (" + anchor + ")" : anchor;
            String sentence = cells.get(header.descriptionColumn()).sentenceAround(link.ref());
            out.link(linkTitle, List.of(link.url()), sentence, section, line, Map.of());
        }
    }

    private static List<InlineText> cells(TableRow row) {
        List<InlineText> cells = new ArrayList<>();
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
            if (cell instanceof TableCell) {
                cells.add(InlineText.of(cell));
            }
        }
        return cells;
    }

    /** Reports a row written with more or fewer cells than its header (commonmark quietly pads or drops them). */
    private void reportCellCount(int line, int headerCells) {
        int written = line < 1 || line > lines.length ? 0 : cellsWritten(lines[line - 1]);
        String counts = "table row has " + written + " cells but its header has " + headerCells;
        if (written > headerCells) {
            out.warn(line, counts + "; the extra cells are ignored");
        } else if (written > 0 && written < headerCells) {
            out.warn(line, counts + "; the missing cells are read as empty");
        }
    }

    /** Every link of the row with an http(s) destination, in order; the others are reported once, here. */
    private List<RowLink> links(List<InlineText> cells, int line) {
        List<RowLink> links = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            for (InlineText.LinkRef ref : cells.get(i).links()) {
                int column = i;
                out.canonical(ref.destination(), line).ifPresent(url -> links.add(new RowLink(column, ref, url)));
            }
        }
        return links;
    }

    /** The text of the first column's first link that says something, or null. */
    private static Title linkTitle(List<RowLink> links) {
        for (RowLink link : links) {
            if (link.column() == 0 && !link.ref().imageOnly() && !LinkText.isPlaceholder(link.ref().text())) {
                return new Title(link.ref().text(), 0);
            }
        }
        return null;
    }

    /** The text (besides links) of the first column that says something, other than the description, or null. */
    private static Title textTitle(List<InlineText> cells, TableHeader header) {
        for (int i = 0; i < cells.size(); i++) {
            String text = TextCleaner.title(cells.get(i).textWithoutLinks());
            if (i != header.descriptionColumn() && !text.isEmpty() && !LinkText.isPlaceholder(text)) {
                return new Title(text, i);
            }
        }
        return null;
    }

    /**
     * The row's description and metadata. Without a description column the first text column after the title
     * describes the row; columns holding only links (or placeholder text) say nothing and are left out.
     */
    private static RowText describe(List<InlineText> cells, TableHeader header, int titleColumn) {
        int descriptionColumn = header.descriptionColumn();
        String description = descriptionColumn >= 0 && descriptionColumn < cells.size()
                ? cells.get(descriptionColumn).text() : "";
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String text = TextCleaner.prose(cells.get(i).textWithoutLinks());
            boolean linkOnly = text.isEmpty() || LinkText.isPlaceholder(text);
            if (i == titleColumn || i == descriptionColumn || linkOnly) {
                continue;
            }
            if (descriptionColumn < 0 && description.isEmpty() && i > titleColumn) {
                description = cells.get(i).text();
            } else {
                metadata.put(header.name(i), text);
            }
        }
        return new RowText(description, metadata);
    }

    /**
     * The row's own entry: a link entry when it links outside the description column (those links first), else a
     * concept that keeps the description's links.
     */
    private void addRowEntry(Title title, List<RowLink> links, List<RowLink> inline, RowText text, TableHeader header,
                             List<String> section, int line) {
        List<String> own = links.stream().filter(link -> link.column() != header.descriptionColumn())
                .map(RowLink::url).toList();
        List<String> inlineUrls = inline.stream().map(RowLink::url).toList();
        if (own.isEmpty()) {
            out.entry(title.text(), Kind.CONCEPT, inlineUrls, text.description(), section, line, text.metadata());
        } else {
            List<String> all = new ArrayList<>(own);
            all.addAll(inlineUrls);
            out.link(title.text(), all, text.description(), section, line, text.metadata());
        }
    }
}
