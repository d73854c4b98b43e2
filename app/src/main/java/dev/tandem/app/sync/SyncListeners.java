package dev.tandem.app.sync;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who hears from the sync service: every status, each new failure, and each notice worth a
 * notification. Called on the sync thread; a listener that throws is logged and the others are
 * still called, so one broken view cannot stop sync.
 */
final class SyncListeners {
    private static final System.Logger LOG = System.getLogger("tandem.sync");

    private final List<Consumer<SyncStatus>> status = new CopyOnWriteArrayList<>();
    private final List<Consumer<SyncStatus>> failures = new CopyOnWriteArrayList<>();
    private final List<Consumer<SyncNotices.Notice>> notices = new CopyOnWriteArrayList<>();

    void addStatus(Consumer<SyncStatus> listener) {
        status.add(listener);
    }

    void addFailure(Consumer<SyncStatus> listener) {
        failures.add(listener);
    }

    void addNotice(Consumer<SyncNotices.Notice> listener) {
        notices.add(listener);
    }

    void published(SyncStatus s) {
        status.forEach(l -> safely(l, s, "sync status listener failed"));
    }

    void failed(SyncStatus s) {
        failures.forEach(l -> safely(l, s, "sync status listener failed"));
    }

    void announce(SyncNotices.Notice notice) {
        notices.forEach(l -> safely(l, notice, "sync notice listener failed"));
    }

    private static <T> void safely(Consumer<T> l, T value, String what) {
        try {
            l.accept(value);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, what, e);
        }
    }
}
