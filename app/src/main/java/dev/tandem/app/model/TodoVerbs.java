package dev.tandem.app.model;

import dev.tandem.engine.Db;
import dev.tandem.engine.Tx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What Done, Reopen, Delete (to the Trash), Restore and Snooze do to a todo, decided here once for every door
 * (the window, the command line, the reminder agent, the web page, MCP). Each verb reads the todo, decides and
 * writes in one transaction, and returns what its undo needs; each undo is one transaction too. Every method
 * blocks on the database: call it off the UI thread.
 *
 * <p>Completing marks the todo done, completes its open subtasks when asked to (the window asks the person, the
 * command line wants {@code --with-subtasks}; the page, the agent and MCP leave them open), and for a repeating
 * todo creates the next occurrence with fresh subtasks ({@link SeriesStore#createNext}), in that order, so nothing
 * sees a done occurrence without its successor. A note is never completed. Deleting moves the todo and every todo
 * under it to the Trash at one moment; restoring brings back those that went with it (the same moment) and any
 * todo above it in the Trash, so a subtask never comes back under a deleted parent. Only the model writes the
 * done and trash fields ({@code ArchitectureTest}).
 */
public final class TodoVerbs {
    /** How far a notification's "Snooze" moves the reminder ({@link #snooze}). */
    public static final Duration SNOOZE = Duration.ofMinutes(10);

    private final Db db;
    private final Clock clock;

    public TodoVerbs(TodoStore store) {
        this.db = Objects.requireNonNull(store, "store").db();
        this.clock = store.clock();
    }

    /** Completes {@code id} (with its open subtasks when {@code withSubtasks}); empty when there is no such todo. */
    public Optional<Completed> complete(String id, boolean withSubtasks) {
        return complete(id, withSubtasks, it -> true);
    }

    /** As above, only when {@code may} allows the todo as it is in the transaction (a door that sees some lists). */
    public Optional<Completed> complete(String id, boolean withSubtasks, Predicate<Item> may) {
        long now = clock.millis();
        return db.transactionResult(tx -> tx.get(Item.class, id).filter(may)
                .map(it -> complete(tx, it, withSubtasks, now)));
    }

    private static Completed complete(Tx tx, Item it, boolean withSubtasks, long now) {
        if (it.isDone() || it.isNote()) {
            return new Completed(it, List.of(), null);
        }
        List<String> subtasks = new ArrayList<>();
        if (withSubtasks) {
            for (Item d : ItemTree.descendants(tx, it.id())) {
                if (!d.isTrashed() && !d.isDone() && !d.isNote()) {
                    tx.save(d.withDone(true, now));
                    subtasks.add(d.id());
                }
            }
        }
        tx.save(it.withDone(true, now));
        return new Completed(it, subtasks, SeriesStore.createNext(tx, it, now));
    }

    /**
     * Undoes {@link #complete}: the todo gets back the done fields it had, the subtasks completed with it reopen,
     * and the next occurrence it created goes, with the fresh subtasks under it.
     */
    public void uncomplete(Completed done) {
        Item b = done.before();
        db.transaction(tx -> {
            tx.get(Item.class, b.id()).ifPresent(cur -> tx.save(cur.withDoneFields(b.done(), b.doneAt())));
            done.subtasks().forEach(id -> tx.get(Item.class, id).filter(Item::isDone)
                    .ifPresent(i -> tx.save(i.withDone(false, 0))));
            if (done.created() != null) {
                for (Item d : ItemTree.descendants(tx, done.created().id())) {
                    tx.delete(Item.class, d.id());
                }
                tx.delete(Item.class, done.created().id());
            }
        });
    }

    /** Reopens a done todo (its next occurrence, if any, stays); returns it as it was, empty when there is none. */
    public Optional<Item> reopen(String id) {
        return reopen(id, it -> true);
    }

    /** As above, only when {@code may} allows the todo as it is in the transaction (a door that sees some lists). */
    public Optional<Item> reopen(String id, Predicate<Item> may) {
        long now = clock.millis();
        return db.transactionResult(tx -> tx.get(Item.class, id).filter(may)
                .flatMap(x -> ItemWrites.update(tx, id, it -> it.isDone() ? it.withDone(false, now) : it)));
    }

    /** Undoes {@link #reopen}: a todo still open gets back the done fields it had in {@code before}. */
    public void unreopen(Item before) {
        db.transaction(tx -> tx.get(Item.class, before.id()).filter(i -> !i.isDone() && before.isDone())
                .ifPresent(i -> tx.save(i.withDoneFields(before.done(), before.doneAt()))));
    }

    /** Moves the todo and every todo under it not in the Trash yet to the Trash; returns their ids, it first. */
    public List<String> trash(String id) {
        long now = clock.millis();
        return db.transactionResult(tx -> {
            Item it = tx.get(Item.class, id).orElse(null);
            return it == null || it.isTrashed() ? List.<String>of() : trashTree(tx, it, now);
        });
    }

    /** Moves {@code it} and the todos under it not in the Trash yet to the Trash, in the caller's transaction. */
    public static List<String> trashTree(Tx tx, Item it, long now) {
        List<String> out = new ArrayList<>();
        tx.save(it.withTrashedAt(now));
        out.add(it.id());
        for (Item d : ItemTree.descendants(tx, it.id())) {
            if (!d.isTrashed()) {
                tx.save(d.withTrashedAt(now));
                out.add(d.id());
            }
        }
        return out;
    }

    /**
     * Takes a todo out of the Trash with the subtasks that went there with it (the same moment), and the todos
     * above it if they are in the Trash; returns the ids it restored.
     */
    public List<String> restore(String id) {
        return db.transactionResult(tx -> {
            List<String> out = new ArrayList<>();
            Item it = tx.get(Item.class, id).orElse(null);
            if (it == null || !it.isTrashed()) {
                return out;
            }
            Long when = it.trashedAt();
            tx.save(it.withTrashedAt(null));
            out.add(id);
            for (Item d : ItemTree.descendants(tx, id)) {
                if (when.equals(d.trashedAt())) {
                    tx.save(d.withTrashedAt(null));
                    out.add(d.id());
                }
            }
            restoreAbove(tx, id, out);
            return out;
        });
    }

    /**
     * Takes these todos out of the Trash, and any todo above the first that is in it (undo of {@link #trash}, redo
     * of {@link #restore}); returns the ids it restored.
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

    /** Puts these todos back in the Trash (undo of {@link #restore}, redo of {@link #trash}). */
    public void retrash(List<String> ids) {
        long now = clock.millis();
        db.transaction(tx -> ids.forEach(id -> tx.get(Item.class, id).filter(i -> !i.isTrashed())
                .ifPresent(i -> tx.save(i.withTrashedAt(now)))));
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

    /** Rings the todo's reminder again {@link #SNOOZE} from now; returns it as it was. */
    public Optional<Item> snooze(String id) {
        long at = clock.millis() + SNOOZE.toMillis();
        return db.transactionResult(tx -> ItemWrites.update(tx, id, it -> it.withRemindAt(at)));
    }
}
