package dev.shelf.ingest;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an OPML outline, as feed readers (Feedly, Inoreader, NetNewsWire) export subscriptions: nested
 * {@code <outline>} folders give the section path, each outline with an address is an entry titled by its
 * {@code text} (or {@code title}), linking to its {@code htmlUrl} (else its {@code xmlUrl}) with the feed kept
 * among its links. Read with the JDK's StAX; a file that declares a DTD is refused outright, so that it can neither
 * make Shelf read another file (XXE) nor expand entities without end (billion laughs).
 * NOTE: instances are thread-safe (the factory is configured once and only read).
 */
final class OpmlParser {

    private final XMLInputFactory factory;

    OpmlParser() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    /** An outline element being read: its folder name when it is a folder, else null. */
    private record Open(String folder) {
    }

    ParsedList parse(Path file, String text) {
        EntryCollector out = new EntryCollector(file);
        LineIndex lines = new LineIndex(text);
        Deque<Open> open = new ArrayDeque<>();
        String name = null;
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(new StringReader(text));
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new UnreadableListException("OPML file declares a DTD or entities, which Shelf refuses (they"
                            + " could read other files or expand without end); export the outline again without them", null);
                }
                if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equalsIgnoreCase("title")
                        && name == null && open.isEmpty()) {
                    name = TextCleaner.title(xml.getElementText());
                } else if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("outline")) {
                    open.push(new Open(outline(xml, startLine(xml, text, lines), folders(open), out)));
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("outline")) {
                    open.pop();
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new UnreadableListException("is not well-formed OPML" + (line > 0 ? " (line " + line + ")" : "") + ": "
                    + firstLine(e.getMessage()), e);
        } finally {
            close(xml);
        }
        return out.result(name == null || name.isEmpty() ? null : name);
    }

    /** Reads one outline: an entry when it has an address, else a folder whose name it returns. */
    private static String outline(XMLStreamReader xml, int line, List<String> section, EntryCollector out) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            // Exporters disagree on case (htmlUrl, htmlurl, HTMLURL).
            attributes.put(xml.getAttributeLocalName(i).toLowerCase(Locale.ROOT), xml.getAttributeValue(i).strip());
        }
        String title = attributes.getOrDefault("text", "");
        if (title.isEmpty()) {
            title = attributes.getOrDefault("title", "");
        }
        List<String> urls = new ArrayList<>();
        boolean addressed = false;
        for (String key : List.of("htmlurl", "url", "xmlurl")) {
            String raw = attributes.getOrDefault(key, "");
            if (!raw.isEmpty()) {
                addressed = true;
                out.canonical(raw, line).ifPresent(urls::add);
            }
        }
        if (!addressed) {
            return title.isEmpty() ? null : TextCleaner.heading(title);
        }
        if (urls.isEmpty()) {
            return null;
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        Optional.ofNullable(attributes.get("category")).filter(c -> !c.isEmpty()).ifPresent(c -> metadata.put("Category", c));
        out.link(title.isEmpty() ? urls.get(0) : title, urls, attributes.getOrDefault("description", ""), section, line,
                metadata);
        return null;
    }

    /** StAX locates the end of a start tag; an outline written over several lines is found at its {@code <}. */
    private static int startLine(XMLStreamReader xml, String text, LineIndex lines) {
        int end = xml.getLocation().getCharacterOffset();
        if (end <= 0 || end > text.length()) {
            return xml.getLocation().getLineNumber();
        }
        int start = text.lastIndexOf('<', end - 1);
        return start < 0 ? xml.getLocation().getLineNumber() : lines.lineOf(start);
    }

    private static List<String> folders(Deque<Open> open) {
        List<String> path = new ArrayList<>();
        open.descendingIterator().forEachRemaining(o -> {
            if (o.folder() != null) {
                path.add(o.folder());
            }
        });
        return path;
    }

    /** The JDK's message without its "ParseError at [row,col]" preamble, which the warning already says. */
    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int at = text.indexOf("Message: ");
        return at < 0 ? text : text.substring(at + "Message: ".length()).strip();
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // Closing a reader over a string releases nothing; a failure here cannot lose data.
            }
        }
    }
}
