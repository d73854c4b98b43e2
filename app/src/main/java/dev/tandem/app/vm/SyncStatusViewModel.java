package dev.tandem.app.vm;

import dev.tandem.app.sync.SyncService;
import dev.tandem.app.sync.SyncStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The status bar's text, in plain words, from the sync service's status. */
public final class SyncStatusViewModel {
    private final Clock clock;
    private final ReadOnlyObjectWrapper<SyncStatus> status = new ReadOnlyObjectWrapper<>(SyncStatus.off());
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);

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

    /** "Synced", "Syncing…", "Sync off", "Sync failed". */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** "2 min ago · 3 changes waiting · Folder /x". */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** The last error and what to do, "" when fine. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
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
            case OFF -> "Sync off";
            case IDLE -> s.lastSuccess() == null ? "Not synced yet" : "Synced";
            case SYNCING -> s.phase() == null || s.phase().equals("starting") ? "Syncing…"
                    : "Syncing… " + (s.phase().equals("push") ? "sending" : s.phase().equals("pull") ? "receiving" : s.phase());
            case ERROR -> "Sync failed";
        });
        StringBuilder d = new StringBuilder();
        if (s.state() == SyncStatus.State.OFF) {
            d.append("Working offline. Set up sync in Sync settings.");
        } else {
            if (s.lastSuccess() != null) {
                d.append(s.state() == SyncStatus.State.IDLE ? "" : "last synced ").append(ago(s.lastSuccess(), clock.instant()));
            }
            if (s.pendingChanges() > 0) {
                sep(d).append(s.pendingChanges()).append(s.pendingChanges() == 1 ? " change waiting" : " changes waiting");
            }
            if (s.lastReport() != null && s.lastReport().skipped() > 0) {
                sep(d).append(s.lastReport().skipped()).append(s.lastReport().skipped() == 1
                        ? " damaged remote object skipped" : " damaged remote objects skipped");
            }
        }
        detail.set(d.toString());
        error.set(s.state() == SyncStatus.State.ERROR && s.error() != null
                ? s.error() + (s.hint() == null ? "" : " — " + s.hint()) : "");
        progress.set(s.state() == SyncStatus.State.SYNCING ? s.progress() : -1);
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
            return "just now";
        }
        if (s < 60) {
            return s + " s ago";
        }
        if (s < 3600) {
            return (s / 60) + " min ago";
        }
        if (s < 86400) {
            return (s / 3600) + " h ago";
        }
        long days = s / 86400;
        return days + (days == 1 ? " day ago" : " days ago");
    }
}
