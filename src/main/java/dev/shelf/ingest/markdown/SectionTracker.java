package dev.shelf.ingest.markdown;

import dev.shelf.ingest.EntryCollector;
import dev.shelf.ingest.Kind;
import dev.shelf.ingest.TextCleaner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.Heading;

/**
 * Where a walk through one Markdown list stands in its outline, and the prose gathered there. It decides what each
 * heading is: the list's own name (the first level-1 heading, or an HTML {@code <h1>} before any heading), the start
 * of a part to skip (licence and contributor footers, tables of contents), a heading link ({@code ## [Title](url)},
 * described by the paragraphs under it), or a section whose title joins the path of the entries under it. Prose of a
 * section becomes one section entry when the next heading, or the end of the list, closes the section.
 * NOTE: one instance serves one parse; it is not thread-safe.
 */
final class SectionTracker {

    /** Headings whose whole part of the list is navigation or boilerplate, never something to find. */
    private static final Set<String> SKIPPED_HEADINGS = Set.of(
            "license", "licence", "contributing", "contributors",
            "about the author", "about the authors", "about me", "star history", "acknowledgements",
            "acknowledgments", "citation", "cite", "support", "sponsors");
    /**
     * Headings of a table of contents: skipped up to the next heading of any level, since lists often put the
     * contents at the top level and the sections it points to one level below it.
     */
    private static final Set<String> CONTENTS_HEADINGS = Set.of("table of contents", "contents", "toc");
    private static final Pattern HTML_H1 = Pattern.compile("(?is)<h1[^>]*>(.*?)</h1>");
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");
    /** Prose under a heading becomes a section resource from this many words on. */
    static final int MIN_SECTION_WEIGHT = 10;
    /** A skip level deeper than any heading: the next heading of any level ends the skip. */
    private static final int UNTIL_ANY_HEADING = Integer.MAX_VALUE;

    /** A heading above the current position. */
    private record Level(int level, String title) {
    }

    /** The section that prose is gathered for: its title, the path of the headings above it, its line. */
    private record Section(String title, List<String> path, int line) {
    }

    /** A {@code ## [Title](url)} heading: the prose under it is its description, not a section of its own. */
    private record HeadingLink(String title, List<String> urls, List<String> section, int line) {
    }

    private final EntryCollector out;
    private final Deque<Level> headings = new ArrayDeque<>();
    private final List<String> prose = new ArrayList<>();
    private final List<String> headingLinkDescription = new ArrayList<>();
    private String name;
    private boolean seenHeading;
    /** The level of the heading whose part is being skipped, or 0 when nothing is skipped. */
    private int skipLevel;
    private Section section = new Section(null, List.of(), 1);
    private HeadingLink headingLink;

    SectionTracker(EntryCollector out) {
        this.out = out;
    }

    /** The list's own title, or null when it has none. */
    String name() {
        return name;
    }

    /** Whether the walk is inside a part of the list that holds nothing to find. */
    boolean skipping() {
        return skipLevel > 0;
    }

    /** Whether prose added now describes a heading link rather than a section. */
    boolean describingHeadingLink() {
        return headingLink != null;
    }

    /** The section path of an entry here: the titles of the headings above it, then the list labels above it. */
    List<String> path(List<String> listPath) {
        List<String> path = new ArrayList<>();
        headings.descendingIterator().forEachRemaining(level -> path.add(level.title()));
        path.addAll(listPath);
        return path;
    }

    /** Adds running text to the open heading link's description, or else to the current section's prose. */
    void addProse(String text) {
        if (text.isBlank()) {
            return;
        }
        (headingLink != null ? headingLinkDescription : prose).add(text);
    }

    /** An HTML block before the first heading may name the list with an {@code <h1>}, as centred banners do. */
    void htmlBlock(String html) {
        var h1 = HTML_H1.matcher(html);
        if (name == null && !seenHeading && h1.find()) {
            String title = TextCleaner.title(HTML_TAG.matcher(h1.group(1)).replaceAll(" "));
            if (!title.isEmpty()) {
                name = title;
            }
        }
    }

    /** Closes the current section and decides what the heading opens. */
    void heading(Heading heading) {
        closeSection();
        int level = heading.getLevel();
        if (skipLevel > 0 && level > skipLevel) {
            return;
        }
        skipLevel = 0;
        InlineText inline = InlineText.of(heading);
        String text = TextCleaner.heading(inline.text());
        int line = Nodes.line(heading);
        if (name == null && !seenHeading && level == 1 && !text.isEmpty()) {
            // The list's own title names the list; it is not a section of it.
            seenHeading = true;
            name = text;
            section = new Section(text, List.of(), line);
            return;
        }
        seenHeading = true;
        while (!headings.isEmpty() && headings.peek().level() >= level) {
            headings.pop();
        }
        if (startsSkip(text, level) || opensHeadingLink(inline, text, line) || text.isEmpty()) {
            return;
        }
        List<String> parent = path(List.of());
        headings.push(new Level(level, text));
        section = new Section(text, parent, line);
    }

    /**
     * Emits what the current section gathered: the open heading link with its description, and the section's prose
     * as a section entry when there is enough of it and the section is not skipped.
     */
    void closeSection() {
        if (headingLink != null) {
            out.link(headingLink.title(), headingLink.urls(), String.join(" ", headingLinkDescription),
                    headingLink.section(), headingLink.line(), Map.of());
            headingLink = null;
            headingLinkDescription.clear();
        }
        String text = String.join("\n", prose);
        if (skipLevel == 0 && TextCleaner.weight(text) >= MIN_SECTION_WEIGHT) {
            String title = section.title() != null ? section.title() : name != null ? name : "Introduction";
            out.entry(title, Kind.SECTION, List.of(), text, section.path(), section.line(), Map.of());
        }
        prose.clear();
    }

    /** Starts skipping when the heading names boilerplate or a table of contents; true when it does. */
    private boolean startsSkip(String text, int level) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (SKIPPED_HEADINGS.contains(lower)) {
            skipLevel = level;
            return true;
        }
        if (CONTENTS_HEADINGS.contains(lower)) {
            skipLevel = UNTIL_ANY_HEADING;
            return true;
        }
        return false;
    }

    /**
     * Opens a heading link when the heading links anywhere: titled by its first link text that says something, else
     * by the heading's text. Badge links do not count. True when it opened one.
     */
    private boolean opensHeadingLink(InlineText inline, String text, int line) {
        List<String> urls = new ArrayList<>();
        String linkTitle = null;
        for (InlineText.LinkRef ref : inline.links()) {
            if (!ref.imageOnly()) {
                out.canonical(ref.destination(), line).ifPresent(urls::add);
                if (linkTitle == null && !LinkText.isPlaceholder(ref.text())) {
                    linkTitle = ref.text();
                }
            }
        }
        if (urls.isEmpty()) {
            return false;
        }
        headingLink = new HeadingLink(linkTitle != null ? linkTitle : text, urls, path(List.of()), line);
        return true;
    }
}
