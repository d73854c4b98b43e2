package dev.tandem.app.model;

import dev.tandem.engine.Db;
import dev.tandem.engine.Tx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What happens to a todo's subtasks when it is deleted, restored or completed: they go with it. Deleting a
 * todo moves it and every todo under it to the Trash in one transaction; restoring brings back exactly
 * those, and the todos above it if they are in the Trash too (a subtask is never restored under a deleted
 * parent). Completing a parent with open subtasks completes them with it when the person says so.
 * Blocks on the database: call it off the UI thread.
 */
public final class Subtrees {
    private final Db db;
    private final Clock clock;

    /** Over the store's database and clock (view-models reach the database only through the model). */
    public Subtrees(TodoStore store) {
        this(store.db(), store.clock());
    }

    public Subtrees(Db db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The open todos under {@code id}, at any depth. */
    public List<Item> openUnder(String id) {
        return db.transactionResult(tx -> OutlineStore.descendants(tx, id).stream()
                .filter(i -> !i.isTrashed() && !i.isDone() && !i.isNote()).toList());
    }

    /** Moves the todo and every todo under it not in the Trash yet to the Trash; returns their ids, it first. */
    public List<String> trash(String id) {
        long now = clock.millis();
        return db.transactionResult(tx -> {
            List<String> out = new ArrayList<>();
            Item it = tx.get(Item.class, id).orElse(null);
            if (it == null || it.isTrashed()) {
                return out;
            }
            tx.save(it.withTrashedAt(now));
            out.add(id);
            for (Item d : OutlineStore.descendants(tx, id)) {
                if (!d.isTrashed()) {
                    tx.save(d.withTrashedAt(now));
                    out.add(d.id());
                }
            }
            return out;
        });
    }

    /**
     * Takes these todos out of the Trash, and any todo above the first that is in it; returns the ids it
     * restored.
     */
    public List<String> restore(List<String> ids) {
        return db.transactionResult(tx -> {
            List<String> out = new ArrayList<>();
            for (String id : ids) {
                tx.get(Item.class, id).filter(Item::isTrashed).ifPresent(i -> {
                    tx.save(i.withTrashedAt(null));
                    out.add(id);
                });
            }
            if (!ids.isEmpty()) {
                restoreAbove(tx, ids.get(0), out);
            }
            return out;
        });
    }

    private static void restoreAbove(Tx tx, String id, List<String> out) {
        Set<String> seen = new HashSet<>();
        Item at = tx.get(Item.class, id).orElse(null);
        while (at != null && at.hasParent() && seen.add(at.id())) {
            String list = at.listId();
            // Never across the list's edge: a shared todo's named parent may be a private one.
            Item p = tx.get(Item.class, at.parentId()).filter(x -> Objects.equals(x.listId(), list)).orElse(null);
            if (p != null && p.isTrashed()) {
                tx.save(p.withTrashedAt(null));
                out.add(p.id());
            }
            at = p;
        }
    }

    /**
     * Takes a todo out of the Trash with the subtasks that went there with it (the same moment), and the
     * todos above it if they are in the Trash; returns the ids it restored.
     */
    public List<String> restoreTree(String id) {
        return db.transactionResult(tx -> {
            List<String> out = new ArrayList<>();
            Item it = tx.get(Item.class, id).orElse(null);
            if (it == null || !it.isTrashed()) {
                return out;
            }
            Long when = it.trashedAt();
            tx.save(it.withTrashedAt(null));
            out.add(id);
            for (Item d : OutlineStore.descendants(tx, id)) {
                if (when.equals(d.trashedAt())) {
                    tx.save(d.withTrashedAt(null));
                    out.add(d.id());
                }
            }
            restoreAbove(tx, id, out);
            return out;
        });
    }

    /** What turning a subtask into a line of its parent's notes did, for undo. */
    public record Folded(String parentId, String notesBefore, String notesAfter, List<String> trashed) {
    }

    /**
     * Turns subtask {@code childId} back into a line of its parent's notes, in one transaction: the parent's
     * notes become {@code addLine} of them (the app writes the check box line), and the subtask, with any
     * todos under it, goes to the Trash. Empty for a todo without a parent here.
     */
    public Optional<Folded> fold(String childId, UnaryOperator<String> addLine) {
        long now = clock.millis();
        return db.transactionResult(tx -> {
            Item child = tx.get(Item.class, childId).orElse(null);
            Item parent = child == null || !child.hasParent() ? null : tx.get(Item.class, child.parentId()).orElse(null);
            if (parent == null || child.isTrashed()) {
                return Optional.<Folded>empty();
            }
            String after = addLine.apply(parent.notes());
            TextLimits.notes(after);
            tx.save(parent.withNotes(after));
            List<String> trashed = new ArrayList<>();
            tx.save(child.withTrashedAt(now));
            trashed.add(childId);
            for (Item d : OutlineStore.descendants(tx, childId)) {
                if (!d.isTrashed()) {
                    tx.save(d.withTrashedAt(now));
                    trashed.add(d.id());
                }
            }
            return Optional.of(new Folded(parent.id(), parent.notes(), after, trashed));
        });
    }

    /** Undoes {@link #fold}: the subtask is back, and the parent's notes too unless they changed since. */
    public void unfold(Folded f) {
        db.transaction(tx -> {
            tx.get(Item.class, f.parentId()).filter(p -> Objects.equals(p.notes(), f.notesAfter()))
                    .ifPresent(p -> tx.save(p.withNotes(f.notesBefore())));
            f.trashed().forEach(id -> tx.get(Item.class, id).filter(Item::isTrashed)
                    .ifPresent(i -> tx.save(i.withTrashedAt(null))));
        });
    }

    /** Puts these todos back in the Trash (undo of {@link #restore}, redo of {@link #trash}). */
    public void retrash(List<String> ids) {
        long now = clock.millis();
        db.transaction(tx -> ids.forEach(id -> tx.get(Item.class, id).filter(i -> !i.isTrashed())
                .ifPresent(i -> tx.save(i.withTrashedAt(now)))));
    }

    /** Completes the open todos under {@code id} (not the todo itself); returns their ids. */
    public List<String> completeUnder(String id) {
        long now = clock.millis();
        return db.transactionResult(tx -> {
            List<String> out = new ArrayList<>();
            for (Item d : OutlineStore.descendants(tx, id)) {
                if (!d.isTrashed() && !d.isDone() && !d.isNote()) {
                    tx.save(d.withDone(true, now));
                    out.add(d.id());
                }
            }
            return out;
        });
    }

    /** Reopens these todos (undo of {@link #completeUnder}). */
    public void reopen(List<String> ids) {
        db.transaction(tx -> ids.forEach(id -> tx.get(Item.class, id).filter(Item::isDone)
                .ifPresent(i -> tx.save(i.withDone(false, 0)))));
    }
}
