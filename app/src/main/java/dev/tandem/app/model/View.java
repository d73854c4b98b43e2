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

    record SearchView(String text) implements View {
        @Override
        public String key() {
            return "search";
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
        String t = today.toString();
        if (view instanceof SmartView s) {
            return switch (s.smart()) {
                case INBOX -> new Query("SELECT * FROM items WHERE " + Queries.OPEN + " AND " + Queries.IN_INBOX
                        + " ORDER BY createdAt, id", List.of());
                case TODAY -> new Query("SELECT * FROM items WHERE " + Queries.OPEN
                        + " AND due IS NOT NULL AND due <> '' AND due <= ? ORDER BY due, createdAt, id", List.of(t));
                case UPCOMING -> new Query("SELECT * FROM items WHERE " + Queries.OPEN
                        + " AND due > ? ORDER BY due, createdAt, id", List.of(t));
                case COMPLETED -> new Query("SELECT * FROM items WHERE trashedAt IS NULL AND done = 1"
                        + " ORDER BY doneAt DESC, id", List.of());
                case TRASH -> new Query("SELECT * FROM items WHERE trashedAt IS NOT NULL ORDER BY trashedAt DESC, id",
                        List.of());
            };
        }
        if (view instanceof ListView l) {
            return new Query("SELECT * FROM items WHERE " + Queries.OPEN + " AND listId = ? ORDER BY createdAt, id",
                    List.of(l.listId()));
        }
        if (view instanceof ConflictsView) {
            return new Query("SELECT * FROM items WHERE 0", List.of());
        }
        SearchView sv = (SearchView) view;
        String match = Queries.ftsMatch(sv.text());
        if (match.isEmpty()) {
            return new Query("SELECT * FROM items WHERE 0", List.of());
        }
        return new Query("SELECT items.* FROM items_fts JOIN items ON items.rowid = items_fts.rowid"
                + " WHERE items_fts MATCH ? AND items.trashedAt IS NULL"
                + " ORDER BY coalesce(items.done, 0), items_fts.rank, items.id", List.of(match));
    }

    record Query(String sql, List<Object> params) {
    }
}
