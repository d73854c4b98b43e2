package dev.tandem.engine;

/**
 * The local database could not be read or written: an SQL error, a locked or corrupt file, a full
 * disk. The transaction that hit it was rolled back, so the database is as it was before.
 */
public class StorageException extends TandemException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
