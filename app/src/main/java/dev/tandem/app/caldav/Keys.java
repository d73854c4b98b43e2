package dev.tandem.app.caldav;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.transfer.StableIds;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How tasks and todos find each other. A task is known by a key: a todo's id, or for a repeating
 * todo its series' id, since one VTODO stands for the whole series. The UID of a VTODO Tandem writes
 * is that key; a task that came from elsewhere gets the key its UID derives (as an .ics import of
 * the same task does), so every device that reads it makes the same todo, and none makes a twin.
 */
final class Keys {
    private static final Comparator<Item> OPEN_FIRST = Comparator.comparing(Item::isDone)
            .thenComparing(it -> it.isDone() ? "" : String.valueOf(it.due()))
            .thenComparing(Comparator.comparing((Item it) -> it.doneAt() == null ? 0L : it.doneAt()).reversed())
            .thenComparing(Item::id);

    private Keys() {
    }

    static String of(String uid) {
        return StableIds.of("ics", "uid", uid);
    }

    static String keyOf(Item it) {
        return it.seriesId() != null ? it.seriesId() : it.id();
    }

    /** The todo standing for {@code key}: itself, or its series' open occurrence due first, else the one done last. */
    static Item current(TodoStore store, String key) {
        List<Item> rows = store.db().query(Item.class, "SELECT * FROM items WHERE id = ?1 OR seriesId = ?1", key);
        return rows.stream().filter(it -> !it.isTrashed()).min(OPEN_FIRST)
                .orElseGet(() -> rows.stream().min(OPEN_FIRST).orElse(null));
    }

    /** Per key, the todo a task of list {@code listId} ("" the Inbox) stands for; notes and the Trash left out. */
    static List<Item> representatives(TodoStore store, String listId) {
        List<Item> rows = store.db().query(Item.class, "SELECT * FROM items WHERE coalesce(listId, '') = ?"
                + " AND trashedAt IS NULL AND coalesce(kind, '') <> 'note'", listId);
        Map<String, Item> byKey = new LinkedHashMap<>();
        for (Item it : rows) {
            byKey.merge(keyOf(it), it, (a, b) -> OPEN_FIRST.compare(a, b) <= 0 ? a : b);
        }
        return List.copyOf(byKey.values());
    }
}
