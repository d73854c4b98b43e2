package dev.tandem.engine.sync;

import dev.tandem.engine.TandemException;

/**
 * Sync failed. {@link #reason()} says what went wrong in terms a person can act on, and
 * {@link #retryable()} whether trying again later can help. Local data is never changed by a
 * failed sync beyond what had already been merged and committed.
 */
public class SyncException extends TandemException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, and whether a retry can help. */
    public enum Reason {
        /** The remote could not be reached: DNS, connection, timeout. */
        UNREACHABLE(true, "Check the network connection and the endpoint address."),
        /** The remote answered with a transient error (5xx, throttling). */
        REMOTE_BUSY(true, "The storage service is busy; sync will try again."),
        /** The credentials were refused. */
        AUTH(false, "Check the access key and secret key in Sync settings."),
        /** The bucket or folder does not exist. */
        NOT_FOUND(false, "Check the bucket or folder name in Sync settings."),
        /** The provider ignores conditional writes, so concurrent devices could overwrite each other. */
        NO_CONDITIONAL_WRITES(false, "Use a storage provider that supports If-None-Match on PUT, or a folder remote."),
        /** The passphrase does not open the remote's encrypted objects. */
        WRONG_PASSPHRASE(false, "Enter the passphrase the other devices use."),
        /** An object on the remote is corrupt or not a Tandem object. */
        CORRUPT(false, "The damaged object was set aside; other devices may need to sync again."),
        /** Local or remote disk full, permissions, or another I/O problem. */
        IO(true, "Check free disk space and folder permissions."),
        /** The remote was written by a newer Tandem. */
        UNSUPPORTED_FORMAT(false, "Update Tandem on this device.");

        private final boolean retryable;
        private final String hint;

        Reason(boolean retryable, String hint) {
            this.retryable = retryable;
            this.hint = hint;
        }

        public boolean retryable() {
            return retryable;
        }

        public String hint() {
            return hint;
        }
    }

    private final Reason reason;

    public SyncException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SyncException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public boolean retryable() {
        return reason.retryable();
    }

    /** What a person can do about it. */
    public String hint() {
        return reason.hint();
    }
}
