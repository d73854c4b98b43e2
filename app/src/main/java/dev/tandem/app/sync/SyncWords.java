package dev.tandem.app.sync;

import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Diagnosis;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.ui.messages.Messages;

/**
 * A sync failure in the user's language: a title, one short sentence and what to do, per reason (and
 * per diagnosis, when the network is the cause); and the connection check's steps. The engine words
 * its exceptions and steps in English for logs and tools; what a person reads is chosen here by the
 * exception's reason and the step's kind, so no English sentence of the engine reaches a screen; the
 * engine's full message (which object, what the server answered) goes to the log.
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
            case FOLDER_MISSING -> Messages.text("common.sync.title.folderMissing");
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
            case FOLDER_MISSING -> Messages.text("common.sync.short.folderMissing");
            case NO_NETWORK, NONE -> shortText(reason);
        };
    }

    /** What to do, in the user's language: the diagnosis's advice when the network is the cause, else the reason's. */
    public static String hint(Reason reason, Diagnosis diagnosis) {
        String key = switch (diagnosis == null ? Diagnosis.NONE : diagnosis) {
            case NO_NETWORK -> "noNetwork";
            case DNS -> "dns";
            case LOGIN_PAGE -> "loginPage";
            case PROXY -> "proxy";
            case TLS -> "tls";
            case TIMEOUT -> "timeout";
            case THROTTLED -> "throttled";
            case CLOCK_SKEW -> "clockSkew";
            case FOLDER_MISSING -> "folderMissing";
            case NONE -> reason == null ? null : switch (reason) {
                case UNREACHABLE -> "unreachable";
                case REMOTE_BUSY -> "busy";
                case AUTH -> "auth";
                case NOT_FOUND -> "notFound";
                case NO_CONDITIONAL_WRITES -> "noConditionalWrites";
                case WRONG_PASSPHRASE -> "wrongPassphrase";
                case PASSPHRASE_REQUIRED -> "passphraseRequired";
                case ENCRYPTION_MISMATCH -> "encryptionMismatch";
                case SERVER_FAULT -> "serverFault";
                case SERVER_INCONSISTENT -> "inconsistent";
                case CORRUPT -> "corrupt";
                case IO -> "io";
                case UNSUPPORTED_FORMAT -> "unsupportedFormat";
            };
        };
        return key == null ? Messages.text("common.sync.retryHint") : Messages.text("common.sync.hint." + key);
    }

    /**
     * Whether trying again can help: for a failure of an unknown kind, a reason that passes, or a missing
     * folder, which may be connected again ({@link SyncException#retryable()}).
     */
    public static boolean retryHelps(Reason reason, Diagnosis diagnosis) {
        return reason == null || reason.retryable() || diagnosis == Diagnosis.FOLDER_MISSING;
    }

    /** {@code e} as one sentence and what to do, in the user's language. */
    public static String say(SyncException e) {
        return shortText(e.reason(), e.diagnosis()) + " " + hint(e.reason(), e.diagnosis());
    }

    /** A connection check's step by name, in the user's language. */
    public static String stepName(ConnectionCheck.Step step) {
        String key = stepKey(step.kind());
        return key == null ? step.name() : Messages.text("common.check.step." + key);
    }

    /** What a step did, or why it failed and what to do, in the user's language. */
    public static String stepText(ConnectionCheck.Step step) {
        if (step.kind() == ConnectionCheck.Step.Kind.OTHER) {
            // A step an app made itself says what it says in its own words already.
            return step.message();
        }
        if (!step.ok()) {
            return shortText(step.reason(), step.diagnosis()) + " " + hint(step.reason(), step.diagnosis());
        }
        String key = stepKey(step.kind());
        return key == null ? step.message() : Messages.text("common.check.passed." + key);
    }

    private static String stepKey(ConnectionCheck.Step.Kind kind) {
        return switch (kind) {
            case ENCRYPTION -> "encryption";
            case LIST -> "list";
            case WRITE -> "write";
            case READ_BACK -> "readBack";
            case CONDITIONAL_WRITE -> "conditionalWrite";
            case CLEAN_UP -> "cleanUp";
            case OTHER -> null;
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
