package dev.tandem.app.sync;

import dev.tandem.engine.sync.SetAside;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.ui.messages.Messages;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which sync outcomes deserve a notification. Being offline, a server that is down or busy, one
 * that lags, or a sync folder on a drive that is not connected are ordinary states of a local-first app: the status bar says so calmly and sync
 * tries again by itself, so they never pop up. What needs the user (credentials refused, a wrong
 * or missing passphrase, a remote that is not safe to use, objects that cannot be read) is said
 * once, not once per retry: again only after a sync succeeded or the problem changed.
 *
 * <p>Not thread-safe: the sync service calls it on its scheduler thread.
 */
public final class SyncNotices {
    /** A notification to show: a title, the words, whether it is an error. */
    public record Notice(String title, String message, boolean error) {
    }

    /** Failures a retry fixes by itself, which never pop up. */
    private static final Set<Reason> CALM = EnumSet.of(Reason.UNREACHABLE, Reason.REMOTE_BUSY, Reason.SERVER_INCONSISTENT);

    private String saidFailure;
    private final Set<String> saidUnread = new HashSet<>();

    /** Whether a failure for this reason is an ordinary state that sync recovers from by itself. */
    public static boolean calm(Reason reason) {
        return reason != null && CALM.contains(reason);
    }

    /** As above, with what stood between: a sync folder that is not there (a drive not connected) is as ordinary. */
    public static boolean calm(Reason reason, SyncException.Diagnosis diagnosis) {
        return diagnosis == SyncException.Diagnosis.FOLDER_MISSING || calm(reason);
    }

    /** After a failed sync: a notice when the failure needs the user and was not said since the last success. */
    Optional<Notice> failed(Reason reason, String message, String hint) {
        return failed(reason, SyncException.Diagnosis.NONE, message, hint);
    }

    /** As above, in the words of what the network did when it is the cause. */
    Optional<Notice> failed(Reason reason, SyncException.Diagnosis diagnosis, String message, String hint) {
        if (calm(reason, diagnosis)) {
            return Optional.empty();
        }
        String key = reason + ": " + message;
        if (key.equals(saidFailure)) {
            return Optional.empty();
        }
        saidFailure = key;
        return Optional.of(new Notice(SyncWords.title(reason, diagnosis), SyncWords.shortText(reason, diagnosis)
                + (hint == null ? "" : "\n" + hint), true));
    }

    /** After a sync that succeeded: the next failure may be said again. */
    void succeeded() {
        saidFailure = null;
    }

    /** After every sync: a notice when remote objects newly could not be read; those read since may be said again. */
    Optional<Notice> unread(List<SetAside> unread) {
        Set<String> now = new HashSet<>();
        unread.forEach(s -> now.add(s.key()));
        saidUnread.retainAll(now);
        if (saidUnread.containsAll(now)) {
            return Optional.empty();
        }
        int fresh = (int) now.stream().filter(k -> !saidUnread.contains(k)).count();
        saidUnread.addAll(now);
        return Optional.of(new Notice(Messages.text("common.sync.unreadTitle"), Messages.text("common.sync.unreadText", fresh),
                true));
    }
}
