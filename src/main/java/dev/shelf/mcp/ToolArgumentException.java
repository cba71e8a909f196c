package dev.shelf.mcp;

/** A tool argument the tool cannot use; the message, plain words for the assistant, becomes an error result. */
final class ToolArgumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ToolArgumentException(String message) {
        super(message);
    }
}
