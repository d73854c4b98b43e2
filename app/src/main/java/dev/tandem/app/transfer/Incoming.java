package dev.tandem.app.transfer;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoList;
import java.util.List;

/**
 * What an importer read from a file, before anything is written: lists and items as Tandem rows,
 * with ids already derived from the source ({@link StableIds}), so a second import of the same
 * file finds them. An item's {@code listId} names one of {@code lists}, or null for the Inbox.
 *
 * @param source   the file's name, for messages
 * @param lists    lists to find (by id, then by name) or create
 * @param items    items to add unless their id is already known
 * @param warnings what was read but not kept, in words ("2 encrypted notes skipped")
 */
public record Incoming(String source, List<TodoList> lists, List<Item> items, List<String> warnings) {
    public Incoming {
        lists = List.copyOf(lists);
        items = List.copyOf(items);
        warnings = List.copyOf(warnings);
    }
}
