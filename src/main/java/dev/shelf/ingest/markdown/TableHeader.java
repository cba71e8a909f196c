package dev.shelf.ingest.markdown;

import dev.shelf.ingest.TextCleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Node;

/**
 * The header of a GFM table: the names of its columns and which column, if any, describes the rows.
 *
 * @param names the cleaned header cells, in order
 * @param descriptionColumn the first column after the first whose header reads like "Description", "Notes" or
 *     "Summary" (in English or Chinese), or -1 when there is none; never 0, since the first column names the row
 */
record TableHeader(List<String> names, int descriptionColumn) {

    private static final Pattern DESCRIPTION_HEADER = Pattern.compile(
            "(?i).*(description|details|notes|summary|敘述|描述|說明|说明).*");

    TableHeader {
        names = List.copyOf(names);
    }

    static TableHeader of(TableBlock table) {
        return of(names(table));
    }

    static TableHeader of(List<String> names) {
        for (int i = 1; i < names.size(); i++) {
            if (DESCRIPTION_HEADER.matcher(names.get(i)).matches()) {
                return new TableHeader(names, i);
            }
        }
        return new TableHeader(names, -1);
    }

    /** The metadata key of a column: its header, or "column N" (1-based) when it has none. */
    String name(int column) {
        return column < names.size() && !names.get(column).isEmpty() ? names.get(column) : "column " + (column + 1);
    }

    private static List<String> names(TableBlock table) {
        List<String> names = new ArrayList<>();
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                if (part instanceof TableHead && row instanceof TableRow) {
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        names.add(TextCleaner.heading(InlineText.of(cell).text()));
                    }
                }
            }
        }
        return names;
    }
}
