package dev.tandem.app.web;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.ScopedItems;
import java.util.List;

/**
 * What one request may see and do: a paired browser everything; a personal access token ({@link AccessTokens}) maybe
 * only reading ({@code readOnly}: every POST refused with 403 before its handler), maybe only some lists and the
 * subtasks in them ({@code listIds}; null: every list and the Inbox). An item outside the lists answers as one that
 * does not exist (404), so a token cannot even learn that it is there.
 */
record ApiScope(boolean token, boolean readOnly, List<String> listIds) {
    /** A paired browser's: everything. */
    static final ApiScope EVERYTHING = new ApiScope(false, false, null);

    ApiScope {
        listIds = listIds == null ? null : List.copyOf(listIds);
    }

    boolean limited() {
        return listIds != null;
    }

    /** Whether the item is in the lists (a subtask sits in its parent's list). */
    boolean sees(Item item) {
        return ScopedItems.inScope(item, listIds);
    }

    boolean seesList(String listId) {
        return listIds == null || listIds.contains(listId);
    }
}
