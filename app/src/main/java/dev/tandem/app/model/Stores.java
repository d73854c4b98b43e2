package dev.tandem.app.model;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The stores a {@link TodoStore} offers, each made once, on first use, with the one shape they all
 * share (the store they read and write through), so a caller asks the store for them and none is
 * built again per call with a database in hand.
 */
final class Stores {
    private final TodoStore store;
    private volatile SavedFilters savedFilters;
    private volatile SeriesStore series;
    private volatile TodoVerbs verbs;
    private volatile ConflictStore conflicts;
    private volatile AttachmentStore attachments;
    private volatile TagStore tags;
    private volatile Replica replica;
    private volatile Tables tables;

    /** The thread every {@link LiveItems} and live outline of the store reads and patches on, one at a time. */
    private final ExecutorService liveThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tandem-live-items");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;
    /**
     * Work for {@link #liveThread}, passed over once the store closes: the work queued then is for views about to
     * go, and a load started then would read a database being closed.
     */
    private final Executor live = work -> {
        try {
            liveThread.execute(() -> {
                if (!closed) {
                    work.run();
                }
            });
        } catch (RejectedExecutionException e) {
            if (!closed) {
                throw e;
            }
        }
    };

    Stores(TodoStore store) {
        this.store = store;
    }

    // Each is stateless beyond the store it holds: two threads that both make one on first use make
    // equal ones, and either may stay, so no lock is needed.

    SavedFilters savedFilters() {
        SavedFilters s = savedFilters;
        return s != null ? s : (savedFilters = new SavedFilters(store));
    }

    TodoVerbs verbs() {
        TodoVerbs s = verbs;
        return s != null ? s : (verbs = new TodoVerbs(store));
    }

    SeriesStore series() {
        SeriesStore s = series;
        return s != null ? s : (series = new SeriesStore(store));
    }

    ConflictStore conflicts() {
        ConflictStore s = conflicts;
        return s != null ? s : (conflicts = new ConflictStore(store));
    }

    AttachmentStore attachments() {
        AttachmentStore s = attachments;
        return s != null ? s : (attachments = new AttachmentStore(store));
    }

    TagStore tags() {
        TagStore s = tags;
        return s != null ? s : (tags = new TagStore(store));
    }

    Replica replica() {
        Replica s = replica;
        return s != null ? s : (replica = new Replica(store));
    }

    Executor live() {
        return live;
    }

    /**
     * Stops the live views' thread, waiting for the work it is doing, so the database closes after (never under)
     * a load; the stores themselves hold nothing to close.
     */
    void close() {
        closed = true;
        liveThread.shutdown();
        try {
            if (!liveThread.awaitTermination(10, TimeUnit.SECONDS)) {
                System.getLogger("tandem").log(System.Logger.Level.WARNING,
                        "a live view's read still runs after 10 s; closing the database under it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Tables tables() {
        Tables s = tables;
        return s != null ? s : (tables = new Tables(store));
    }
}
