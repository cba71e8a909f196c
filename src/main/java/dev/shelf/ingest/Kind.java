package dev.shelf.ingest;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a resource is: something to open ({@code link}), a defined term ({@code concept}) or prose ({@code section}). */
public enum Kind {
    LINK,
    CONCEPT,
    SECTION;

    /** The lower-case name used in JSON and on the command line. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
