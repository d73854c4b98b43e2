package dev.tandem.app.model;

import dev.tandem.engine.Tx;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** SQL fragments shared by the views' queries and the sidebar counts. */
public final class Queries {
    private Queries() {
    }

    static final String OPEN = "trashedAt IS NULL AND coalesce(done, 0) = 0";
    /** Not a plain note: a todo (kind null, 'todo', or a kind a newer version added). */
    static final String TODO = "coalesce(kind, '') <> 'note'";
    /** Open todos: what is left to do, and what Today, Upcoming, reminders and the counts are about. */
    public static final String OPEN_TODO = OPEN + " AND " + TODO;
    /** {@link #OPEN_TODO} for an items table aliased {@code i}. */
    static final String OPEN_TODO_I = "i.trashedAt IS NULL AND coalesce(i.done, 0) = 0 AND coalesce(i.kind, '') <> 'note'";
    /**
     * What the Inbox, a list and a tag show: open todos and notes. A note never counts as done, also when
     * it was completed as a todo before it became a note (on this device or, concurrently, on another).
     */
    public static final String LISTED = "trashedAt IS NULL AND (coalesce(done, 0) = 0 OR kind = 'note')";
    /** {@link #LISTED} for an items table aliased {@code i}. */
    public static final String LISTED_I = "i.trashedAt IS NULL AND (coalesce(i.done, 0) = 0 OR i.kind = 'note')";
    /** {@link #LISTED} for an items table aliased {@code p}. */
    public static final String LISTED_P = "p.trashedAt IS NULL AND (coalesce(p.done, 0) = 0 OR p.kind = 'note')";
    /** Put away for some day: out of the Inbox, Today and the counts until taken back or given a date. */
    static final String NOT_SOMEDAY = "coalesce(someday, 0) = 0";
    /**
     * Today's: due by today, or started (its "When" has come); two parameters, today's date twice. A todo
     * whose start date is still to come shows in Upcoming until then, unless its deadline has come.
     */
    static final String TODAYS = "((" + DateRange.sql("due") + " AND due <= ?) OR (" + DateRange.sql("start")
            + " AND start <= ?))";
    /**
     * Upcoming: a date still to come and not Today's; four parameters, today's date each time. Dates outside
     * {@link DateRange} (a synced row may hold one) are neither.
     */
    static final String UPCOMINGS = "((due > ? AND " + DateRange.sql("due") + ") OR (start > ? AND " + DateRange.sql("start")
            + ")) AND NOT " + TODAYS;
    /** Completed todos. */
    static final String COMPLETED = "trashedAt IS NULL AND done = 1 AND " + TODO;
    /** Every column of items plus its tags (space-separated, in order) as {@code tags}, for {@link Item#tags()}. */
    public static final String ITEM_COLUMNS = "items.*, (SELECT group_concat(t.tag, ' ' ORDER BY t.tag) FROM item_tags t"
            + " WHERE t.itemId = items.id AND t.removedAt IS NULL) AS tags,"
            + " coalesce((SELECT p.title FROM items p WHERE p.id = items.parentId AND p.trashedAt IS NULL),"
            + " (SELECT s.name FROM sections s WHERE s.id = items.sectionId)) AS context";
    public static final String IN_INBOX = "(listId IS NULL OR listId NOT IN (SELECT id FROM lists))";

    /** One row per sidebar key with its count of open todos (notes are not counted); ? is today's date six times. */
    public static final String COUNTS = "SELECT 'inbox' AS id, count(*) AS n FROM items WHERE " + OPEN_TODO + " AND " + IN_INBOX
            + " AND " + NOT_SOMEDAY
            + " UNION ALL SELECT 'today', count(*) FROM items WHERE " + OPEN_TODO + " AND " + TODAYS
            + " UNION ALL SELECT 'upcoming', count(*) FROM items WHERE " + OPEN_TODO + " AND " + UPCOMINGS
            + " UNION ALL SELECT 'someday', count(*) FROM items WHERE " + OPEN_TODO + " AND someday = 1"
            + " AND coalesce(due, '') = '' AND coalesce(start, '') = ''"
            + " UNION ALL SELECT 'completed', count(*) FROM items WHERE " + COMPLETED
            + " UNION ALL SELECT 'trash', count(*) FROM items WHERE trashedAt IS NOT NULL"
            + " UNION ALL SELECT 'list:' || l.id, (SELECT count(*) FROM items i WHERE i.listId = l.id AND " + OPEN_TODO_I
            + " AND coalesce(i.someday, 0) = 0) FROM lists l";

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
    public static List<String> ids(Tx tx, String sql, Object... params) {
        return tx.query(Id.class, sql, params).stream().map(Id::id).toList();
    }

    /** Lists the user moved first, by rank; then the others in the order they were made ({@link TodoList}). */
    public static final String LISTS = "SELECT * FROM lists ORDER BY rank IS NULL, rank, coalesce(position, 0),"
            + " name COLLATE NOCASE, id";

    /**
     * Turns what a person typed into an FTS5 query: every word becomes a quoted prefix term, so
     * operators and punctuation in the input are never interpreted. Empty when there is no word.
     *
     * <p>The terms are all required, so a word said twice, or a word that begins another ({@code ga} beside
     * {@code garden}: every todo with a word starting {@code garden} has one starting {@code ga}), adds nothing
     * but work: each is left out. FTS5 merges the index entries of every word a prefix begins, so 500 one-letter
     * words (a query within every size bound) cost 500 such merges; left out, at most one per letter remains.
     */
    public static String ftsMatch(String text) {
        if (text == null) {
            return "";
        }
        Set<String> words = new LinkedHashSet<>();
        for (String word : text.strip().split("\\s+")) {
            String w = word.replaceAll("[\\p{Punct}&&[^_]]", " ").strip();
            for (String part : w.split("\\s+")) {
                if (!part.isEmpty()) {
                    words.add(part);
                }
            }
        }
        List<String> sorted = new ArrayList<>(words);
        // Longest first, so a word is compared only with the longer words kept before it.
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        List<String> kept = new ArrayList<>();
        for (String w : sorted) {
            if (kept.stream().noneMatch(k -> k.startsWith(w))) {
                kept.add(w);
            }
        }
        List<String> terms = new ArrayList<>();
        for (String w : words) {
            if (kept.contains(w)) {
                terms.add("\"" + w.replace("\"", "\"\"") + "\"*");
            }
        }
        return String.join(" ", terms);
    }
}
