package dev.shelf.ingest.markdown;

import dev.shelf.ingest.TextCleaner;
import java.text.BreakIterator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * The plain text of a run of Markdown inlines (a paragraph, heading or table cell) and the links in it, with the
 * position of each link in that text so that a link can be described by the sentence around it.
 */
final class InlineText {

    private static final Pattern HTML_HREF = Pattern.compile("(?i)<a\\s[^>]*?href\\s*=\\s*[\"']?([^\"'\\s>]+)");
    private static final Pattern HTML_ALT = Pattern.compile("(?i)<img\\s[^>]*?alt\\s*=\\s*[\"']([^\"']*)");

    /**
     * A link found in the text.
     *
     * @param text the link's visible text (an image's alt text for badge links)
     * @param destination the destination as written
     * @param start offset of the link text in {@link #text()}
     * @param end end offset of the link text
     * @param imageOnly whether the link shows only an image (a badge or "Open In Colab" button)
     * @param label the text of a bracketed label written right before the link ({@code [Label][text](url)}), or null
     */
    record LinkRef(String text, String destination, int start, int end, boolean imageOnly, String label) {
    }

    /** Inlines nested deeper than this (emphasis in emphasis...) are read as plain text, without recursion. */
    static final int MAX_DEPTH = 64;
    /** A "sentence" longer than this is a run-on line, not a description: only a window around the link is kept. */
    static final int MAX_SENTENCE_CHARS = 600;
    /** How far back a {@code [Label]} before a link is looked for. */
    private static final int MAX_LABEL_CHARS = 300;

    private final StringBuilder text = new StringBuilder();
    private final List<LinkRef> links = new ArrayList<>();
    private String raw;
    private int[] sentenceStarts;
    private String withoutLinks;
    private int weightWithoutLinks = -1;
    private String openHtmlHref;
    private int openHtmlStart;
    private String openHtmlAlt;

    private InlineText() {
    }

