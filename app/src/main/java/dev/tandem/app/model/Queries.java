package dev.tandem.app.model;

import dev.tandem.engine.Tx;
import java.util.ArrayList;
import java.util.List;

/** SQL fragments shared by the views' queries and the sidebar counts. */
public final class Queries {
    private Queries() {
    }

    static final String OPEN = "trashedAt IS NULL AND coalesce(done, 0) = 0";
    /** Not a plain note: a todo (kind null, 'todo', or a kind a newer version added). */
    static final String TODO = "coalesce(kind, '') <> 'note'";
    /** Open todos: what is left to do, and what Today, Upcoming, reminders and the counts are about. */
    static final String OPEN_TODO = OPEN + " AND " + TODO;
    /** {@link #OPEN_TODO} for an items table aliased {@code i}. */
    static final String OPEN_TODO_I = "i.trashedAt IS NULL AND coalesce(i.done, 0) = 0 AND coalesce(i.kind, '') <> 'note'";
    /**
     * What the Inbox, a list and a tag show: open todos and notes. A note never counts as done, also when
     * it was completed as a todo before it became a note (on this device or, concurrently, on another).
     */
    static final String LISTED = "trashedAt IS NULL AND (coalesce(done, 0) = 0 OR kind = 'note')";
    /** {@link #LISTED} for an items table aliased {@code i}. */
    static final String LISTED_I = "i.trashedAt IS NULL AND (coalesce(i.done, 0) = 0 OR i.kind = 'note')";
    /** Completed todos. */
    static final String COMPLETED = "trashedAt IS NULL AND done = 1 AND " + TODO;
    /** Every column of items plus its tags (space-separated, in order) as {@code tags}, for {@link Item#tags()}. */
    static final String ITEM_COLUMNS = "items.*, (SELECT group_concat(t.tag, ' ' ORDER BY t.tag) FROM item_tags t"
            + " WHERE t.itemId = items.id AND t.removedAt IS NULL) AS tags";
    static final String IN_INBOX = "(listId IS NULL OR listId NOT IN (SELECT id FROM lists))";

    /** One row per sidebar key with its count of open todos (notes are not counted); ? is today's date twice. */
    public static final String COUNTS = "SELECT 'inbox' AS id, count(*) AS n FROM items WHERE " + OPEN_TODO + " AND " + IN_INBOX
            + " UNION ALL SELECT 'today', count(*) FROM items WHERE " + OPEN_TODO + " AND due IS NOT NULL AND due <> '' AND due <= ?"
            + " UNION ALL SELECT 'upcoming', count(*) FROM items WHERE " + OPEN_TODO + " AND due > ?"
            + " UNION ALL SELECT 'completed', count(*) FROM items WHERE " + COMPLETED
            + " UNION ALL SELECT 'trash', count(*) FROM items WHERE trashedAt IS NOT NULL"
            + " UNION ALL SELECT 'list:' || l.id, (SELECT count(*) FROM items i WHERE i.listId = l.id AND " + OPEN_TODO_I
            + ") FROM lists l";

    /** The row of {@link #number}: the engine reads rows into records with an id. */
    private record Scalar(String id, Long n) {
    }

    /** The ids a query returns: its rows' column {@code id}. */
    private record Id(String id) {
    }

    /** The one value {@code sql} selects (its first row's first column); 0 when it is null or there is no row. */
    static long number(Tx tx, String sql, Object... params) {
        Long n = tx.query(Scalar.class, "SELECT '' AS id, (" + sql + ") AS n", params).get(0).n();
        return n == null ? 0 : n;
    }

    /** The values {@code sql} selects as {@code id}, in its order. */
    static List<String> ids(Tx tx, String sql, Object... params) {
        return tx.query(Id.class, sql, params).stream().map(Id::id).toList();
    }

    public static final String LISTS = "SELECT * FROM lists ORDER BY coalesce(position, 0), name COLLATE NOCASE, id";

    /**
     * Turns what a person typed into an FTS5 query: every word becomes a quoted prefix term, so
     * operators and punctuation in the input are never interpreted. Empty when there is no word.
     */
    public static String ftsMatch(String text) {
        if (text == null) {
            return "";
        }
        List<String> terms = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            String w = word.replaceAll("[\\p{Punct}&&[^_]]", " ").strip();
            for (String part : w.split("\\s+")) {
                if (!part.isEmpty()) {
                    terms.add("\"" + part.replace("\"", "\"\"") + "\"*");
                }
            }
        }
        return String.join(" ", terms);
    }
}
