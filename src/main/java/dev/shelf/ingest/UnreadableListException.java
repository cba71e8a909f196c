package dev.shelf.ingest;

/**
 * Thrown by a parser that refuses a whole file (an OPML file declaring entities, a file whose syntax is broken past
 * reading); the message says why in words the user can act on, and {@link Ingester} reports it as a skipped file.
 */
final class UnreadableListException extends RuntimeException {

    UnreadableListException(String message, Throwable cause) {
        super(message, cause);
    }
}
