package dev.shelf.library;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether a name given by a client may become a file in a sources folder: a plain name of that folder, never a path
 * that leads elsewhere, never a hidden file (the folder watcher and ingestion both ignore those) and never a name the
 * file system may refuse or show garbled.
 */
public final class ListFileName {

    /** The longest name most file systems store, in UTF-8 bytes. */
    public static final int MAX_BYTES = 255;

    private ListFileName() {
    }

    /** Why the name cannot be used, in words for the client; empty when it is a good file name. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("The file name is empty.");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return Optional.of("The file name is " + bytes + " bytes long in UTF-8; at most " + MAX_BYTES + " are allowed.");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return Optional.of("The file name must not contain / or \\: it names a file in the sources folder, not a path.");
        }
        if (name.contains("..")) {
            return Optional.of("The file name must not contain \"..\".");
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            // Lone surrogates cannot be written as UTF-8: Java would store a '?' in their place.
            if (Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE) {
                return Optional.of("The file name contains a control character (U+"
                        + String.format("%04X", c) + ").");
            }
            i += Character.charCount(c);
        }
        if (name.startsWith(".")) {
            return Optional.of("The file name must not start with a dot: hidden files are not read as lists.");
        }
        if (name.isBlank()) {
            return Optional.of("The file name is blank.");
        }
        return Optional.empty();
    }
}
