package dev.tandem.app.feeds;

/** A calendar could not be read; the message says why, in the user's words, and is kept per calendar. */
public final class FeedException extends RuntimeException {
    public FeedException(String message) {
        super(message);
    }

    public FeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
