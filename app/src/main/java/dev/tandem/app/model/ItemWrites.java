package dev.tandem.app.model;

import dev.tandem.engine.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Writes of todos in the caller's transaction, which {@link TodoStore} opens: an edit reads the row it
 * changes in it. Deleting for good takes a todo's links ({@link ItemLink}), which would otherwise stay
 * behind with no item; its tags stay, as their rows are how a restore brings them back. Each delete
 * is an engine tombstone that syncs, so a restore can undo it.
 */
final class ItemWrites {
    private ItemWrites() {
    }

    /** {@code title} stripped and cut to what a title holds; an empty one is refused. */
    static String title(String title) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("title: must not be empty");
        }
        return TextLimits.title(t);
    }

    /** Applies {@code patch} to the current row; returns the row as it was before. */
    static Optional<Item> update(Tx tx, String id, UnaryOperator<Item> patch) {
        Optional<Item> cur = tx.get(Item.class, id);
        cur.ifPresent(item -> {
            Item next = patch.apply(item);
            if (!Objects.equals(item.title(), next.title()) && (next.title() == null || next.title().isBlank())) {
                // As for add: every importer refuses a todo without a title, so a backup of it would not restore.
                throw new IllegalArgumentException("title: must not be empty");
            }
            TextLimits.checkChange(item, next);
            if (!next.equals(item)) {
                tx.save(next);
            }
        });
        return cur;
    }

    /** Deletes the item and its links; false when there was no such item. */
    static boolean delete(Tx tx, String id) {
        if (!tx.delete(Item.class, id)) {
            return false;
        }
        for (ItemLink l : tx.query(ItemLink.class, "SELECT * FROM item_links WHERE itemId = ?", id)) {
            tx.delete(ItemLink.class, l.id());
        }
        return true;
    }

    /** Deletes these items; returns those there were. */
    static List<String> delete(Tx tx, List<String> ids) {
        List<String> deleted = new ArrayList<>();
        for (String id : ids) {
            if (delete(tx, id)) {
                deleted.add(id);
            }
        }
        return deleted;
    }

    /** Brings back items deleted for good, with the links deleted with them. */
    static void restore(Tx tx, List<String> ids) {
        ids.forEach(id -> {
            tx.restore(Item.class, id);
            // A link that was not deleted (or never existed) is left as it is.
            ItemLink.SYSTEMS.forEach(system -> tx.restore(ItemLink.class, DerivedIds.link(id, system)));
        });
    }

    /** Deletes every trashed item; returns their ids. */
    static List<String> emptyTrash(Tx tx) {
        List<String> out = new ArrayList<>();
        for (Item it : tx.query(Item.class, "SELECT * FROM items WHERE trashedAt IS NOT NULL")) {
            if (delete(tx, it.id())) {
                out.add(it.id());
            }
        }
        return out;
    }
}
