package dev.tandem.app.web;

/**
 * A request the API refuses, with the HTTP status and a sentence for the person using the page: the
 * page shows {@code {"error": message}} as it is. Thrown by routes, answered by {@link Router}.
 */
final class BadRequest extends RuntimeException {
    private final int status;

    BadRequest(String message) {
        this(400, message);
    }

    BadRequest(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
