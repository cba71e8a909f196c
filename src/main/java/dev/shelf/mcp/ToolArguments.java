package dev.shelf.mcp;

import dev.shelf.search.SearchMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tool call's arguments, as the client sent them (JSON values: strings, numbers, arrays), read into values; a bad
 * one is a {@link ToolArgumentException} whose message tells the assistant what to send instead.
 */
final class ToolArguments {

    /** The longest query, keywords or answer accepted, in characters (as the HTTP API). */
    static final int MAX_TEXT_CHARS = 500;

    private final Map<String, Object> values;

    ToolArguments(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    /** A text argument, stripped; empty when absent or null. */
    String text(String name) {
        Object value = values.get(name);
        if (value == null) {
            return "";
        }
        if (!(value instanceof String text)) {
            throw new ToolArgumentException(name + " must be a string.");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new ToolArgumentException(name + " is " + text.length() + " characters long; at most "
                    + MAX_TEXT_CHARS + " are accepted.");
        }
        return text.strip();
    }

    /** A text argument that must be given and not blank. */
    String required(String name) {
        String text = text(name);
        if (text.isEmpty()) {
            throw new ToolArgumentException(name + " is required.");
        }
        return text;
    }

    /** A whole number from 1 to {@code max}; {@code fallback} when absent. */
    int k(int fallback, int max) {
        Object value = values.get("k");
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && n.doubleValue() >= 1 && n.doubleValue() <= max) {
            return n.intValue();
        }
        throw new ToolArgumentException("k must be a whole number from 1 to " + max + ", got " + value + ".");
    }

    /** The search mode; hybrid when absent. */
    SearchMode mode() {
        Object value = values.get("mode");
        if (value == null) {
            return SearchMode.HYBRID;
        }
        return SearchMode.parse(String.valueOf(value)).orElseThrow(() -> new ToolArgumentException(
                "mode must be hybrid, lexical or semantic, got \"" + value + "\"."));
    }

    /** List ids, each among {@code known}; empty (every list) when absent. */
    Set<String> lists(Collection<String> known) {
        Object value = values.get("lists");
        if (value == null) {
            return Set.of();
        }
        List<Object> given = value instanceof List<?> list ? new ArrayList<>(list) : List.of(value);
        Set<String> ids = new LinkedHashSet<>();
        for (Object id : given) {
            if (!(id instanceof String text) || !known.contains(text.strip())) {
                throw new ToolArgumentException("Unknown list \"" + id + "\"; the lists are: " + String.join(", ", known)
                        + " (list_sources names them).");
            }
            ids.add(text.strip());
        }
        return ids;
    }
}
