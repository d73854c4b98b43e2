package dev.tandem.app.model;

import dev.tandem.engine.Db;
import dev.tandem.engine.Subscription;
import dev.tandem.engine.Tx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Tags on todos: one {@link ItemTag} row per (item, tag), with an id derived from both, so adding the
 * same tag on two devices makes one row and adding different tags never loses one (see ItemTag). The
 * {@code Tx} methods let a bulk action tag many todos in the caller's one transaction.
 */
public final class TagStore {
    /**
     * Tags on open todos and notes (what a tag's view lists), each with its number of open todos, most used
     * first; a tag only notes carry counts 0 but stays in the sidebar.
     */
    static final String COUNTS = "SELECT t.tag AS id, sum(CASE WHEN " + Queries.OPEN_TODO_I + " THEN 1 ELSE 0 END) AS n"
            + " FROM item_tags t JOIN items i ON i.id = t.itemId"
            + " WHERE t.removedAt IS NULL AND " + Queries.LISTED_I + " GROUP BY t.tag ORDER BY n DESC, t.tag";

    private final TodoStore store;

    public TagStore(TodoStore store) {
        this.store = store;
    }

    /**
     * Deletes the tag rows of todos that are gone for good: no row and no history left, as sync
     * forgets a todo deleted long ago once every device has seen it deleted. Tag rows of a todo that
     * is only deleted stay, as they are how a restore brings its tags back. Returns how many went.
     */
    public static int forgetOrphans(Db db) {
        List<ItemTag> orphans = db.query(ItemTag.class, "SELECT * FROM item_tags WHERE itemId NOT IN (SELECT id FROM items)");
        List<String> gone = new ArrayList<>();
        Map<String, Boolean> forgotten = new HashMap<>();
        for (ItemTag t : orphans) {
            if (forgotten.computeIfAbsent(t.itemId(), id -> db.history().changes("items", id).isEmpty())) {
                gone.add(t.id());
            }
        }
        for (int from = 0; from < gone.size(); from += 500) {
            List<String> slice = gone.subList(from, Math.min(gone.size(), from + 500));
            db.transaction(tx -> slice.forEach(id -> tx.delete(ItemTag.class, id)));
        }
        return gone.size();
    }

    /** Adds {@code tag} to the item (again, if it was removed); false when it was there already or is empty. */
    public static boolean add(Tx tx, String itemId, String tag) {
        ItemTag want = ItemTag.of(itemId, tag);
        if (want.tag().isEmpty()) {
            return false;
        }
        Optional<ItemTag> cur = tx.get(ItemTag.class, want.id());
        if (cur.isPresent() && !cur.get().isRemoved()) {
            return false;
        }
        tx.save(want);
        return true;
    }

    /** Removes {@code tag} from the item; false when it was not there. */
    public static boolean remove(Tx tx, String itemId, String tag, long now) {
        ItemTag key = ItemTag.of(itemId, tag);
        Optional<ItemTag> cur = tx.get(ItemTag.class, key.id());
        if (cur.isEmpty() || cur.get().isRemoved()) {
            return false;
        }
        tx.save(new ItemTag(key.id(), itemId, key.tag(), now));
        return true;
    }

    private static final String OF_ITEM = "SELECT * FROM item_tags WHERE itemId = ? AND removedAt IS NULL ORDER BY tag";

    /** The item's tags, in order, as the caller's transaction sees them (a write that reads them first). */
    public static List<String> of(Tx tx, String itemId) {
        return tags(tx.query(ItemTag.class, OF_ITEM, itemId));
    }

    /**
     * The item's tags, in order: a plain read, which does not take the write lock, so it does not wait
     * behind a merge or an import.
     */
    public List<String> of(String itemId) {
        return tags(store.db().query(ItemTag.class, OF_ITEM, itemId));
    }

    private static List<String> tags(List<ItemTag> rows) {
        List<String> out = new ArrayList<>(rows.size());
        for (ItemTag t : rows) {
            out.add(t.tag());
        }
        return out;
    }

    /** Adds tags to one item in one transaction; returns those that were not there before. */
    public List<String> add(String itemId, Collection<String> tags) {
        return store.writeAll(tx -> {
            List<String> added = new ArrayList<>();
            for (String t : tags) {
                if (add(tx, itemId, t)) {
                    added.add(ItemTag.normalize(t));
                }
            }
            return added;
        });
    }

    /** Removes tags from one item in one transaction; returns those that were there. */
    public List<String> remove(String itemId, Collection<String> tags) {
        long now = store.clock().millis();
        return store.writeAll(tx -> {
            List<String> removed = new ArrayList<>();
            for (String t : tags) {
                if (remove(tx, itemId, t, now)) {
                    removed.add(ItemTag.normalize(t));
                }
            }
            return removed;
        });
    }

    /** Makes the item's tags exactly {@code tags}; returns the tags it had before. */
    public List<String> set(String itemId, Collection<String> tags) {
        long now = store.clock().millis();
        return store.writeAll(tx -> {
            List<String> before = of(tx, itemId);
            List<String> want = tags.stream().map(ItemTag::normalize).filter(t -> !t.isEmpty()).distinct().toList();
            for (String t : before) {
                if (!want.contains(t)) {
                    remove(tx, itemId, t, now);
                }
            }
            for (String t : want) {
                add(tx, itemId, t);
            }
            return before;
        });
    }

    /** Every item's tags, in order, by item id (items without tags are absent). */
    public Map<String, List<String>> all() {
        Map<String, List<String>> out = new HashMap<>();
        for (ItemTag t : store.db().query(ItemTag.class,
                "SELECT * FROM item_tags WHERE removedAt IS NULL ORDER BY itemId, tag")) {
            out.computeIfAbsent(t.itemId(), k -> new ArrayList<>()).add(t.tag());
        }
        return out;
    }

    /** Every tag on an open todo or a note, with its count of open todos. */
    public List<Count> counts() {
        return store.db().query(Count.class, COUNTS);
    }

    public Subscription subscribeCounts(Consumer<List<Count>> onResult, Executor executor) {
        return store.db().querySubscribe(Count.class, COUNTS, List.of(), onResult, executor);
    }
}
