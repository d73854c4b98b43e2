package dev.tandem.engine.internal.wire;

import dev.tandem.engine.sync.SyncException;

/** A remote object that is not a valid Tandem object; the message names the object. */
public final class FormatException extends SyncException {
    private static final long serialVersionUID = 1L;

    public FormatException(String message) {
        super(Reason.CORRUPT, message);
    }

    public FormatException(String message, Throwable cause) {
        super(Reason.CORRUPT, message, cause);
    }
}
