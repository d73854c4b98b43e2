package dev.tandem.app.vm.shared;

import dev.tandem.app.sync.SyncNotices;
import dev.tandem.app.sync.SyncService;
import dev.tandem.app.sync.SyncStatus;
import dev.tandem.app.sync.SyncWords;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncProgress;
import dev.tandem.ui.messages.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The status bar's text, in plain words, from the sync service's status. Remote objects left
 * unread are a lasting warning: the headline is never plain "Synced" while any remain. A new device
 * id is a one-time notice: it shows until the next sync.
 */
public final class SyncStatusViewModel {
    /** What the status bar's icon shows. */
    public enum Indicator { OFF, OK, BUSY, WARNING, OFFLINE, ERROR }

    /** The one-time notice after this device took a new device id. */
    static String newDeviceIdNotice() {
        return Messages.text("main.sync.newDeviceId");
    }

    private final Clock clock;
    private final ReadOnlyObjectWrapper<SyncStatus> status = new ReadOnlyObjectWrapper<>(SyncStatus.off());
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warningDetails = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Indicator> indicator = new ReadOnlyObjectWrapper<>(Indicator.OFF);
    private final ReadOnlyBooleanWrapper canSyncNow = new ReadOnlyBooleanWrapper(false);

    public SyncStatusViewModel(SyncService service, Executor ui, Clock clock) {
        this.clock = clock;
        if (service != null) {
            service.addListener(s -> ui.execute(() -> update(s)));
            SyncStatus now = service.status();
            ui.execute(() -> update(now));
        } else {
            update(SyncStatus.off());
        }
    }

    public ReadOnlyObjectProperty<SyncStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "Synced", "Syncing…", "Sync off", "Offline", "Server busy", "Sync failed". */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** "2 min ago · 3 changes waiting · Folder /x". */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /**
     * A failure that needs the user, in short words and what to do; "" when fine, and "" while
     * merely offline or the server is busy, which the headline and detail say calmly.
     */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The last failure in full, technical cause included, for "Details" (copyable); "" when none. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /**
     * While remote objects stay unread: what that means and what to do, "" otherwise. It lasts
     * across syncs and restarts until every object has been read.
     */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** One line per unread object: its key, why, since when. For a tooltip or details pane. */
    public ReadOnlyStringProperty warningDetailsProperty() {
        return warningDetails.getReadOnlyProperty();
    }

    /** What the last sync noted that needs no action (a new device id, a clock running ahead). */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /**
     * Something the last sync did that the user should hear of once, "" otherwise: this device took
     * a new device id. It changes to "" at the next sync.
     */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Indicator> indicatorProperty() {
        return indicator.getReadOnlyProperty();
    }

    /** "Sync now" makes sense: sync is on and not running. */
    public ReadOnlyBooleanProperty canSyncNowProperty() {
        return canSyncNow.getReadOnlyProperty();
    }

    /** 0..1 while a long sync knows its size, else -1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Re-renders relative times ("2 min ago"); the view calls it every few seconds. */
    public void refresh() {
        update(status.get());
    }

