package dev.tandem.engine;

/**
 * A file is larger than the limit it was added under. Nothing was stored: the partial copy is
 * removed before this is thrown.
 */
public class BlobTooLargeException extends TandemException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    public BlobTooLargeException(String message, long limit) {
        super(message);
        this.limit = limit;
    }

    /** The limit in bytes that the file went past. */
    public long limit() {
        return limit;
    }
}
