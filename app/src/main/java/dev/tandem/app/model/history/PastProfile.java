package dev.tandem.app.model.history;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.ItemTag;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The profile as it stood at a time, read from the changelog ({@code db.history().asOf}), nothing
 * stored for it: the lists, the items not in the Trash then (each with its tags then), and, beside
 * each, the item as it is now, if it still is.
 *
 * @param at     the time
 * @param lists  the lists then, by name
 * @param items  the items then, outside the Trash, their tags in {@link Item#tags()}
 * @param now    the same items now, by id; missing where deleted for good since
 * @param byList the items then by list id, "" for the Inbox (which also holds items of lists unknown then)
 */
public record PastProfile(Instant at, List<TodoList> lists, List<Item> items, Map<String, Item> now,
                          Map<String, List<Item>> byList) {
    public PastProfile {
        lists = List.copyOf(lists);
        items = List.copyOf(items);
        now = Map.copyOf(now);
        byList = Map.copyOf(byList);
    }

    /** The profile of these lists and items, each item filed under its list once. */
    static PastProfile of(Instant at, List<TodoList> lists, List<Item> items, Map<String, Item> now) {
        Set<String> known = lists.stream().map(TodoList::id).collect(Collectors.toSet());
        Map<String, List<Item>> byList = items.stream().collect(Collectors.groupingBy(
                it -> it.listId() != null && known.contains(it.listId()) ? it.listId() : "",
                Collectors.collectingAndThen(Collectors.toList(), List::copyOf)));
        return new PastProfile(at, lists, items, now, byList);
    }

    /** Reads the profile of {@code store} as it stood at {@code at}: one read of each table. */
    public static PastProfile read(TodoStore store, Instant at) {
        var history = store.db().history();
        List<TodoList> lists = new ArrayList<>(history.asOf(TodoList.class, at));
        lists.sort(Comparator.comparing(l -> l.name() == null ? "" : l.name(), String.CASE_INSENSITIVE_ORDER));
        Map<String, List<String>> tags = new HashMap<>();
        for (ItemTag t : history.asOf(ItemTag.class, at)) {
            if (!t.isRemoved()) {
                tags.computeIfAbsent(t.itemId(), k -> new ArrayList<>()).add(t.tag());
            }
        }
        List<Item> items = new ArrayList<>();
        for (Item it : history.asOf(Item.class, at)) {
            if (!it.isTrashed()) {
                List<String> its = tags.getOrDefault(it.id(), List.of());
                items.add(it.withTags(its.stream().sorted().collect(Collectors.joining(" "))));
            }
        }
        Map<String, Item> now = store.allItems().stream().collect(Collectors.toMap(Item::id, Function.identity(), (a, b) -> a));
        return of(at, lists, items, now);
    }

    /** The items of the list {@code listId} then (null: the Inbox, which also holds items of unknown lists). */
    public List<Item> itemsOf(String listId) {
        return byList.getOrDefault(listId == null ? "" : listId, List.of());
    }
}
