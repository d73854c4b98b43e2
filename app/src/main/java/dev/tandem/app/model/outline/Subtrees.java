package dev.tandem.app.model.outline;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.ItemTree;
import dev.tandem.app.model.TextLimits;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.TodoVerbs;
import dev.tandem.engine.Db;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A todo's subtasks: which are open (what completing a parent asks about), and turning one back into a line of
 * its parent's notes. What deleting, restoring and completing do to subtasks is the verbs' ({@link TodoVerbs}).
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
        return db.transactionResult(tx -> ItemTree.descendants(tx, id).stream()
                .filter(i -> !i.isTrashed() && !i.isDone() && !i.isNote()).toList());
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
            List<String> trashed = TodoVerbs.trashTree(tx, child, now);
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
}
