package dev.tandem.app.model;

import dev.tandem.engine.Db;
import dev.tandem.engine.Tx;
import dev.tandem.ui.messages.Messages;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The depth limit on what this device writes: an add under a parent, an indent, a drag or a move, an import,
 * each puts a todo at most {@link #MAX_DEPTH} levels deep, its subtasks included. Every walk here is
 * bounded by the limit (a few reads), whatever chain sync left in the rows.
 */
public final class TreeDepth {
    private TreeDepth() {
    }

    /**
     * The deepest a todo may be put by an edit, an import or a move: a todo has at most this many todos above it
     * (the top is level 0). The outline shows deeper chains (from sync) at this level.
     */
    public static final int MAX_DEPTH = 32;

    /** A write that would put a todo deeper than {@link #MAX_DEPTH}. */
    public static final class TooDeepException extends IllegalArgumentException {
        TooDeepException() {
            super(Messages.text("common.outline.tooDeep", MAX_DEPTH));
        }
    }

    /**
     * The level a new subtask of {@code parent} takes: the todos above it, counted up to one past the limit (a
     * deeper chain, or a cycle, counts as past it).
     */
    static int levelUnder(Tx tx, Item parent) {
        Set<String> seen = new HashSet<>();
        int level = 1;
        Item at = parent;
        while (at.hasParent() && level <= MAX_DEPTH) {
            if (!seen.add(at.id())) {
                return MAX_DEPTH + 1;
            }
            Item p = tx.get(Item.class, at.parentId()).orElse(null);
            if (p == null || !Objects.equals(p.listId(), at.listId())) {
                break;
            }
            at = p;
            level++;
        }
        return level;
    }

    /**
     * The levels under the todo bound first, in its list, counted up to one past the limit (the second parameter).
     * Each step finds its rows' subtasks in {@code items_parent}: "IS NOT NULL" lets that partial index serve, and
     * CROSS JOIN keeps the parent the outer loop. Written as a plain join, SQLite began from the list's index and
     * read every todo of the list at each check: 2.6–4.3 ms in a list of 10,000 todos against 0.06–0.09 ms.
     */
    static final String LEVELS_UNDER = "WITH RECURSIVE sub(id, listId, d) AS (SELECT c.id, c.listId, 1 FROM items p"
            + " CROSS JOIN items c ON c.parentId = p.id WHERE p.id = ? AND c.parentId IS NOT NULL AND c.listId IS p.listId"
            + " UNION SELECT i.id, i.listId, sub.d + 1 FROM sub CROSS JOIN items i ON i.parentId = sub.id"
            + " WHERE i.parentId IS NOT NULL AND i.listId IS sub.listId AND sub.d <= ?)"
            + " SELECT CAST(coalesce(max(d), 0) AS TEXT) AS id FROM sub";

    /** How many levels lie under {@code id} in its list (0: no subtasks), counted up to one past the limit. */
    static int levelsUnder(Tx tx, String id) {
        // In the same list only, as the outline shows them: a member's chain under a private todo does not count.
        List<String> deepest = Queries.ids(tx, LEVELS_UNDER, id, MAX_DEPTH);
        return deepest.isEmpty() ? 0 : Integer.parseInt(deepest.get(0));
    }

    /**
     * Whether {@code movedId} (null: a new todo) may go under {@code parentId} within the limit; false for a
     * parent not here. For a caller that decides before it moves (a phone's RELATED-TO followed or not).
     */
    public static boolean fits(Db db, String parentId, String movedId) {
        return db.transactionResult(tx -> tx.get(Item.class, parentId).map(p -> levelUnder(tx, p)
                + (movedId == null ? 0 : levelsUnder(tx, movedId)) <= MAX_DEPTH).orElse(false));
    }

    /** Refuses to put {@code movedId} (null: a new todo) under {@code parent} past the limit. */
    public static void check(Tx tx, Item parent, String movedId) {
        int depth = levelUnder(tx, parent) + (movedId == null ? 0 : levelsUnder(tx, movedId));
        if (depth > MAX_DEPTH) {
            throw new TooDeepException();
        }
    }
}
