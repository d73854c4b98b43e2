package dev.tandem.app.model;

import dev.tandem.engine.Db;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The writes of a sync with a system outside Tandem (a CalDAV server): a phone's edits saved as
 * this device's own, so they sync to the other devices as any edit does, and the values that lost
 * a clash kept for Conflicts with the server as their author. What to write the caller decides;
 * this class keeps the rows that go with it (an item's tag rows) in the same transaction.
 * Blocks on the database, like the store.
 */
public final class OutsideEdits {
    private final TodoStore store;
    private final Db db;

    public OutsideEdits(TodoStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.db = store.db();
    }

    /** Makes the list {@code id} named {@code name} unless there is one with that id (renamed or not). */
    public void ensureList(String id, String name) {
        db.transaction(tx -> {
            if (tx.get(TodoList.class, id).isEmpty()) {
                long now = store.clock().millis();
                tx.save(new TodoList(id, name, now, now));
            }
        });
    }

    /** Names the author {@code id} (History and Conflicts show the name), unless it goes by that name already. */
    public void nameAuthor(String id, String name) {
        if (db.get(DeviceName.class, id).map(d -> !name.equals(d.name())).orElse(true)) {
            db.save(new DeviceName(id, name));
        }
    }

    /** Saves a new item with its tags in one transaction. */
    public void create(Item item, List<String> tags) {
        db.transaction(tx -> {
            tx.save(item);
            tags.forEach(tag -> TagStore.add(tx, item.id(), tag));
        });
    }

    /**
     * Saves {@code next} over {@code current} (unless they are equal) and gives the item exactly the
     * tags {@code tags}, in one transaction.
     */
    public void replace(Item current, Item next, List<String> tags) {
        long now = store.clock().millis();
        db.transaction(tx -> {
            if (!next.equals(current)) {
                tx.save(next);
            }
            List<String> have = TagStore.of(tx, current.id());
            tags.stream().filter(tag -> !have.contains(tag)).forEach(tag -> TagStore.add(tx, current.id(), tag));
            have.stream().filter(tag -> !tags.contains(tag)).forEach(tag -> TagStore.remove(tx, current.id(), tag, now));
        });
    }

    /** Keeps the local change {@code changeId} of an item's {@code column}, which the outside's later value replaced. */
    public void keepReplacedChange(String itemId, String column, String changeId, String author) {
        db.conflicts().keepReplacedChange("items", itemId, column, changeId, author);
    }

    /** Keeps the outside's value of an item's {@code column} that lost to a later local change. */
    public void keepOutsideLoser(String itemId, String column, Object value, String author, Instant at) {
        db.conflicts().keepOutsideLoser("items", itemId, column, value, author, at);
    }
}
