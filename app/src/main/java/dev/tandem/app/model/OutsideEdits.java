package dev.tandem.app.model;

import dev.tandem.engine.Db;
import dev.tandem.engine.TandemException;
import dev.tandem.engine.Tx;
import dev.tandem.ui.messages.Messages;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The writes of a sync with a system outside Tandem (a CalDAV server): a phone's edits saved as
 * this device's own, so they sync to the other devices as any edit does, and the values that lost
 * a clash kept for Conflicts with the server as their author. What to write the caller decides;
 * this class keeps the rows that go with it (an item's tag rows) in the same transaction.
 * Blocks on the database, like the store.
 */
public final class OutsideEdits {
    /**
     * How often a caller reads and decides again when {@link #merge} finds the item changed: each
     * time needs another commit to land in the moment between a read and a write.
     */
    public static final int ATTEMPTS = 8;

    private final TodoStore store;
    private final Db db;

    public OutsideEdits(TodoStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.db = store.db();
    }

    /** The id each todo linked to {@code system} has there, by todo id (links without one left out). */
    public Map<String, String> linked(String system) {
        Map<String, String> out = new HashMap<>();
        for (ItemLink l : db.query(ItemLink.class, "SELECT * FROM item_links WHERE system = ? ORDER BY itemId",
                system)) {
            if (l.externalId() != null && !l.externalId().isBlank()) {
                out.put(l.itemId(), l.externalId());
            }
        }
        return out;
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

    /** Saves a new item with its tags in one transaction; one without a rank goes after its siblings. */
    public void create(Item item, List<String> tags) {
        db.transaction(tx -> {
            tx.save(item.rank() != null ? item
                    : item.withRank(ItemTree.nextRank(tx, item.listId(), item.parentId(), item.sectionId())));
            tags.forEach(tag -> TagStore.add(tx, item.id(), tag));
        });
    }

    /**
     * The fields of one item that clashed with the outside's, kept for Conflicts with {@code author}
     * (a UUID; History and Conflicts show {@code authorName}) as the outside's side: {@code replaced}
     * holds the local changes its later values replaced (column to change id), {@code lost} its values
     * that lost to later local changes (column to the value as the column holds it, null allowed),
     * made at {@code lostAt}.
     */
    public record Clashes(String author, String authorName, Map<String, String> replaced, Map<String, Object> lost,
                          Instant lostAt) {
        public Clashes {
            replaced = Collections.unmodifiableMap(new LinkedHashMap<>(replaced));
            lost = Collections.unmodifiableMap(new LinkedHashMap<>(lost));
        }

        public boolean isEmpty() {
            return replaced.isEmpty() && lost.isEmpty();
        }
    }

    /**
     * One merged item in one transaction, so a merge costs one commit however many fields clashed:
     * {@code next} saved over {@code current} with exactly the tags {@code tags} (unless {@code next}
     * is null: the item stays as it is), then the {@code clashes} kept, their author named first.
     *
     * <p>{@code current} and {@code currentTags} are what the caller read to decide the merge. They are
     * read again inside the transaction, before anything is written: when a sync (or any other writer)
     * committed to the item in between, nothing is written and this answers false, and the caller
     * reads again and decides again, so the other change is merged, never written over. True when the
     * merge was written (or there was nothing to write).
     */
    public boolean merge(Item current, List<String> currentTags, Item next, List<String> tags, Clashes clashes) {
        if (next == null && clashes.isEmpty()) {
            return true;
        }
        long now = store.clock().millis();
        return db.transactionResult(tx -> {
            Item stored = tx.get(Item.class, current.id()).orElse(null);
            List<String> have = TagStore.of(tx, current.id());
            if (stored == null || !stored.sameRow(current) || !normalized(have).equals(normalized(currentTags))) {
                return false;
            }
            if (next != null) {
                if (!next.sameRow(current)) {
                    tx.save(next);
                }
                tags.stream().filter(tag -> !have.contains(tag)).forEach(tag -> TagStore.add(tx, current.id(), tag));
                have.stream().filter(tag -> !tags.contains(tag)).forEach(tag -> TagStore.remove(tx, current.id(), tag, now));
            }
            if (!clashes.isEmpty()) {
                keep(tx, current.id(), clashes);
            }
            return true;
        });
    }

    private static Set<String> normalized(List<String> tags) {
        return tags.stream().map(ItemTag::normalize).collect(Collectors.toSet());
    }

    /** What to throw when {@link #ATTEMPTS} merges of item {@code id} all found it changed: retrying later helps. */
    public static TandemException keptChanging(String id) {
        return new TandemException(Messages.text("common.item.keptChanging", id));
    }

    /** Keeps the clashes of an item saved in {@code tx}, with their author named as it should be. */
    public static void keep(Tx tx, String itemId, Clashes clashes) {
        String author = clashes.author();
        if (tx.get(DeviceName.class, author).map(d -> !clashes.authorName().equals(d.name())).orElse(true)) {
            tx.save(new DeviceName(author, clashes.authorName()));
        }
        clashes.replaced().forEach((column, changeId) ->
                tx.conflicts().keepReplacedChange("items", itemId, column, changeId, author));
        clashes.lost().forEach((column, value) ->
                tx.conflicts().keepOutsideLoser("items", itemId, column, value, author, clashes.lostAt()));
    }
}
