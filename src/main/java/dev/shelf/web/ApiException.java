package dev.shelf.web;

/** A request the API refuses, with the HTTP status, a stable error code and a message that says what to do. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private int retryAfterSeconds;

    ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** Asks the client to retry after so many seconds (sent as Retry-After). */
    ApiException retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