    public void update(SyncStatus s) {
        status.set(s);
        headline.set(switch (s.state()) {
            case OFF -> Messages.text("main.sync.off");
            case IDLE -> Messages.text(!s.unread().isEmpty() || incomplete(s) ? "main.sync.syncedWithProblems"
                    : s.lastSuccess() == null ? "main.sync.notSyncedYet" : "main.sync.synced");
            case SYNCING -> s.phase() == null || s.phase().equals("starting") ? Messages.text("main.sync.syncing")
                    : switch (s.phase()) {
                        case "push" -> Messages.text("main.sync.syncing.push");
                        case "pull" -> Messages.text("main.sync.syncing.pull");
                        case SyncProgress.WAITING -> Messages.text("main.sync.syncing.waiting");
                        case SyncProgress.SNAPSHOT -> Messages.text("main.sync.syncing.snapshot");
                        default -> Messages.text("main.sync.syncing.other", s.phase());
                    };
            case ERROR -> SyncNotices.calm(s.reason(), s.diagnosis()) || s.diagnosis() != SyncException.Diagnosis.NONE
                    ? SyncWords.title(s.reason(), s.diagnosis()) : Messages.text("main.sync.failed");
        });
        boolean calm = s.state() == SyncStatus.State.ERROR && SyncNotices.calm(s.reason(), s.diagnosis());
        StringBuilder d = new StringBuilder();
        if (s.state() == SyncStatus.State.OFF) {
            d.append(Messages.text("main.sync.offWorking"));
        } else {
            if (calm) {
                // Offline is an ordinary state: say what is safe and what happens next.
                d.append(s.pendingChanges() == 0 ? Messages.text("main.sync.allSaved") : Messages.text(
                        s.diagnosis() == SyncException.Diagnosis.LOGIN_PAGE ? "main.sync.savedSignIn"
                        : s.diagnosis() == SyncException.Diagnosis.FOLDER_MISSING ? "main.sync.savedFolder"
                        : s.reason() == SyncException.Reason.UNREACHABLE ? "main.sync.savedUnreachable"
                        : "main.sync.savedServer", s.pendingChanges()));
            }
            if (s.lastSuccess() != null) {
                String ago = ago(s.lastSuccess(), clock.instant());
                sep(d).append(s.state() == SyncStatus.State.IDLE ? ago : Messages.text("main.sync.lastSynced", ago));
            }
            if (s.pendingChanges() > 0 && !calm) {
                sep(d).append(Messages.text("main.sync.waiting", s.pendingChanges()));
            }
            if (!s.unread().isEmpty()) {
                sep(d).append(Messages.text("main.sync.unread", s.unread().size()));
            }
        }
        detail.set(d.toString());
        warning.set(warningText(s));
        warningDetails.set(s.unread().stream().map(u -> Messages.text("main.sync.unreadLine", u.key(), u.problem(),
                ago(u.firstSeen(), clock.instant()), u.attempts())).collect(Collectors.joining("\n")));
        notes.set(s.lastReport() == null ? "" : String.join("\n", s.lastReport().notes()));
        notice.set(s.state() != SyncStatus.State.OFF && s.newDeviceId() != null ? newDeviceIdNotice() : "");
        boolean failed = s.state() == SyncStatus.State.ERROR && s.error() != null;
        error.set(failed && !calm ? SyncWords.shortText(s.reason(), s.diagnosis()) + (s.hint() == null ? "" : " "
                + s.hint()) : "");
        // All in the user's language, chosen by the failure's reason; the engine's English words are in the log.
        details.set(failed ? SyncWords.shortText(s.reason(), s.diagnosis())
                + (s.remote().isEmpty() ? "" : "\n" + Messages.text("common.sync.remote", s.remote()))
                + (s.hint() == null ? "" : "\n\n" + s.hint())
                + "\n\n" + Messages.text(SyncWords.retryHelps(s.reason(), s.diagnosis()) ? "common.sync.retry.itself"
                        : "common.sync.retry.no")
                : "");
        progress.set(s.state() == SyncStatus.State.SYNCING ? s.progress() : -1);
        indicator.set(switch (s.state()) {
            case OFF -> Indicator.OFF;
            case IDLE -> warning.get().isEmpty() ? Indicator.OK : Indicator.WARNING;
            case SYNCING -> Indicator.BUSY;
            case ERROR -> calm ? Indicator.OFFLINE : Indicator.ERROR;
        });
        canSyncNow.set(s.state() != SyncStatus.State.OFF && s.state() != SyncStatus.State.SYNCING);
    }

    /** A report with warnings but nothing set aside: a device waits for a newer Tandem. */
    private static boolean incomplete(SyncStatus s) {
        return s.lastReport() != null && !s.lastReport().warnings().isEmpty();
    }

    private static String warningText(SyncStatus s) {
        if (s.state() == SyncStatus.State.OFF) {
            return "";
        }
        if (!s.unread().isEmpty()) {
            return Messages.text("main.sync.unreadWarning", s.unread().size());
        }
        if (incomplete(s)) {
            return String.join(" ", s.lastReport().warnings());
        }
        return "";
    }

    private static StringBuilder sep(StringBuilder b) {
        if (b.length() > 0) {
            b.append(" · ");
        }
        return b;
    }

    /** "just now", "5 s ago", "3 min ago", "2 h ago", "4 days ago". */
    public static String ago(Instant then, Instant now) {
        long s = Math.max(0, Duration.between(then, now).toSeconds());
        if (s < 5) {
            return Messages.text("main.ago.justNow");
        }
        if (s < 60) {
            return Messages.text("main.ago.seconds", s);
        }
        if (s < 3600) {
            return Messages.text("main.ago.minutes", s / 60);
        }
        if (s < 86400) {
            return Messages.text("main.ago.hours", s / 3600);
        }
        return Messages.text("main.ago.days", s / 86400);
    }
}
