package dev.tandem.app.sync;

import dev.tandem.engine.sync.SyncException.Diagnosis;
import dev.tandem.engine.sync.SyncException.Reason;

/**
 * A sync failure in words a person understands first: a title and one short sentence per reason.
 * The engine's full message (which object, which server, what it answered) stays available as the
 * details, since the short words are for reading at a glance and the details for acting on.
 */
public final class SyncWords {
    private SyncWords() {
    }

    /** A title that names what the network did, when it is the cause, else the reason's. */
    public static String title(Reason reason, Diagnosis diagnosis) {
        return switch (diagnosis == null ? Diagnosis.NONE : diagnosis) {
            case LOGIN_PAGE -> "Wi-Fi log-in needed";
            case PROXY -> "Proxy problem";
            case TLS -> "Connection not trusted";
            case TIMEOUT -> "Connection stalled";
            case THROTTLED -> "Server asks to slow down";
            case CLOCK_SKEW -> "Clock is wrong";
            case DNS, NO_NETWORK, NONE -> title(reason);
        };
    }

    /** One sentence naming what the network did, when it is the cause, else the reason's. */
    public static String shortText(Reason reason, Diagnosis diagnosis) {
        return switch (diagnosis == null ? Diagnosis.NONE : diagnosis) {
            case LOGIN_PAGE -> "This network shows a log-in page instead of the remote.";
            case PROXY -> "The proxy refused the connection or cannot be reached.";
            case TLS -> "The remote's certificate is not trusted on this network.";
            case TIMEOUT -> "The server is slow or stopped answering.";
            case THROTTLED -> "The storage service is limiting how fast Tandem may send requests.";
            case CLOCK_SKEW -> "This computer's clock is too far off for the storage service.";
            case DNS -> "The server's name cannot be looked up.";
            case NO_NETWORK, NONE -> shortText(reason);
        };
    }

    /** A notification's title. */
    public static String title(Reason reason) {
        if (reason == null) {
            return "Sync failed";
        }
        return switch (reason) {
            case AUTH -> "Sign-in refused";
            case WRONG_PASSPHRASE -> "Wrong passphrase";
            case PASSPHRASE_REQUIRED -> "Passphrase needed";
            case NOT_FOUND -> "Remote not found";
            case NO_CONDITIONAL_WRITES, SERVER_FAULT, ENCRYPTION_MISMATCH -> "Remote not safe to use";
            case CORRUPT -> "Damaged object on the remote";
            case UNSUPPORTED_FORMAT -> "Newer Tandem needed";
            case UNREACHABLE -> "Offline";
            case REMOTE_BUSY -> "Server busy";
            case SERVER_INCONSISTENT -> "Waiting for the server";
            default -> "Sync failed";
        };
    }

    /** One sentence saying what happened, without the technical cause. */
    public static String shortText(Reason reason) {
        if (reason == null) {
            return "Sync stopped on an unexpected error.";
        }
        return switch (reason) {
            case UNREACHABLE -> "The remote cannot be reached.";
            case REMOTE_BUSY -> "The server is busy.";
            case SERVER_INCONSISTENT -> "The server has not shown a recent write yet.";
            case AUTH -> "The remote refused the sign-in details.";
            case NOT_FOUND -> "The folder, bucket or address was not found.";
            case NO_CONDITIONAL_WRITES -> "This server overwrites objects when asked not to, so devices could lose each"
                    + " other's changes.";
            case WRONG_PASSPHRASE -> "The passphrase does not open this remote.";
            case PASSPHRASE_REQUIRED -> "This remote is encrypted and needs its passphrase.";
            case ENCRYPTION_MISMATCH -> "This device encrypts, but the remote holds unencrypted data.";
            case SERVER_FAULT -> "The server changes what Tandem writes.";
            case CORRUPT -> "An object on the remote is damaged.";
            case IO -> "A disk, quota or permission problem stopped sync.";
            case UNSUPPORTED_FORMAT -> "The remote was written by a newer Tandem.";
        };
    }
}
