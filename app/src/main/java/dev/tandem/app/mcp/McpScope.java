package dev.tandem.app.mcp;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.ScopedItems;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one run of {@code tandem mcp} may do: read, or write too ({@code --write}); every list, or only some
 * ({@code --lists A,B}) and the subtasks in them. An item outside the lists answers as one that does not exist,
 * so a client cannot even learn that it is there.
 *
 * @param write   whether the write tools are offered
 * @param listIds the lists it sees, in the order given; null for every list and the Inbox
 */
public record McpScope(boolean write, List<String> listIds) {
    /** An item's id as the engine makes them: a UUID (anything else is refused before it reaches a query). */
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public McpScope {
        listIds = listIds == null ? null : List.copyOf(listIds);
    }

    /**
     * The scope of {@code names} (null or empty: every list), each a list of the profile by name.
     *
     * @throws IllegalArgumentException naming a list the profile does not have
     */
    public static McpScope of(TodoStore store, boolean write, List<String> names) {
        if (names == null || names.isEmpty()) {
            return new McpScope(write, null);
        }
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            TodoList l = store.findList(name.strip()).orElseThrow(() -> new IllegalArgumentException(name.strip()));
            if (!ids.contains(l.id())) {
                ids.add(l.id());
            }
        }
        return new McpScope(write, ids);
    }

    boolean limited() {
        return listIds != null;
    }

    boolean sees(Item item) {
        return !item.isTrashed() && ScopedItems.inScope(item, listIds);
    }

    boolean seesList(String listId) {
        return listIds == null || listIds.contains(listId);
    }

    /** The item {@code id} names, when it exists, is out of the Trash and in scope; else refused as not found. */
    Item item(TodoStore store, String id) {
        Optional<Item> found = id != null && ID.matcher(id.strip()).matches() ? store.get(id.strip().toLowerCase())
                : Optional.empty();
        return found.filter(this::sees).orElseThrow(() -> new ToolArgs.Refused("No item has the id " + shown(id)
                + (limited() ? " in the lists this server may see" : "")));
    }

    /** An id as an answer may repeat it: short, so a client's junk is not echoed back at length. */
    private static String shown(String id) {
        String s = id == null ? "" : id.strip();
        return "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
    }
}
