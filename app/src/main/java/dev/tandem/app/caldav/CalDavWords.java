package dev.tandem.app.caldav;

import dev.tandem.app.sync.SyncWords;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Diagnosis;
import dev.tandem.ui.messages.Messages;

/**
 * A failed sync of the phone's task lists in the user's language: about the CalDAV server, and for what the
 * person must fix (the sign-in, the address) where its settings are, not the sync remote's fields. What the
 * network did is said as for any sync ({@link SyncWords}). The engine's English message goes to the log only.
 * A failure of another kind already says itself (the state file's messages are the catalogue's).
 */
public final class CalDavWords {
    private CalDavWords() {
    }

    /** What happened, one sentence. */
    public static String message(RuntimeException e) {
        if (!(e instanceof SyncException s)) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        if (s.diagnosis() != Diagnosis.NONE && s.diagnosis() != Diagnosis.NO_NETWORK) {
            // A log-in page, a proxy, a certificate, ...: words that fit any server.
            return SyncWords.shortText(s.reason(), s.diagnosis());
        }
        String key = switch (s.reason()) {
            case UNREACHABLE -> "unreachable";
            case REMOTE_BUSY -> "busy";
            case AUTH -> "auth";
            case NOT_FOUND -> "notFound";
            default -> null;
        };
        return key == null ? SyncWords.shortText(s.reason()) : Messages.text("common.caldav.failed." + key);
    }

    /** What happened and what to do, as one text. */
    public static String say(RuntimeException e) {
        return message(e) + " " + hint(e);
    }

    /** What to do about it. */
    public static String hint(RuntimeException e) {
        if (!(e instanceof SyncException s)) {
            return Messages.text("common.caldav.willRetry");
        }
        if (s.diagnosis() == Diagnosis.NONE && (s.reason() == SyncException.Reason.AUTH
                || s.reason() == SyncException.Reason.NOT_FOUND)) {
            return Messages.text(s.reason() == SyncException.Reason.AUTH ? "common.caldav.hint.auth"
                    : "common.caldav.hint.notFound");
        }
        return SyncWords.hint(s.reason(), s.diagnosis());
    }
}
