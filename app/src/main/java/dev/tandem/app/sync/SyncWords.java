package dev.tandem.app.sync;

import dev.tandem.engine.sync.SyncException.Diagnosis;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.ui.messages.Messages;

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
            case LOGIN_PAGE -> Messages.text("common.sync.title.loginPage");
            case PROXY -> Messages.text("common.sync.title.proxy");
            case TLS -> Messages.text("common.sync.title.tls");
            case TIMEOUT -> Messages.text("common.sync.title.timeout");
            case THROTTLED -> Messages.text("common.sync.title.throttled");
            case CLOCK_SKEW -> Messages.text("common.sync.title.clockSkew");
            case DNS, NO_NETWORK, NONE -> title(reason);
        };
    }

    /** One sentence naming what the network did, when it is the cause, else the reason's. */
    public static String shortText(Reason reason, Diagnosis diagnosis) {
        return switch (diagnosis == null ? Diagnosis.NONE : diagnosis) {
            case LOGIN_PAGE -> Messages.text("common.sync.short.loginPage");
            case PROXY -> Messages.text("common.sync.short.proxy");
            case TLS -> Messages.text("common.sync.short.tls");
            case TIMEOUT -> Messages.text("common.sync.short.timeout");
            case THROTTLED -> Messages.text("common.sync.short.throttled");
            case CLOCK_SKEW -> Messages.text("common.sync.short.clockSkew");
            case DNS -> Messages.text("common.sync.short.dns");
            case NO_NETWORK, NONE -> shortText(reason);
        };
    }

    /** A notification's title. */
    public static String title(Reason reason) {
        if (reason == null) {
            return Messages.text("common.sync.title.failed");
        }
        return switch (reason) {
            case AUTH -> Messages.text("common.sync.title.auth");
            case WRONG_PASSPHRASE -> Messages.text("common.sync.title.wrongPassphrase");
            case PASSPHRASE_REQUIRED -> Messages.text("common.sync.title.passphraseRequired");
            case NOT_FOUND -> Messages.text("common.sync.title.notFound");
            case NO_CONDITIONAL_WRITES, SERVER_FAULT, ENCRYPTION_MISMATCH -> Messages.text("common.sync.title.unsafe");
            case CORRUPT -> Messages.text("common.sync.title.corrupt");
            case UNSUPPORTED_FORMAT -> Messages.text("common.sync.title.unsupportedFormat");
            case UNREACHABLE -> Messages.text("common.sync.title.unreachable");
            case REMOTE_BUSY -> Messages.text("common.sync.title.busy");
            case SERVER_INCONSISTENT -> Messages.text("common.sync.title.inconsistent");
            default -> Messages.text("common.sync.title.failed");
        };
    }

    /** One sentence saying what happened, without the technical cause. */
    public static String shortText(Reason reason) {
        if (reason == null) {
            return Messages.text("common.sync.short.unexpected");
        }
        return switch (reason) {
            case UNREACHABLE -> Messages.text("common.sync.short.unreachable");
            case REMOTE_BUSY -> Messages.text("common.sync.short.busy");
            case SERVER_INCONSISTENT -> Messages.text("common.sync.short.inconsistent");
            case AUTH -> Messages.text("common.sync.short.auth");
            case NOT_FOUND -> Messages.text("common.sync.short.notFound");
            case NO_CONDITIONAL_WRITES -> Messages.text("common.sync.short.noConditionalWrites");
            case WRONG_PASSPHRASE -> Messages.text("common.sync.short.wrongPassphrase");
            case PASSPHRASE_REQUIRED -> Messages.text("common.sync.short.passphraseRequired");
            case ENCRYPTION_MISMATCH -> Messages.text("common.sync.short.encryptionMismatch");
            case SERVER_FAULT -> Messages.text("common.sync.short.serverFault");
            case CORRUPT -> Messages.text("common.sync.short.corrupt");
            case IO -> Messages.text("common.sync.short.io");
            case UNSUPPORTED_FORMAT -> Messages.text("common.sync.short.unsupportedFormat");
        };
    }
}
