package dev.tandem.engine;

/**
 * A backup could not be written or read back: the copy did not check out, or the file is not a
 * Tandem backup, was cut short or altered, or the passphrase does not open it. Nothing local was
 * changed: a backup only reads the database, and reading a backup writes only its own new file.
 */
public class BackupException extends TandemException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for a caller that says it in its own words. */
    public enum Reason {
        /** The passphrase does not open the file (or the file was altered where the key is checked). */
        WRONG_PASSPHRASE,
        /** The file is encrypted and no passphrase was given. */
        PASSPHRASE_REQUIRED,
        /** The file ends early: a copy cut short, or a backup that was never finished. */
        TRUNCATED,
        /** The file's bytes were changed, or the copy read back differs from what was copied. */
        DAMAGED,
        /** The file is neither a Tandem backup nor a database. */
        NOT_A_BACKUP,
        /** A newer Tandem wrote the file. */
        UNSUPPORTED_FORMAT,
        /** Writing or reading failed: a full disk, permissions, a missing folder. */
        IO
    }

    private final Reason reason;

    public BackupException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public BackupException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
