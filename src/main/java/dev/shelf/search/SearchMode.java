package dev.shelf.search;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which retrievers answer: both fused, words only, or meaning only. */
public enum SearchMode {
    HYBRID,
    LEXICAL,
    SEMANTIC;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode named by a label, ignoring case; empty for anything else. */
    public static java.util.Optional<SearchMode> parse(String label) {
        for (SearchMode mode : values()) {
            if (mode.label().equalsIgnoreCase(label == null ? "" : label.strip())) {
                return java.util.Optional.of(mode);
            }
        }
        return java.util.Optional.empty();
    }
}
