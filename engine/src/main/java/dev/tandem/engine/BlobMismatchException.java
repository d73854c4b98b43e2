package dev.tandem.engine;

/**
 * A file's bytes are not the ones their source named (their SHA-256 differs): a damaged or forged
 * entry of an archive. Nothing was stored: the copy is removed before this is thrown.
 */
public class BlobMismatchException extends TandemException {
    private static final long serialVersionUID = 1L;

    public BlobMismatchException(String message) {
        super(message);
    }
}
