package dev.tandem.app.sync;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who hears of a service's changes (sync, backups, CalDAV), called in the order they came on the
 * service's own thread. One that throws is logged and the others are still called, so one broken view
 * cannot stop the service that tells them. Listeners may come and go while others are being called.
 *
 * @param <T> what they hear
 */
public final class Listeners<T> {
    private final List<Consumer<T>> all = new CopyOnWriteArrayList<>();
    private final System.Logger log;
    private final String failed;

    /** {@code failed}: the log line when one throws ("a backup status listener failed"). */
    public Listeners(System.Logger log, String failed) {
        this.log = log;
        this.failed = failed;
    }

    public void add(Consumer<T> listener) {
        all.add(listener);
    }

    public void remove(Consumer<T> listener) {
        all.remove(listener);
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** Tells each listener {@code value}. */
    public void tell(T value) {
        for (Consumer<T> l : all) {
            try {
                l.accept(value);
            } catch (RuntimeException e) {
                log.log(System.Logger.Level.WARNING, failed, e);
            }
        }
    }
}
