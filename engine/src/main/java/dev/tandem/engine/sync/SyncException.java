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
        AUTH(false, "Check the sign-in details in Sync settings (user name and password, or access key and secret key)."),
        /** The bucket or folder does not exist. */
        NOT_FOUND(false, "Check the bucket, folder or address in Sync settings."),
        /** The provider ignores conditional writes, so concurrent devices could overwrite each other. */
        NO_CONDITIONAL_WRITES(false, "Use a server that refuses to overwrite on request (If-None-Match on PUT, or "
                + "MOVE with Overwrite: F for WebDAV), or a folder remote."),
        /** The passphrase does not open the remote's encrypted objects. */
        WRONG_PASSPHRASE(false, "Enter the passphrase the other devices use."),
        /** The remote is encrypted and this device has no passphrase for it. */
        PASSPHRASE_REQUIRED(false, "Enter the passphrase the other devices use for this remote in Sync settings "
                + "(or TANDEM_PASSPHRASE for the command line)."),
        /** This device would encrypt, but the remote already holds unencrypted data from other devices. */
        ENCRYPTION_MISMATCH(false, "Turn encryption off to keep syncing with this remote, or sync the encrypted "
                + "devices through a new, empty folder, bucket or prefix."),
        /** The storage server gives back something other than what this device wrote. */
        SERVER_FAULT(false, "The storage server alters what Tandem writes; see Tandem's S3 providers guide "
                + "(docs/S3_PROVIDERS.md) for the settings it needs, or use another server or a folder remote."),
        /** The storage server does not show an object this device wrote: it lags, hides or lost it. */
        SERVER_INCONSISTENT(true, "Sync will try again. If this goes on, the storage server hides or loses objects "
                + "and is not suitable for Tandem (docs/S3_PROVIDERS.md)."),
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
