package dev.tandem.app.model;

import dev.tandem.engine.Conflict;
import dev.tandem.engine.Db;
import dev.tandem.engine.Subscription;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The conflicts last write wins resolved, as the Conflicts screen reads and settles them, so its
 * view-model never holds the database. Blocks on the database, like the store.
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

    /** The conflicts not dismissed, newest first. */
    public List<Conflict> list() {
        return db.conflicts().list();
    }

    /** The conflict with this id, while it is not dismissed. */
    public Optional<Conflict> get(long conflictId) {
        return db.conflicts().get(conflictId);
    }

    /**
     * Takes a conflict's lost value back, as a local write that syncs. An edit of a todo that another
     * device deleted brings the todo back with that edit, in its list: a todo deleted by emptying the
     * Trash would otherwise come back into the Trash; so do the links deleted with it ({@link ItemLink}).
     */
    public void useLostValue(Conflict conflict) {
        db.conflicts().useLostValue(conflict.id());
        if (conflict.kind() == Conflict.Kind.EDIT_DELETE && "items".equals(conflict.table())) {
            db.transaction(tx -> {
                tx.get(Item.class, conflict.entity()).filter(it -> it.trashedAt() != null)
                        .ifPresent(it -> tx.save(it.withTrashedAt(null)));
                // Its links were deleted with it: they come back with it.
                if (tx.get(Item.class, conflict.entity()).isPresent()) {
                    ItemLink.SYSTEMS.forEach(system -> tx.restore(ItemLink.class,
                            DerivedIds.link(conflict.entity(), system)));
                }
            });
        }
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
