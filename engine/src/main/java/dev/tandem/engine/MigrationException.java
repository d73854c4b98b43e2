package dev.tandem.engine;

/** A migration step failed; it was rolled back and the schema version is unchanged. */
public class MigrationException extends TandemException {
    private static final long serialVersionUID = 1L;
    private final int step;

    public MigrationException(int step, String message, Throwable cause) {
        super(message, cause);
        this.step = step;
    }

    /** The zero-based index of the migration step that failed. */
    public int step() {
        return step;
    }
}