    /** The plain text and links of all inline children of the given node. */
    static InlineText of(Node parent) {
        InlineText result = new InlineText();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            result.visit(child, 0);
        }
        return result;
    }

    String text() {
        return TextCleaner.prose(text.toString());
    }

    List<LinkRef> links() {
        return links;
    }

    /** The text with every link's visible text removed: what the entry says besides its links. */
    String textWithoutLinks() {
        if (withoutLinks == null) {
            withoutLinks = computeTextWithoutLinks();
        }
        return withoutLinks;
    }

    /** {@link TextCleaner#weight} of {@link #textWithoutLinks()}, computed once: it is asked for once per link. */
    int weightWithoutLinks() {
        if (weightWithoutLinks < 0) {
            weightWithoutLinks = TextCleaner.weight(textWithoutLinks());
        }
        return weightWithoutLinks;
    }

    private String computeTextWithoutLinks() {
        StringBuilder rest = new StringBuilder();
        int at = 0;
        for (LinkRef link : links) {
            if (link.start() >= at) {
                rest.append(text, at, link.start());
                at = link.end();
            }
        }
        rest.append(text, Math.min(at, text.length()), text.length());
        return TextCleaner.prose(rest.toString());
    }

    /**
     * The sentence of the text that contains the given link (the whole text when it is one sentence), cut to a window
     * around the link when it is longer than a sentence can sensibly be.
     */
    String sentenceAround(LinkRef link) {
        if (sentenceStarts == null) {
            // Boundaries are found once per text: a paragraph of thousands of links must not be scanned per link.
            raw = text.toString();
            BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
            sentences.setText(raw);
            List<Integer> starts = new ArrayList<>();
            for (int at = sentences.first(); at != BreakIterator.DONE; at = sentences.next()) {
                starts.add(at);
            }
            sentenceStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }
        int start = boundaryAtOrBefore(Math.min(link.start(), raw.length()));
        int end = boundaryAfter(Math.max(link.end() - 1, start));
        if (end - start > MAX_SENTENCE_CHARS) {
            int half = MAX_SENTENCE_CHARS / 2;
            start = Math.max(start, wordStart(link.start() - half));
            end = Math.min(end, wordEnd(Math.max(link.end(), start) + half));
        }
        return TextCleaner.prose(raw.substring(start, Math.max(start, end)));
    }

    private int boundaryAtOrBefore(int offset) {
        int i = Arrays.binarySearch(sentenceStarts, offset);
        return i >= 0 ? sentenceStarts[i] : i == -1 ? 0 : sentenceStarts[-i - 2];
    }

    private int boundaryAfter(int offset) {
        int i = Arrays.binarySearch(sentenceStarts, offset + 1);
        int next = i >= 0 ? i : -i - 1;
        return next < sentenceStarts.length ? sentenceStarts[next] : raw.length();
    }

    private int wordStart(int offset) {
        int at = Math.max(0, offset);
        while (at > 0 && at < raw.length() && !Character.isWhitespace(raw.charAt(at - 1)) && offset - at < 40) {
            at--;
        }
        return at;
    }

    private int wordEnd(int offset) {
        int at = Math.min(raw.length(), offset);
        while (at < raw.length() && !Character.isWhitespace(raw.charAt(at)) && at - offset < 40) {
            at++;
        }
        return at;
    }

    private void visit(Node node, int depth) {
        if (depth > MAX_DEPTH) {
            appendPlainText(node);
            return;
        }
        switch (node) {
            case Text t -> text.append(t.getLiteral());
            case Code c -> text.append(c.getLiteral());
            case SoftLineBreak s -> text.append(' ');
            case HardLineBreak h -> text.append(' ');
            case Image image -> {
                // Images are decoration; their alt text only matters as the text of a badge link.
            }
            case Link link -> visitLink(link, depth);
            case HtmlInline html -> visitHtml(html.getLiteral());
            default -> {
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    visit(child, depth + 1);
                }
            }
        }
    }

    /** The literal text of a subtree, walked with an explicit stack so that no nesting depth can overflow. */
    private void appendPlainText(Node root) {
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            switch (node) {
                case Text t -> text.append(t.getLiteral());
                case Code c -> text.append(c.getLiteral());
                case SoftLineBreak s -> text.append(' ');
                case HardLineBreak h -> text.append(' ');
                default -> {
                    for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                        pending.push(child);
                    }
                }
            }
        }
    }

    private void visitLink(Link link, int depth) {
        String label = bracketLabelBefore();
        int start = text.length();
        boolean hasImage = false;
        String alt = null;
        for (Node child = link.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Image image) {
                hasImage = true;
                alt = altText(image);
            } else {
                visit(child, depth + 1);
            }
        }
        String visible = text.substring(start);
        boolean imageOnly = hasImage && visible.isBlank();
        links.add(new LinkRef(imageOnly && alt != null ? alt : visible, link.getDestination(), start, text.length(),
                imageOnly, label));
    }

    /**
     * An odd but real form, {@code [Huggingface LMsys Leaderboard][LLMsys Leaderboard](url)}, parses as the literal
     * text "[Huggingface LMsys Leaderboard]" followed by a link: the bracketed text is the title the author meant.
     */
    private String bracketLabelBefore() {
        int end = text.length();
        if (end < 3 || text.charAt(end - 1) != ']') {
            return null;
        }
        int open = -1;
        for (int i = end - 2; i >= Math.max(0, end - MAX_LABEL_CHARS) && open < 0; i--) {
            if (text.charAt(i) == '[') {
                open = i;
            }
        }
        if (open < 0 || text.indexOf("]", open) != end - 1) {
            return null;
        }
        String label = text.substring(open + 1, end - 1).strip();
        if (label.isEmpty()) {
            return null;
        }
        text.setLength(open);
        return label;
    }

    private void visitHtml(String html) {
        var href = HTML_HREF.matcher(html);
        if (href.find()) {
            openHtmlHref = href.group(1);
            openHtmlStart = text.length();
            openHtmlAlt = null;
        }
        var alt = HTML_ALT.matcher(html);
        if (alt.find() && openHtmlHref != null) {
            openHtmlAlt = alt.group(1);
        }
        if (html.regionMatches(true, 0, "</a", 0, 3) && openHtmlHref != null) {
            String visible = text.substring(openHtmlStart);
            boolean imageOnly = visible.isBlank();
            links.add(new LinkRef(imageOnly && openHtmlAlt != null ? openHtmlAlt : visible, openHtmlHref,
                    openHtmlStart, text.length(), imageOnly, null));
            openHtmlHref = null;
        } else if (html.regionMatches(true, 0, "<br", 0, 3)) {
            text.append(' ');
        }
    }

    private static String altText(Image image) {
        StringBuilder alt = new StringBuilder();
        for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) {
                alt.append(t.getLiteral());
            }
        }
        return alt.toString();
    }
}
