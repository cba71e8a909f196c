package dev.shelf.ingest;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads a Markdown reading list through commonmark's syntax tree (with GFM tables): headings give section paths,
 * links in headings, list items, paragraphs and table rows become link entries, link-less table rows and
 * {@code **Term**: definition} items become concepts, and prose under a heading becomes a section entry. Navigation
 * (in-page anchors), badges, images, code and diagrams, HTML wrappers and licence or author footers are left out.
 * NOTE: instances are thread-safe; each parse walks its own state.
 */
final class MarkdownParser {

    /** Blocks nested deeper than this (quotes in lists in quotes...) are read without recursion. */
    static final int MAX_DEPTH = 64;
    /** Unclosed HTML blocks and code fences repaired per file: each repair parses the file again. */
    private static final int MAX_UNCLOSED_REPAIRS = 5;
    /** A list item or paragraph that carries links also counts as prose when it says this much besides them. */
    private static final int MIN_PROSE_BESIDES_LINKS = 12;
    /** Parent list items at most this long name a sub-section for the links nested under them. */
    private static final int MAX_LIST_LABEL_WEIGHT = 8;

    private final Parser parser = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    ParsedList parse(Path file, String text) {
        String[] lines = text.split("\\r?\\n|\\r", -1);
        List<MarkdownGuard.Note> notes = new ArrayList<>();
        MarkdownGuard.limitNesting(lines, MAX_DEPTH, notes);
        Node document = parser.parse(String.join("\n", lines));
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
        Walk walk = new Walk(file, lines);
        notes.forEach(note -> walk.out.warn(note.line(), note.message()));
        return walk.run(document);
    }

    private static final class Walk {
        private final EntryCollector out;
        private final SectionTracker sections;
        private final TableReader tables;

        Walk(Path file, String[] lines) {
            this.out = new EntryCollector(file);
            this.sections = new SectionTracker(out);
            this.tables = new TableReader(out, sections, lines);
        }

        ParsedList run(Node document) {
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
                case Paragraph p -> paragraph(p, listPath);
                case ListBlock list -> list(list, listPath, depth);
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

        private void paragraph(Paragraph paragraph, List<String> listPath) {
            InlineText inline = InlineText.of(paragraph);
            boolean linked = linkEntries(inline, Nodes.line(paragraph), listPath);
            if (!linked || sections.describingHeadingLink()
                    || inline.weightWithoutLinks() >= MIN_PROSE_BESIDES_LINKS) {
                sections.addProse(inline.text());
            }
        }

        /** Adds an entry for every link of the text; true when the text had any. */
        private boolean linkEntries(InlineText inline, int line, List<String> listPath) {
            boolean any = false;
            for (InlineText.LinkRef ref : inline.links()) {
                if (ref.imageOnly()) {
                    continue;
                }
                String destination = ref.destination() == null ? "" : ref.destination().strip();
                String title = linkTitle(ref, inline, listPath);
                if (destination.isEmpty()) {
                    // [tiktoken]() names something without pointing anywhere: a concept, not a broken link.
                    out.entry(title, Kind.CONCEPT, List.of(), inline.textWithoutLinks(), sections.path(listPath), line, Map.of());
                    any = true;
                    continue;
                }
                var url = out.canonical(destination, line);
                if (url.isPresent()) {
                    String sentence = inline.sentenceAround(ref);
                    if (sentence.equals(TextCleaner.prose(ref.text()))) {
                        // The link is all the text there is: it has a title but no description.
                        sentence = "";
                    }
                    TextCleaner.TitleFacts facts = TextCleaner.facts(title);
                    out.link(facts.title(), List.of(url.get()), sentence, sections.path(listPath), line, facts.facts());
                    any = true;
                }
            }
            return any;
        }

        private String linkTitle(InlineText.LinkRef ref, InlineText inline, List<String> listPath) {
            if (ref.label() != null) {
                return ref.label();
            }
            if (!TextCleaner.isPlaceholder(ref.text())) {
                return ref.text();
            }
            String besides = inline.textWithoutLinks();
            if (!besides.isEmpty() && inline.weightWithoutLinks() <= MAX_LIST_LABEL_WEIGHT) {
                return besides;
            }
            List<String> context = sections.path(listPath);
            String where = context.isEmpty() ? sections.name() : context.get(context.size() - 1);
            return (where == null ? "" : where + " ") + "(" + TextCleaner.title(ref.text()) + ")";
        }

        /**
         * Reads blocks nested deeper than {@link #MAX_DEPTH} without recursion: their paragraphs still give entries,
         * under the section path reached at that depth.
         */
        private void flattened(Node deep, List<String> listPath) {
            out.warn(Nodes.line(deep), "nested more than " + MAX_DEPTH + " levels deep; the deeper part is read as if it were"
                    + " at that level");
            Deque<Node> pending = new ArrayDeque<>();
            pending.push(deep);
            while (!pending.isEmpty()) {
                Node node = pending.pop();
                if (node instanceof Paragraph paragraph) {
                    paragraph(paragraph, listPath);
                } else if (!(node instanceof TableBlock || node instanceof HtmlBlock || node instanceof Heading)) {
                    for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                        pending.push(child);
                    }
                }
            }
        }

        private void list(ListBlock list, List<String> listPath, int depth) {
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem listItem) {
                    try {
                        listItem(listItem, listPath, depth);
                    } catch (RuntimeException e) {
                        out.warn(Nodes.line(listItem), "skipped a list item that could not be read: " + e);
                    }
                }
            }
        }

        private void listItem(ListItem item, List<String> listPath, int depth) {
            Node first = item.getFirstChild();
            List<String> childPath = listPath;
            Node rest = first;
            if (first instanceof Paragraph label) {
                rest = first.getNext();
                InlineText inline = InlineText.of(label);
                int line = Nodes.line(label);
                if (!conceptItem(label, inline, line, listPath)) {
                    boolean linked = linkEntries(inline, line, listPath);
                    if (!linked || inline.weightWithoutLinks() >= MIN_PROSE_BESIDES_LINKS) {
                        sections.addProse(inline.text());
                    }
                    String labelText = TextCleaner.heading(inline.text());
                    if (!linked && !labelText.isEmpty() && TextCleaner.weight(labelText) <= MAX_LIST_LABEL_WEIGHT) {
                        childPath = append(listPath, labelText);
                    }
                }
            }
            for (Node child = rest; child != null; child = child.getNext()) {
                block(child, childPath, depth + 1);
            }
        }

        /** A {@code **Term**: definition} item is a concept; its inline links are entries of their own. */
        private boolean conceptItem(Paragraph label, InlineText inline, int line, List<String> listPath) {
            if (!(label.getFirstChild() instanceof StrongEmphasis term) || containsLink(term)
                    || !(term.getNext() instanceof Text after) || !after.getLiteral().stripLeading().startsWith(":")) {
                return false;
            }
            String title = TextCleaner.heading(InlineText.of(term).text());
            String raw = inline.text();
            int colon = raw.indexOf(':');
            String definition = colon >= 0 ? raw.substring(colon + 1).strip() : raw;
            List<String> links = new ArrayList<>();
            for (InlineText.LinkRef ref : inline.links()) {
                out.canonical(ref.destination(), line).ifPresent(links::add);
            }
            out.entry(title, Kind.CONCEPT, links, definition, sections.path(listPath), line, Map.of());
            linkEntries(inline, line, listPath);
            return true;
        }

        private static List<String> append(List<String> path, String last) {
            List<String> longer = new ArrayList<>(path);
            longer.add(last);
            return longer;
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
}
