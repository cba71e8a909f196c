package dev.shelf.embed;

/** A model that cannot be loaded or run: the message names the file and what to do about it. */
public final class ModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
