package dev.tandem.app.vm;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.SeriesStore;
import dev.tandem.app.model.TagStore;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Tx;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Actions on several selected todos at once: complete, move to a list, set the due date, tag, move to
 * the Trash. Each runs in ONE transaction (one change to sync, one live update) and pushes ONE undo
 * step, which puts back only the fields the action changed, again in one transaction; redo does the
 * action again on the same todos. Completing repeating todos creates their next occurrences in the same
 * transaction, and undo removes them.
 */
public final class BulkCommands {
    private final TodoStore store;
    private final Async async;
    private final UndoManager undo;
    private final Consumer<String> say;

    BulkCommands(TodoStore store, Async async, UndoManager undo, Consumer<String> say) {
        this.store = store;
        this.async = async;
        this.undo = undo;
        this.say = say;
    }

    /** What one bulk action did, for its undo. */
    private record Done(List<Item> before, List<String> created) {
    }

    private static String n(int count) {
        return count == 1 ? "1 todo" : count + " todos";
    }

    public void complete(List<ItemRow> rows) {
        long now = store.clock().millis();
        run(rows, "Complete", (tx, it) -> {
            // Notes among the selection are left as they are: they are never done.
            if (it.isDone() || it.isNote()) {
                return null;
            }
            tx.save(it.withDone(true, now));
            Item next = SeriesStore.createNext(tx, it, now);
            return next == null ? "" : next.id();
        }, (cur, b) -> cur.withDoneFields(b.done(), b.doneAt()));
    }

    public void moveToList(List<ItemRow> rows, String listId) {
        run(rows, "Move", (tx, it) -> {
            tx.save(it.withListId(listId));
            return "";
        }, (cur, b) -> cur.withListId(b.listId()));
    }

    public void setDue(List<ItemRow> rows, LocalDate due) {
        run(rows, "Set the date of", (tx, it) -> {
            tx.save(it.withDue(due));
            return "";
        }, (cur, b) -> cur.withDue(b.dueDate()));
    }

    public void setPriority(List<ItemRow> rows, Integer priority) {
        run(rows, "Set the priority of", (tx, it) -> {
            tx.save(it.withPriority(priority));
            return "";
        }, (cur, b) -> cur.withPriority(b.priorityLevel() == 0 ? null : b.priorityLevel()));
    }

    public void trash(List<ItemRow> rows) {
        long now = store.clock().millis();
        run(rows, "Move to Trash", (tx, it) -> {
            if (it.isTrashed()) {
                return null;
            }
            tx.save(it.withTrashedAt(now));
            return "";
        }, (cur, b) -> cur.withTrashedAt(b.trashedAt()));
    }

    /** Adds {@code tag} to every selected todo; undo removes it from those that did not have it. */
    public void tag(List<ItemRow> rows, String tag) {
        List<String> ids = rows.stream().map(ItemRow::id).toList();
        if (ids.isEmpty() || tag == null || tag.isBlank()) {
            return;
        }
        async.run(() -> store.writeAll(tx -> {
            List<String> added = new ArrayList<>();
            for (String id : ids) {
                if (TagStore.add(tx, id, tag)) {
                    added.add(id);
                }
            }
            return added;
        }), added -> {
            long now = store.clock().millis();
            undo.push("Tag " + n(ids.size()), () -> store.writeAll(tx -> {
                added.forEach(id -> TagStore.remove(tx, id, tag, now));
                return null;
            }), () -> store.writeAll(tx -> {
                added.forEach(id -> TagStore.add(tx, id, tag));
                return null;
            }));
            say.accept("Tagged " + n(ids.size()) + " @" + tag.strip().replaceFirst("^@+", ""));
        });
    }

    private interface Step {
        /** Changes one todo; returns null when it needed no change, else the id of a todo it created or "". */
        String apply(Tx tx, Item current);
    }

    private interface Restore {
        Item apply(Item current, Item before);
    }

    private void run(List<ItemRow> rows, String verb, Step step, Restore restore) {
        List<String> ids = rows.stream().map(ItemRow::id).distinct().toList();
        if (ids.isEmpty()) {
            return;
        }
        async.run(() -> apply(ids, step), done -> {
            if (done.before().isEmpty()) {
                return;
            }
            String label = verb + " " + n(done.before().size());
            // Redo runs the step again on the todos it changed; undo then puts back what that redo changed.
            AtomicReference<Done> last = new AtomicReference<>(done);
            undo.push(label, () -> store.writeAll(tx -> {
                Done d = last.get();
                for (Item b : d.before()) {
                    tx.get(Item.class, b.id()).ifPresent(cur -> tx.save(restore.apply(cur, b)));
                }
                d.created().forEach(id -> tx.delete(Item.class, id));
                return null;
            }), () -> last.set(apply(last.get().before().stream().map(Item::id).toList(), step)));
            say.accept("Done: " + label);
        });
    }

    /** Runs {@code step} on each todo in one transaction; returns what it changed and created. */
    private Done apply(List<String> ids, Step step) {
        return store.writeAll(tx -> {
            List<Item> before = new ArrayList<>();
            List<String> created = new ArrayList<>();
            for (String id : ids) {
                Item cur = tx.get(Item.class, id).orElse(null);
                String r = cur == null ? null : step.apply(tx, cur);
                if (r != null) {
                    before.add(cur);
                    if (!r.isEmpty()) {
                        created.add(r);
                    }
                }
            }
            return new Done(before, created);
        });
    }
}
