package dev.shelf.ingest.markdown;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/** Small Markdown fixtures for the tests of the parser's pieces, parsed the way {@link MarkdownParser} parses a list. */
final class MarkdownFixture {

    static final Path FILE = Path.of("fixture.md");

    private MarkdownFixture() {
    }

    static Node parse(String markdown) {
        return MarkdownParser.commonmark().parse(markdown);
    }

    /** Every node of the given type in the tree, in document order. */
    static <T extends Node> List<T> all(Node root, Class<T> type) {
        List<T> found = new ArrayList<>();
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (type.isInstance(node)) {
                found.add(type.cast(node));
            }
            for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                pending.push(child);
            }
        }
        return found;
    }

    /** The first node of the given type in the parsed Markdown. */
    static <T extends Node> T first(String markdown, Class<T> type) {
        List<T> found = all(parse(markdown), type);
        if (found.isEmpty()) {
            throw new AssertionError("no " + type.getSimpleName() + " in: " + markdown);
        }
        return found.get(0);
    }

    /** The inline text of the Markdown's first paragraph. */
    static InlineText inline(String markdown) {
        return InlineText.of(first(markdown, Paragraph.class));
    }
}
