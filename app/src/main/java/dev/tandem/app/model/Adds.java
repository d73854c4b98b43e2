package dev.tandem.app.model;

import dev.tandem.engine.Tx;
import java.time.LocalDate;

/**
 * Adding a todo with all it comes with, in the caller's transaction: the list named for it (made when
 * there is none), its place under a parent and among its siblings, its details. Every read that
 * decides the write (does the list exist, is the id taken, how deep is the parent) is made in that
 * transaction, so two writers cannot both make "Home" or both take one id.
 */
final class Adds {
    private Adds() {
    }

    /** The add of {@link TodoStore}, its title and list name already checked. */
    static TodoStore.Added add(Tx tx, long now, String id, String title, String listName, String listId,
            String parentId, LocalDate due, TodoDetails details, LocalDate today) {
        // Matched like findList (Unicode case-insensitive), inside the transaction that may create it.
        TodoList list = listName == null ? null : ListWrites.named(tx, listName);
        TodoList created = listName != null && list == null ? ListWrites.create(tx, listName, now) : null;
        Item parent = parentId == null ? null : tx.get(Item.class, parentId).orElseThrow(
                () -> new IllegalArgumentException("parentId: no todo " + parentId));
        if (parent != null) {
            TreeDepth.check(tx, parent, null);
        }
        String lid = parent != null ? parent.listId()
                : listName == null ? listId : list != null ? list.id() : created.id();
        if (id != null && tx.get(Item.class, id).isPresent()) {
            throw new IllegalArgumentException("id: " + id + " is in use");
        }
        Item fresh = Item.create(title, lid, due, now).withId(id).withParentId(parentId)
                .withRank(ItemTree.nextRank(tx, lid, parentId, null));
        Item saved = tx.save(details.note() ? fresh.withNote(true) : fresh);
        return new TodoStore.Added(details.apply(tx, saved, today), created);
    }

    /** Brings back what {@link #undo} took: the same item, and the list the add made. */
    static void redo(Tx tx, TodoStore.Added added) {
        if (added.createdList() != null) {
            tx.restore(TodoList.class, added.createdList().id());
        }
        tx.restore(Item.class, added.item().id());
    }

    /** Deletes the item the add made, and the list it made. */
    static void undo(Tx tx, TodoStore.Added added) {
        tx.delete(Item.class, added.item().id());
        if (added.createdList() != null) {
            tx.delete(TodoList.class, added.createdList().id());
        }
    }
}
