package dev.shelf.ingest.markdown;

import dev.shelf.ingest.EntryCollector;
import dev.shelf.ingest.Kind;
import dev.shelf.ingest.TextCleaner;
import java.util.List;
import java.util.Map;
import org.commonmark.node.Paragraph;

/**
 * Reads running text: a paragraph, or the first paragraph of a list item. Every link in it becomes an entry, and
 * {@link LinkOrProse} decides whether the text is also prose of the current section.
 *
 * <p>An http(s) link becomes a link entry described by the sentence around it, with trailing durations and dates of
 * its text moved to metadata. A link written without a destination ({@code [tiktoken]()}) becomes a concept: it names
 * something without pointing anywhere. Badges (image-only links) give nothing, nor do in-page anchors and relative
 * paths; other destinations are reported. A link's title is its text, unless that is a placeholder ("Paper", "🔗"):
 * then the short text beside it, or else the section it stands in with the placeholder in brackets.
 * NOTE: one instance serves one parse; it is not thread-safe.
 */
final class ProseReader {

    private final EntryCollector out;
    private final SectionTracker sections;

    ProseReader(EntryCollector out, SectionTracker sections) {
        this.out = out;
        this.sections = sections;
    }

    /** Reads a paragraph found under the given list labels (none outside lists). */
    void paragraph(Paragraph paragraph, List<String> listPath) {
        InlineText inline = InlineText.of(paragraph);
        boolean linked = linkEntries(inline, Nodes.line(paragraph), listPath);
        // Under a "## [Title](url)" heading every paragraph describes that link, even one that links elsewhere.
        if (sections.describingHeadingLink() || LinkOrProse.isProse(inline, linked)) {
            sections.addProse(inline.text());
        }
    }

    /** Reads the text of a list item; true when its links gave entries. */
    boolean itemText(InlineText inline, int line, List<String> listPath) {
        boolean linked = linkEntries(inline, line, listPath);
        if (LinkOrProse.isProse(inline, linked)) {
            sections.addProse(inline.text());
        }
        return linked;
    }

    /** Adds an entry for every link of the text, under the given list labels; true when it added any. */
    boolean linkEntries(InlineText inline, int line, List<String> listPath) {
        boolean any = false;
        for (InlineText.LinkRef ref : inline.links()) {
            if (ref.imageOnly()) {
                continue;
            }
            String destination = ref.destination() == null ? "" : ref.destination().strip();
            String title = linkTitle(ref, inline, listPath);
            if (destination.isEmpty()) {
                out.entry(title, Kind.CONCEPT, List.of(), inline.textWithoutLinks(), sections.path(listPath), line,
                        Map.of());
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
                LinkText.TitleFacts facts = LinkText.facts(title);
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
        if (!LinkText.isPlaceholder(ref.text())) {
            return ref.text();
        }
        String besides = inline.textWithoutLinks();
        if (LinkOrProse.isLabel(besides, inline.weightWithoutLinks())) {
            return besides;
        }
        List<String> context = sections.path(listPath);
        String where = context.isEmpty() ? sections.name() : context.get(context.size() - 1);
        return (where == null ? "" : where + " ") + "(" + TextCleaner.title(ref.text()) + ")";
    }
}
