package dev.tandem.installer;

/** A problem the person running the build can fix; printed without a stack trace. */
final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
        super(message);
    }
}
