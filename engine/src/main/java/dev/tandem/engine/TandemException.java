package dev.tandem.engine;

/**
 * Root of the engine's single unchecked exception family. Every failure the engine reports, whether
 * from storage, mapping, migration or sync, is a subclass, so callers can catch one type.
 */
public class TandemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TandemException(String message) {
        super(message);
    }

    public TandemException(String message, Throwable cause) {
        super(message, cause);
    }
}
