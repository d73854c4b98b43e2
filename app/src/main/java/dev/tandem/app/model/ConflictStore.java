package dev.tandem.app.model;

import dev.tandem.engine.Conflict;
import dev.tandem.engine.Db;
import dev.tandem.engine.Subscription;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The conflicts last write wins resolved, as the Conflicts screen reads and settles them, so its
 * view-model never holds the database. Taking a lost value back is a write of a todo or list and
 * lives with the others ({@link TodoStore#useLostValue}). Blocks on the database, like the store.
 */
public final class ConflictStore {
    private final Db db;

    public ConflictStore(TodoStore store) {
        this.db = Objects.requireNonNull(store, "store").db();
    }

    /** Calls back, on the engine's callback thread, with the conflicts now and whenever they change. */
    public Subscription subscribe(Consumer<List<Conflict>> onResult) {
        return db.conflicts().subscribe(onResult);
    }

    /** Hides the conflict; the value that was kept stays. */
    public void dismiss(long conflictId) {
        db.conflicts().dismiss(conflictId);
    }

    /** Every conflict shown so far no longer counts as new. */
    public void markSeen() {
        db.conflicts().markSeen();
    }
}
