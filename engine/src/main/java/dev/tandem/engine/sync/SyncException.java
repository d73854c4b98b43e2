package dev.tandem.engine.sync;

import dev.tandem.engine.TandemException;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

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
        AUTH(false, "Check the sign-in details in Settings (user name and password, or access key and secret key)."),
        /** The bucket or folder does not exist. */
        NOT_FOUND(false, "Check the bucket, folder or address in Settings."),
        /** The provider ignores conditional writes, so concurrent devices could overwrite each other. */
        NO_CONDITIONAL_WRITES(false, "Use a server that refuses to overwrite on request (If-None-Match on PUT, or "
                + "MOVE with Overwrite: F for WebDAV), or a folder remote."),
        /** The passphrase does not open the remote's encrypted objects. */
        WRONG_PASSPHRASE(false, "Enter the passphrase the other devices use."),
        /** The remote is encrypted and this device has no passphrase for it. */
        PASSPHRASE_REQUIRED(false, "Enter the passphrase the other devices use for this remote in Settings "
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

    /**
     * What stood between this device and the storage, when that is the cause (the network, or a drive
     * that is not connected): finer than the {@link Reason}, for words a person recognises ("this Wi-Fi
     * needs a log-in") and the right thing to do. {@link #NONE} when the failure is not the network's, or it cannot tell.
     */
    public enum Diagnosis {
        NONE(null),
        /** No connection at all: the network is down, or the host refuses connections. */
        NO_NETWORK("Check the network connection; sync resumes by itself when it is back."),
        /** The host name could not be looked up. */
        DNS("Check the network connection and the server's address; its name could not be looked up."),
        /** A web page came back instead of the storage: a Wi-Fi log-in page, or a website's address. */
        LOGIN_PAGE("Open any web page in a browser and sign in to this network (hotel, train or office Wi-Fi); "
                + "sync resumes by itself. If this keeps happening on your own network, check the address."),
        /** The proxy could not be reached, or refused the request. */
        PROXY("Check the proxy setting in Settings, or HTTPS_PROXY, HTTP_PROXY and NO_PROXY."),
        /** TLS failed, or the certificate is not one this computer trusts (a TLS-inspecting proxy). */
        TLS("The secure connection could not be checked: a network in between (a company proxy that inspects "
                + "encrypted traffic) or someone else may be intercepting it. Try another network, or ask the "
                + "network's administrator."),
        /** The server was too slow, or stopped answering in the middle of an answer. */
        TIMEOUT("The server or the network is slow or stopped answering; sync will try again."),
        /** The service asked Tandem to slow down (S3 SlowDown, HTTP 429). */
        THROTTLED("The storage service asked Tandem to slow down; sync will try again a little later."),
        /** S3 refused the request's time: this device's clock is far off. */
        CLOCK_SKEW("Set this computer's date and time right (turn on automatic time); the storage service refuses "
                + "requests from a clock that is more than 15 minutes off."),
        /**
         * A folder remote's folder is not there: the drive or network share it is on is not connected, or it
         * moved. Never made again by sync (an empty folder in its place would be synced into as the remote);
         * a retry helps once it is back ({@link SyncException#retryable()}).
         */
        FOLDER_MISSING("If it is on a USB drive or a network share, connect the drive or mount the share; sync "
                + "resumes by itself once the folder is back. If it moved, choose it again in Settings.");

        private final String hint;

        Diagnosis(String hint) {
            this.hint = hint;
        }
    }

    /**
     * Who changed the passphrase that no longer opens the remote, and when: {@code device} is the name that
     * device gave itself, as the remote's keyring records it (text from outside: show it escaped).
     */
    public record PassphraseChange(String device, Instant at) implements Serializable {
        private static final long serialVersionUID = 1L;

        public PassphraseChange {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(at, "at");
        }
    }

    private final Reason reason;
    private final Diagnosis diagnosis;
    private final PassphraseChange passphraseChange;

    public SyncException(Reason reason, String message) {
        this(reason, Diagnosis.NONE, message, null);
    }

    public SyncException(Reason reason, String message, Throwable cause) {
        this(reason, Diagnosis.NONE, message, cause);
    }

    public SyncException(Reason reason, Diagnosis diagnosis, String message, Throwable cause) {
        this(reason, diagnosis, message, cause, null);
    }

    /** The same failure again for another caller's stack: its reason, diagnosis and passphrase change, with it as the cause. */
    public SyncException(SyncException first) {
        this(first.reason, first.diagnosis, first.getMessage(), first, first.passphraseChange);
    }

    private SyncException(Reason reason, Diagnosis diagnosis, String message, Throwable cause, PassphraseChange changed) {
        super(message, cause);
        this.reason = reason;
        this.diagnosis = diagnosis == null ? Diagnosis.NONE : diagnosis;
        this.passphraseChange = changed;
    }

    /** {@link Reason#WRONG_PASSPHRASE} because another device changed the passphrase: which, and when. */
    public static SyncException passphraseChanged(String message, PassphraseChange changed) {
        return new SyncException(Reason.WRONG_PASSPHRASE, Diagnosis.NONE, message, null, Objects.requireNonNull(changed));
    }

    public Reason reason() {
        return reason;
    }

    /** What the network did, when the network is the cause; {@link Diagnosis#NONE} otherwise. */
    public Diagnosis diagnosis() {
        return diagnosis;
    }

    /** When the passphrase was changed on another device and this one still has the old one: which device, and when. */
    public Optional<PassphraseChange> passphraseChange() {
        return Optional.ofNullable(passphraseChange);
    }

    /** Whether trying again later can help: the reason's, or a missing folder's, which may be connected again. */
    public boolean retryable() {
        return diagnosis == Diagnosis.FOLDER_MISSING || reason.retryable();
    }

    /** What a person can do about it: the diagnosis's advice when there is one, else the reason's. */
    public String hint() {
        return diagnosis.hint != null ? diagnosis.hint : reason.hint();
    }

    /** The message and the hint as two sentences: "… the folder does not exist. Check the address." */
    public String withHint() {
        String m = getMessage() == null ? "" : getMessage().strip();
        if (m.isEmpty()) {
            return hint();
        }
        char last = m.charAt(m.length() - 1);
        return m + (last == '.' || last == '!' || last == '?' ? " " : ". ") + hint();
    }
}
