package dev.tandem.app.sync;

import java.util.function.Consumer;

/**
 * Who hears from the sync service: every status, each new failure, and each notice worth a
 * notification. Called on the sync thread; a listener that throws is logged and the others are
 * still called, so one broken view cannot stop sync.
 */
final class SyncListeners {
    private static final System.Logger LOG = System.getLogger("tandem.sync");

    private final Listeners<SyncStatus> status = new Listeners<>(LOG, "sync status listener failed");
    private final Listeners<SyncStatus> failures = new Listeners<>(LOG, "sync status listener failed");
    private final Listeners<SyncNotices.Notice> notices = new Listeners<>(LOG, "sync notice listener failed");

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
        status.tell(s);
    }

    void failed(SyncStatus s) {
        failures.tell(s);
    }

    void announce(SyncNotices.Notice notice) {
        notices.tell(notice);
    }
}
