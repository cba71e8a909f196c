package dev.shelf.ingest.markdown;

import dev.shelf.ingest.TextCleaner;

/**
 * The rule that decides what running text (a paragraph, or the first paragraph of a list item) is, by how much it
 * says besides its links: text that gave no link entry is prose; text that did is a list of links, and prose as well
 * only when it says at least {@value #MIN_PROSE_BESIDES_LINKS} words besides them, as a link with a paragraph of
 * commentary does. Short text, at most {@value #MAX_LABEL_WEIGHT} words, is a label: it can name what stands beside
 * it (a placeholder link) or under it (the links nested under a list item). Every reader asks here; none decides
 * this for itself.
 */
final class LinkOrProse {

    /** A text with link entries also counts as prose when it says this many words besides its links. */
    static final int MIN_PROSE_BESIDES_LINKS = 12;
    /** Text of at most this many words is short enough to be a label. */
    static final int MAX_LABEL_WEIGHT = 8;

    private LinkOrProse() {
    }

    /**
     * Whether the text is prose of its section.
     *
     * @param text the running text
     * @param gaveLinkEntries whether its links gave entries (badges and in-page anchors give none)
     */
    static boolean isProse(InlineText text, boolean gaveLinkEntries) {
        return !gaveLinkEntries || text.weightWithoutLinks() >= MIN_PROSE_BESIDES_LINKS;
    }

    /**
     * Whether the text is short enough to name what stands beside or under it.
     *
     * @param text the cleaned text
     * @param weight its {@link TextCleaner#weight}, which callers often have at hand already
     */
    static boolean isLabel(String text, int weight) {
        return !text.isEmpty() && weight <= MAX_LABEL_WEIGHT;
    }
}
