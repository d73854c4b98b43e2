package dev.tandem.app.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Edits of several todos, each as ONE transaction: one change to sync and one live update for the
 * whole selection. The transaction stays in here, so the view-models that offer bulk actions (and
 * their undo) never hold one.
 */
public final class BulkEdits {
    private final TodoStore store;

    public BulkEdits(TodoStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * What an edit did, which is what its undo needs: each todo it changed, as it was before, and the
     * todos it created (next occurrences of repeating todos it completed).
     */
    public record Done(List<Item> before, List<String> created) {
        public Done {
            before = List.copyOf(before);
            created = List.copyOf(created);
        }
    }

    /**
     * Replaces each todo by what {@code edit} makes of it; a null from {@code edit} leaves that todo
     * alone and out of the result. Ids of todos that no longer exist are skipped.
     */
    public Done edit(List<String> ids, UnaryOperator<Item> edit) {
        return apply(ids, edit, false, store.clock().millis());
    }

    /**
     * Completes the todos that are open (done ones and notes are left as they are); a repeating todo
     * gets its next occurrence in the same transaction, as when it is completed alone.
     */
    public Done complete(List<String> ids) {
        long now = store.clock().millis();
        return apply(ids, it -> it.isDone() || it.isNote() ? null : it.withDone(true, now), true, now);
    }

    /** Moves the todos not in the Trash yet to the Trash, each alone (its subtasks stay where they are). */
    public Done trash(List<String> ids) {
        long now = store.clock().millis();
        return apply(ids, it -> it.isTrashed() ? null : it.withTrashedAt(now), false, now);
    }

    /** Undoes {@link #complete}: the done fields as they were, and the next occurrences it created go. */
    public void uncomplete(Done done) {
        undo(done, (cur, b) -> cur.withDoneFields(b.done(), b.doneAt()));
    }

    /** Undoes {@link #trash}: each todo's place in or out of the Trash as it was. */
    public void untrash(Done done) {
        undo(done, (cur, b) -> cur.withTrashedAt(b.trashedAt()));
    }

    private Done apply(List<String> ids, UnaryOperator<Item> edit, boolean nextOccurrences, long now) {
        return store.writeAll(tx -> {
            List<Item> before = new ArrayList<>();
            List<String> created = new ArrayList<>();
            for (String id : ids) {
                Item cur = tx.get(Item.class, id).orElse(null);
                Item next = cur == null ? null : edit.apply(cur);
                if (next == null) {
                    continue;
                }
                tx.save(next);
                before.add(cur);
                Item occurrence = nextOccurrences ? SeriesStore.createNext(tx, cur, now) : null;
                if (occurrence != null) {
                    created.add(occurrence.id());
                }
            }
            return new Done(before, created);
        });
    }

    /**
     * Undoes {@code done} in one transaction: each changed todo becomes {@code restore(current, before)},
     * which puts back only the fields the edit set, and the todos it created are deleted.
     */
    public void undo(Done done, BinaryOperator<Item> restore) {
        store.writeAll(tx -> {
            for (Item b : done.before()) {
                tx.get(Item.class, b.id()).ifPresent(cur -> tx.save(restore.apply(cur, b)));
            }
            done.created().forEach(id -> tx.delete(Item.class, id));
            return null;
        });
    }

    /** Tags each todo; returns the ids of those that did not have the tag yet, which an undo untags. */
    public List<String> addTag(List<String> ids, String tag) {
        return store.writeAll(tx -> {
            List<String> added = new ArrayList<>();
            for (String id : ids) {
                if (TagStore.add(tx, id, tag)) {
                    added.add(id);
                }
            }
            return added;
        });
    }

    /** Removes the tag from each todo. */
    public void removeTag(List<String> ids, String tag) {
        long now = store.clock().millis();
        store.writeAll(tx -> {
            ids.forEach(id -> TagStore.remove(tx, id, tag, now));
            return null;
        });
    }
}
