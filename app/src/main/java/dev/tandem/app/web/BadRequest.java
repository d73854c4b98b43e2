package dev.tandem.app.web;

import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;

/**
 * A request the API refuses, with the HTTP status and a sentence for the person using the page, as a key of
 * area {@code server} and its arguments: {@link Router} answers {@code {"error": sentence}} in the request's
 * language, which the page shows as it is. Thrown by routes. The exception's own message is the English
 * sentence, for logs and tests.
 */
final class BadRequest extends RuntimeException {
    private final int status;
    private final String key;
    private final transient Object[] args;

    BadRequest(String key, Object... args) {
        this(400, key, args);
    }

    BadRequest(int status, String key, Object... args) {
        super(key, null, false, false);
        this.status = status;
        this.key = key;
        this.args = args.clone();
    }

    int status() {
        return status;
    }

    /** The message's key (area {@code server}). */
    String key() {
        return key;
    }

    /** The sentence in {@code language}. */
    String text(Language language) {
        return Messages.text(language, key, args);
    }

    @Override
    public String getMessage() {
        return text(Language.ENGLISH);
    }
}
