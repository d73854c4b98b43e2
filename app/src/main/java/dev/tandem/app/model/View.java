package dev.tandem.app.model;

import java.time.LocalDate;
import java.util.Comparator;
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
                case INBOX -> Query.of(Queries.OPEN + " AND " + Queries.IN_INBOX, List.of(), "createdAt, id", Order.CREATED);
                case TODAY -> Query.of(Queries.OPEN + " AND due IS NOT NULL AND due <> '' AND due <= ?", List.of(t),
                        "due, createdAt, id", Order.DUE);
                case UPCOMING -> Query.of(Queries.OPEN + " AND due > ?", List.of(t), "due, createdAt, id", Order.DUE);
                case COMPLETED -> Query.of("trashedAt IS NULL AND done = 1", List.of(), "doneAt DESC, id", Order.DONE_AT);
                case TRASH -> Query.of("trashedAt IS NOT NULL", List.of(), "trashedAt DESC, id", Order.TRASHED_AT);
            };
        }
        if (view instanceof ListView l) {
            return Query.of(Queries.OPEN + " AND listId = ?", List.of(l.listId()), "createdAt, id", Order.CREATED);
        }
        if (view instanceof ConflictsView) {
            return new Query("SELECT * FROM items WHERE 0", List.of(), null, null, null);
        }
        SearchView sv = (SearchView) view;
        String match = Queries.ftsMatch(sv.text());
        if (match.isEmpty()) {
            return new Query("SELECT * FROM items WHERE 0", List.of(), null, null, null);
        }
        return new Query("SELECT items.* FROM items_fts JOIN items ON items.rowid = items_fts.rowid"
                + " WHERE items_fts MATCH ? AND items.trashedAt IS NULL"
                + " ORDER BY coalesce(items.done, 0), items_fts.rank, items.id", List.of(match), null, null, match);
    }

    /**
     * A view's query. {@code where} and {@code order} are set for views over the items table alone
     * whose order a comparator can follow ({@link Order}); those are kept up to date row by row
     * ({@link LiveItems}). Search (ranked by FTS5) and the conflicts view have neither; search has
     * its FTS5 {@code match} expression.
     */
    record Query(String sql, List<Object> params, String where, Comparator<Item> order, String match) {
        static Query of(String where, List<Object> params, String orderBy, Comparator<Item> order) {
            return new Query("SELECT * FROM items WHERE " + where + " ORDER BY " + orderBy, params, where, order, null);
        }

        /** How many items the search matches, trashed ones included: cheap, from the FTS5 index alone. */
        static final String MATCH_COUNT = "SELECT 'search' AS id, count(*) AS n FROM items_fts WHERE items_fts MATCH ?";

        /** The search's {@code limit} newest matches, newest first: FTS5 walks its index backwards and stops. */
        Query newest(int limit) {
            return new Query("SELECT items.* FROM items_fts JOIN items ON items.rowid = items_fts.rowid"
                    + " WHERE items_fts MATCH ? AND items.trashedAt IS NULL ORDER BY items_fts.rowid DESC LIMIT " + limit,
                    params, null, null, match);
        }

        boolean rowByRow() {
            return where != null;
        }
    }
}
