package dev.tandem.app.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** What the item list shows: a smart list, a user list, or search results. */
public sealed interface View {
    /** Stable key, also used by the sidebar and the counts query. */
    String key();

    enum Smart { INBOX, TODAY, UPCOMING, COMPLETED, TRASH }

    record SmartView(Smart smart) implements View {
        @Override
        public String key() {
            return smart.name().toLowerCase(Locale.ROOT);
        }
    }

    record ListView(String listId) implements View {
        public ListView {
            Objects.requireNonNull(listId, "listId");
        }

        @Override
        public String key() {
            return "list:" + listId;
        }
    }

    /**
     * Search results; with {@code tag} (normalized, or null) only todos carrying that tag, so a tag
     * filter combines with search. Blank text with a tag lists that tag's open todos.
     */
    record SearchView(String text, String tag) implements View {
        public SearchView(String text) {
            this(text, null);
        }

        @Override
        public String key() {
            return "search";
        }
    }

    /** The open todos carrying a tag (normalized, see {@link ItemTag#normalize}). */
    record TagView(String tag) implements View {
        public TagView {
            Objects.requireNonNull(tag, "tag");
        }

        @Override
        public String key() {
            return "tag:" + tag;
        }
    }

    /** How a view's rows are ordered: its own order, or first by priority, due date or title. */
    enum Sort {
        DEFAULT("Default order", ""),
        PRIORITY("Priority", "coalesce(items.priority, 5), "),
        DUE("Due date", "coalesce(nullif(items.due, ''), '9999-99-99'), "),
        TITLE("Title", "items.title COLLATE NOCASE, ");

        private final String label;
        private final String orderPrefix;

        Sort(String label, String orderPrefix) {
            this.label = label;
            this.orderPrefix = orderPrefix;
        }

        public String label() {
            return label;
        }
    }

    /** The conflicts sync resolved; not an item query. */
    record ConflictsView() implements View {
        @Override
        public String key() {
            return "conflicts";
        }
    }

    static View inbox() {
        return new SmartView(Smart.INBOX);
    }

    static View of(Smart smart) {
        return new SmartView(smart);
    }

    /** SQL and parameters for this view's live query. */
    static Query query(View view, LocalDate today) {
        return query(view, today, Sort.DEFAULT);
    }

    /** As {@link #query(View, LocalDate)}, ordered first by {@code sort}. */
    static Query query(View view, LocalDate today, Sort sort) {
        Query q = baseQuery(view, today);
        int at = q.sql().lastIndexOf(" ORDER BY ");
        if (sort == Sort.DEFAULT || at < 0) {
            return q;
        }
        return new Query(q.sql().substring(0, at + 10) + sort.orderPrefix + q.sql().substring(at + 10), q.params());
    }

    private static Query baseQuery(View view, LocalDate today) {
        String t = today.toString();
        String all = "SELECT " + Queries.ITEM_COLUMNS + " FROM items";
        if (view instanceof SmartView s) {
            return switch (s.smart()) {
                case INBOX -> new Query(all + " WHERE " + Queries.OPEN + " AND " + Queries.IN_INBOX
                        + " ORDER BY createdAt, id", List.of());
                case TODAY -> new Query(all + " WHERE " + Queries.OPEN
                        + " AND due IS NOT NULL AND due <> '' AND due <= ? ORDER BY due, createdAt, id", List.of(t));
                case UPCOMING -> new Query(all + " WHERE " + Queries.OPEN
                        + " AND due > ? ORDER BY due, createdAt, id", List.of(t));
                case COMPLETED -> new Query(all + " WHERE trashedAt IS NULL AND done = 1"
                        + " ORDER BY doneAt DESC, id", List.of());
                case TRASH -> new Query(all + " WHERE trashedAt IS NOT NULL ORDER BY trashedAt DESC, id",
                        List.of());
            };
        }
        if (view instanceof ListView l) {
            return new Query(all + " WHERE " + Queries.OPEN + " AND listId = ? ORDER BY createdAt, id",
                    List.of(l.listId()));
        }
        if (view instanceof TagView tv) {
            return new Query(all + " WHERE " + Queries.OPEN + " AND " + HAS_TAG + " ORDER BY createdAt, id",
                    List.of(tv.tag()));
        }
        if (view instanceof ConflictsView) {
            return new Query("SELECT * FROM items WHERE 0", List.of());
        }
        SearchView sv = (SearchView) view;
        String match = Queries.ftsMatch(sv.text());
        boolean tagged = sv.tag() != null && !sv.tag().isEmpty();
        if (match.isEmpty() && tagged) {
            return new Query(all + " WHERE trashedAt IS NULL AND " + HAS_TAG
                    + " ORDER BY coalesce(items.done, 0), createdAt, id", List.of(sv.tag()));
        }
        if (match.isEmpty()) {
            return new Query("SELECT * FROM items WHERE 0", List.of());
        }
        return new Query("SELECT " + Queries.ITEM_COLUMNS + " FROM items_fts JOIN items ON items.rowid = items_fts.rowid"
                + " WHERE items_fts MATCH ? AND items.trashedAt IS NULL" + (tagged ? " AND " + HAS_TAG : "")
                + " ORDER BY coalesce(items.done, 0), items_fts.rank, items.id",
                tagged ? List.of(match, sv.tag()) : List.of(match));
    }

    /** The item carries the tag given as the next parameter. */
    String HAS_TAG = "EXISTS (SELECT 1 FROM item_tags g WHERE g.itemId = items.id AND g.tag = ? AND g.removedAt IS NULL)";

    record Query(String sql, List<Object> params) {
    }
}
