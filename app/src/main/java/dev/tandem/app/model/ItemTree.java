package dev.tandem.app.model;

import dev.tandem.engine.Tx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The tree of todos as the core's own writes read it, and the outline ({@code model.outline}) builds on: the todos
 * under one (what Delete, Done and a series take along), the rank a new last sibling gets (an add, an import, an
 * edit from outside), the parent a todo counts under (one in its own list), and the cycles of parents, broken at
 * their member with the smallest id: where the outline shows each cycle and {@link TreeRepair} writes it, so the
 * rows converge to what every device shows. Every walk here is a loop, never a recursion.
 */
public final class ItemTree {
    private ItemTree() {
    }

    /** The rank for a new todo at the end of {@code parentId}'s subtasks, or of the list's top level. */
    public static String nextRank(Tx tx, String listId, String parentId, String sectionId) {
        String last = parentId != null
                ? maxRank(tx, "SELECT max(rank) AS id FROM items WHERE parentId = ? AND trashedAt IS NULL", parentId)
                : listId == null
                ? maxRank(tx, "SELECT max(rank) AS id FROM items WHERE parentId IS NULL AND trashedAt IS NULL AND "
                        + Queries.IN_INBOX)
                : maxRank(tx, "SELECT max(rank) AS id FROM items WHERE listId = ? AND parentId IS NULL"
                        + " AND trashedAt IS NULL AND coalesce(sectionId, '') = ?", listId, sectionId == null ? "" : sectionId);
        return Rank.between(last, null);
    }

    private static String maxRank(Tx tx, String sql, Object... params) {
        List<String> ids = Queries.ids(tx, sql, params);
        String k = ids.isEmpty() ? null : ids.get(0);
        // A damaged or hostile key is skipped rather than built on.
        return k != null && Rank.isValid(k) ? k : null;
    }

    /**
     * The todos under the todo bound first, in its list, at any depth; the same id bound again leaves it out. Read
     * through {@code items_parent} from the parent's row, as {@link TreeDepth#LEVELS_UNDER} is, not the whole list.
     */
    static final String DESCENDANTS = "WITH RECURSIVE sub(id, listId) AS (SELECT c.id, c.listId FROM items p"
            + " CROSS JOIN items c ON c.parentId = p.id WHERE p.id = ? AND c.parentId IS NOT NULL AND c.listId IS p.listId"
            + " UNION SELECT i.id, i.listId FROM sub CROSS JOIN items i ON i.parentId = sub.id"
            + " WHERE i.parentId IS NOT NULL AND i.listId IS sub.listId)"
            + " SELECT * FROM items WHERE id IN (SELECT id FROM sub) AND id <> ?";

    /** The todos under {@code id} in its list, at any depth, trashed or not (a restored subtask comes back in the right list). */
    public static List<Item> descendants(Tx tx, String id) {
        // In the same list only: a todo in another list (a shared list's member can name any parent) is not under it.
        return tx.query(Item.class, DESCENDANTS, id, id);
    }

    /**
     * The parent {@code item} is shown under among {@code byId}: null at the top level (no parent, the parent
     * not among them, or in another list).
     */
    public static Item parentHere(Map<String, Item> byId, Item item) {
        if (!item.hasParent()) {
            return null;
        }
        Item p = byId.get(item.parentId());
        return p != null && Objects.equals(p.listId(), item.listId()) ? p : null;
    }

    /**
     * The todos that are shown at the top level although their parent is among the rows: in each cycle of
     * parents, the member with the smallest id. Walks each chain once (colouring), so it costs O(n).
     */
    public static Set<String> cycleBreaks(Map<String, Item> byId) {
        Set<String> breaks = new HashSet<>();
        // TRUE: on the current walk; FALSE: done. A todo whose parent is done (most, as a map's order is no tree's)
        // costs two lookups and no walk.
        Map<String, Boolean> onWalk = new HashMap<>(Math.max(16, (int) (byId.size() / 0.75f) + 1));
        List<String> walk = new ArrayList<>();
        for (Item first : byId.values()) {
            String at = first.id();
            if (onWalk.containsKey(at)) {
                continue;
            }
            walk.clear();
            Boolean seen = null;
            while (at != null) {
                seen = onWalk.get(at);
                Item it = seen == null ? byId.get(at) : null;
                if (it == null) {
                    break;
                }
                onWalk.put(at, Boolean.TRUE);
                walk.add(at);
                Item parent = parentHere(byId, it);
                at = parent == null ? null : parent.id();
            }
            if (at != null && Boolean.TRUE.equals(seen)) {
                // The walk came back to itself: the cycle is the walk from 'at' on.
                String smallest = at;
                for (int k = walk.indexOf(at); k < walk.size(); k++) {
                    if (walk.get(k).compareTo(smallest) < 0) {
                        smallest = walk.get(k);
                    }
                }
                breaks.add(smallest);
            }
            for (String id : walk) {
                onWalk.put(id, Boolean.FALSE);
            }
        }
        return breaks;
    }
}
