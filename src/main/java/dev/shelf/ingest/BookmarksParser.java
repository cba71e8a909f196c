package dev.shelf.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads a Netscape bookmark file, the HTML that Chrome, Firefox, Safari, Edge, Raindrop and Pinboard export
 * (and Pocket's list of anchors): nested {@code <DL>} folders named by their {@code <H3>} give the section path,
 * {@code TAGS} and {@code ADD_DATE} go to metadata, a {@code <DD>} describes the bookmark before it. jsoup parses it
 * as browsers do (unclosed {@code <DT>}s, entities) and tracks source positions, so warnings name the line.
 * NOTE: instances are stateless and thread-safe.
 */
final class BookmarksParser {

    ParsedList parse(Path file, String text) {
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        Document doc = parser.parseInput(text, "");
        EntryCollector out = new EntryCollector(file);
        for (Element anchor : doc.select("a[href]")) {
            bookmark(anchor, out);
        }
        return out.result(name(doc));
    }

    private static void bookmark(Element anchor, EntryCollector out) {
        int line = anchor.sourceRange().start().lineNumber();
        String href = anchor.attr("href").strip();
        Optional<String> url = out.canonical(href, line);
        if (url.isEmpty()) {
            // Bookmarklets and place:/chrome:/about: addresses were warned about by canonical(); these were not.
            if (!href.contains(":") || href.startsWith("mailto:")) {
                out.warn(line, "skipped a bookmark whose address is not an absolute http(s) URL: \"" + href + "\"");
            }
            return;
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        String tags = CsvListParser.tags(anchor.attr("tags"));
        if (!tags.isEmpty()) {
            metadata.put("Tags", tags);
        }
        String added = anchor.hasAttr("add_date") ? anchor.attr("add_date") : anchor.attr("time_added");
        if (!added.isBlank()) {
            metadata.put("Added", CsvListParser.date(added.strip()));
        }
        String title = anchor.text();
        out.link(title.isBlank() ? url.get() : title, List.of(url.get()), description(anchor), section(anchor), line,
                metadata);
    }

    /** The {@code <DD>} right after the bookmark's {@code <DT>}; only its own text, not a folder nested in it. */
    private static String description(Element anchor) {
        Element dt = anchor.parent();
        if (dt == null || !dt.nameIs("dt")) {
            return "";
        }
        Element next = dt.nextElementSibling();
        return next != null && next.nameIs("dd") ? next.ownText() : "";
    }

    /**
     * The folder path: for each enclosing {@code <DL>}, the {@code <H3>} that names it (beside it, or in the
     * {@code <DT>} or {@code <DD>} that holds it, depending on where the browser left tags unclosed); for an
     * enclosing {@code <UL>} (Pocket), the heading just before it.
     */
    private static List<String> section(Element anchor) {
        List<String> path = new ArrayList<>();
        for (Element up = anchor.parent(); up != null; up = up.parent()) {
            String folder = null;
            if (up.nameIs("dl")) {
                folder = folderOf(up);
            } else if (up.nameIs("ul") || up.nameIs("ol")) {
                Element previous = up.previousElementSibling();
                folder = previous != null && previous.normalName().matches("h[1-6]") ? previous.text() : null;
            }
            if (folder != null && !folder.isBlank()) {
                path.add(TextCleaner.heading(folder));
            }
        }
        Collections.reverse(path);
        return path;
    }

    private static String folderOf(Element dl) {
        Element previous = dl.previousElementSibling();
        while (previous != null && previous.nameIs("p")) {
            previous = previous.previousElementSibling();
        }
        if (previous != null && previous.nameIs("h3")) {
            return previous.text();
        }
        Element holder = dl.parent();
        if (holder != null && holder.nameIs("dd")) {
            holder = holder.previousElementSibling();
        }
        if (holder != null && holder.nameIs("dt")) {
            Element h3 = holder.selectFirst("> h3");
            return h3 == null ? null : h3.text();
        }
        return null;
    }

    private static String name(Document doc) {
        String title = doc.title().strip();
        if (!title.isEmpty()) {
            return TextCleaner.title(title);
        }
        Element h1 = doc.selectFirst("h1");
        return h1 == null || h1.text().isBlank() ? null : TextCleaner.title(h1.text());
    }
}
