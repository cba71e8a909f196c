package dev.shelf.ingest.markdown;

import org.commonmark.node.Node;

/** Where a commonmark node stands in the source, for entries and warnings that name their line. */
final class Nodes {

    private Nodes() {
    }

    /** The 1-based line the node starts on, or 0 when the parser recorded no source position for it. */
    static int line(Node node) {
        var spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
    }
}
