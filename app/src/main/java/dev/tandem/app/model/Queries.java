package dev.tandem.app.model;

import java.util.ArrayList;
import java.util.List;

/** SQL fragments shared by the views' queries and the sidebar counts. */
public final class Queries {
    private Queries() {
    }

    static final String OPEN = "trashedAt IS NULL AND coalesce(done, 0) = 0";
    /** {@link #OPEN} for an items table aliased {@code i}. */
    static final String OPEN_I = "i.trashedAt IS NULL AND coalesce(i.done, 0) = 0";
    /** Every column of items plus its tags (space-separated, in order) as {@code tags}, for {@link Item#tags()}. */
    static final String ITEM_COLUMNS = "items.*, (SELECT group_concat(t.tag, ' ' ORDER BY t.tag) FROM item_tags t"
            + " WHERE t.itemId = items.id AND t.removedAt IS NULL) AS tags";
    static final String IN_INBOX = "(listId IS NULL OR listId NOT IN (SELECT id FROM lists))";

    /** One row per sidebar key with its count; ? is today's date twice. */
    public static final String COUNTS = "SELECT 'inbox' AS id, count(*) AS n FROM items WHERE " + OPEN + " AND " + IN_INBOX
            + " UNION ALL SELECT 'today', count(*) FROM items WHERE " + OPEN + " AND due IS NOT NULL AND due <> '' AND due <= ?"
            + " UNION ALL SELECT 'upcoming', count(*) FROM items WHERE " + OPEN + " AND due > ?"
            + " UNION ALL SELECT 'completed', count(*) FROM items WHERE trashedAt IS NULL AND done = 1"
            + " UNION ALL SELECT 'trash', count(*) FROM items WHERE trashedAt IS NOT NULL"
            + " UNION ALL SELECT 'list:' || l.id, (SELECT count(*) FROM items i WHERE i.listId = l.id AND i.trashedAt IS NULL"
            + " AND coalesce(i.done, 0) = 0) FROM lists l";

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
