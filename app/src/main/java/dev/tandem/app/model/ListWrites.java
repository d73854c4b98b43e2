package dev.tandem.app.model;

import dev.tandem.engine.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The writes of lists, in the caller's transaction: {@link TodoStore} opens it and says when. */
final class ListWrites {
    private ListWrites() {
    }

    /** {@code name} stripped and cut to what a list name holds; an empty one is refused. */
    static String name(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("name: must not be empty");
        }
        return TextLimits.listName(n);
    }

    /** The list called {@code name} (Unicode case-insensitive, as {@link TodoStore#findList}); null if none. */
    static TodoList named(Tx tx, String name) {
        return tx.query(TodoList.class, "SELECT * FROM lists ORDER BY position").stream()
                .filter(l -> l.name() != null && l.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    /**
     * A new list after the others. A list made by name has an id derived from the name ({@link
     * DerivedIds#list}), so two devices that make "Home" before they sync make one list, as two devices
     * adding a tag make one tag. When that id is taken here (the list was renamed since), the new list
     * gets a fresh id.
     */
    static TodoList create(Tx tx, String name, long now) {
        long pos = Queries.number(tx, "SELECT max(position) FROM lists") + 1;
        String id = DerivedIds.list(name);
        return tx.save(new TodoList(tx.get(TodoList.class, id).isPresent() ? null : id, name, pos, now));
    }

    /** Renames; returns the old name. */
    static Optional<String> rename(Tx tx, String id, String name) {
        Optional<TodoList> cur = tx.get(TodoList.class, id);
        cur.ifPresent(l -> tx.save(l.withName(name)));
        return cur.map(TodoList::name);
    }

    /** Deletes the list and moves its open items to the Trash; returns the ids of the items trashed. */
    static List<String> delete(Tx tx, String id, long now) {
        List<String> ids = new ArrayList<>();
        for (Item it : tx.query(Item.class, "SELECT * FROM items WHERE listId = ? AND trashedAt IS NULL", id)) {
            tx.save(it.withTrashedAt(now));
            ids.add(it.id());
        }
        tx.delete(TodoList.class, id);
        return ids;
    }

    /** Brings the list back and its items out of the Trash. */
    static void undelete(Tx tx, String id, List<String> itemIds) {
        tx.restore(TodoList.class, id);
        for (String itemId : itemIds) {
            tx.get(Item.class, itemId).ifPresent(it -> tx.save(it.withTrashedAt(null)));
        }
    }
}
