package dev.tandem.app.model;

import dev.tandem.app.model.filter.Filter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** What the item list shows: a built-in view (Inbox, Today, …), a user list, a saved filter, or search results. */
public sealed interface Listing {
    /** Stable key, also used by the sidebar and the counts query. */
    String key();

    /** The views every profile has; "smart list" in code means a saved filter ({@link FilterListing}) only. */
    enum BuiltIn { INBOX, TODAY, UPCOMING, SOMEDAY, COMPLETED, TRASH }

    record BuiltInListing(BuiltIn builtIn) implements Listing {
        @Override
        public String key() {
            return builtIn.name().toLowerCase(Locale.ROOT);
        }
    }

    record UserListing(String listId) implements Listing {
        public UserListing {
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
    record SearchListing(String text, String tag) implements Listing {
        public SearchListing(String text) {
            this(text, null);
        }

        @Override
        public String key() {
            return "search";
        }
    }

    /**
     * What a filter finds ({@link FilterSql}): a saved smart list (key {@code filter:ID}) or the search
     * box's operators (key {@code search}). Without a {@code filter}, a query that does not read (a saved
     * one from a newer device, a search being typed): it shows nothing, and {@code problem} says why.
     */
    record FilterListing(String key, Filter filter, String problem) implements Listing {
        public FilterListing {
            Objects.requireNonNull(key, "key");
            if ((filter == null) == (problem == null)) {
                throw new IllegalArgumentException("filter: either it or a problem, never both or neither");
            }
        }

        /** A saved smart list's view. */
        public static FilterListing saved(String id, Filter filter) {
            return new FilterListing("filter:" + id, filter, null);
        }

        /** A saved smart list whose query this device cannot read, and why. */
        public static FilterListing unreadable(String id, String problem) {
            return new FilterListing("filter:" + id, null, problem);
        }

        /** The search box's view of a query with operators. */
        public static FilterListing search(Filter filter) {
            return new FilterListing("search", filter, null);
        }

        /** The search box holding a query with operators that does not read (yet), and why. */
        public static FilterListing searchProblem(String problem) {
            return new FilterListing("search", null, problem);
        }

        /** Typed into the search box, as opposed to saved. */
        public boolean isSearch() {
            return "search".equals(key);
        }
    }

    /** The open todos and the notes carrying a tag (normalized, see {@link ItemTag#normalize}). */
    record TagListing(String tag) implements Listing {
        public TagListing {
            Objects.requireNonNull(tag, "tag");
        }

        @Override
        public String key() {
            return "tag:" + tag;
        }
    }

    /** How a view's rows are ordered: its own order, or first by priority, due date or title. */
    enum Sort {
        DEFAULT(""),
        PRIORITY("coalesce(items.priority, 5), "),
        DUE("coalesce(nullif(items.due, ''), '9999-99-99'), "),
        TITLE("items.title COLLATE NOCASE, ");

        private final String orderPrefix;

        Sort(String orderPrefix) {
            this.orderPrefix = orderPrefix;
        }
    }

    /** The conflicts sync resolved; not an item query. */
    record ConflictsView() implements Listing {
        @Override
        public String key() {
            return "conflicts";
        }
    }

    /**
     * The next days grouped by day, repeating todos on every date they fall on ({@link AgendaItems});
     * not an item query: the item list is empty for it and the agenda has its own live query.
     */
    record Agenda() implements Listing {
        @Override
        public String key() {
            return "agenda";
        }
    }

    /**
     * The week or month grid of the todos by day and time ({@link CalendarItems}, its own live query);
     * the item list under it holds the open todos without a date, to drag onto a day.
     */
    record Calendar() implements Listing {
        @Override
        public String key() {
            return "calendar";
        }
    }

    static Listing calendar() {
        return new Calendar();
    }

    static Listing agenda() {
        return new Agenda();
    }

    static Listing inbox() {
        return new BuiltInListing(BuiltIn.INBOX);
    }

    static Listing of(BuiltIn builtIn) {
        return new BuiltInListing(builtIn);
    }

    /** SQL and parameters for this view's live query (a filter read in UTC, sharing nothing). */
    static Query query(Listing view, LocalDate today) {
        return query(view, today, Sort.DEFAULT);
    }

    /** As {@link #query(Listing, LocalDate)}, ordered first by {@code sort}. */
    static Query query(Listing view, LocalDate today, Sort sort) {
        return query(view, today, sort, ZoneOffset.UTC, Set.of());
    }

    /**
     * As above, a filter's days read in {@code zone} ({@code created after:}) and {@code shared}
     * the lists this device shares ({@code shared}).
     */
    static Query query(Listing view, LocalDate today, Sort sort, ZoneId zone, Set<String> shared) {
        if (view instanceof FilterListing f) {
            if (f.filter() == null) {
                return new Query("SELECT * FROM items WHERE 0", List.of(), null, null, null);
            }
            FilterSql fs = FilterSql.of(f.filter(), today, zone, shared);
            return Query.of(fs.where(), fs.params(), sort, FilteredItems.ORDER_BY, Order.FILTERED)
                    .reloadingOn(FILTER_TABLES);
        }
        String t = today.toString();
        if (view instanceof BuiltInListing s) {
            return switch (s.builtIn()) {
                case INBOX -> Query.of(Queries.LISTED + " AND " + Queries.IN_INBOX + " AND " + Queries.NOT_SOMEDAY, List.of(),
                        sort, "createdAt, id", Order.CREATED);
                case TODAY -> Query.of(Queries.OPEN_TODO + " AND " + Queries.TODAYS, List.of(t, t), sort,
                        "due, dueTime, createdAt, id", Order.DUE);
                case UPCOMING -> Query.of(Queries.OPEN_TODO + " AND " + Queries.UPCOMINGS, List.of(t, t, t, t), sort,
                        "due, dueTime, createdAt, id", Order.DUE);
                case SOMEDAY -> Query.of(Queries.OPEN_TODO + " AND someday = 1 AND coalesce(due, '') = ''"
                        + " AND coalesce(start, '') = ''", List.of(), sort, "createdAt, id", Order.CREATED);
                case COMPLETED -> Query.of(Queries.COMPLETED, List.of(), sort, "doneAt DESC, id",
                        Order.DONE_AT);
                case TRASH -> Query.of("trashedAt IS NOT NULL", List.of(), sort, "trashedAt DESC, id", Order.TRASHED_AT);
            };
        }
        if (view instanceof UserListing l) {
            return Query.of(Queries.LISTED + " AND listId = ?", List.of(l.listId()), sort, "createdAt, id", Order.CREATED);
        }
        if (view instanceof TagListing tv) {
            return Query.of(Queries.LISTED + " AND " + HAS_TAG, List.of(tv.tag()), sort, "createdAt, id", Order.CREATED);
        }
        if (view instanceof Calendar) {
            return Query.of(Queries.OPEN_TODO + " AND (due IS NULL OR due = '')", List.of(), sort, "createdAt, id",
                    Order.CREATED);
        }
        if (view instanceof ConflictsView || view instanceof Agenda) {
            return new Query("SELECT * FROM items WHERE 0", List.of(), null, null, null);
        }
        SearchListing sv = (SearchListing) view;
        String match = Queries.ftsMatch(sv.text());
        boolean tagged = sv.tag() != null && !sv.tag().isEmpty();
        if (match.isEmpty() && tagged) {
            return Query.of("trashedAt IS NULL AND " + HAS_TAG, List.of(sv.tag()), sort, "coalesce(items.done, 0), createdAt, id",
                    Order.OPEN_FIRST);
        }
        if (match.isEmpty()) {
            return new Query("SELECT * FROM items WHERE 0", List.of(), null, null, null);
        }
        return new Query("SELECT " + Queries.ITEM_COLUMNS + " FROM items_fts JOIN items ON items.rowid = items_fts.rowid"
                + " WHERE items_fts MATCH ? AND items.trashedAt IS NULL" + (tagged ? " AND " + HAS_TAG : "")
                + " ORDER BY " + sort.orderPrefix + "coalesce(items.done, 0), items_fts.rank, items.id",
                tagged ? List.of(match, sv.tag()) : List.of(match), null, null, match);
    }

    /**
     * Tables besides items and item_tags a filter reads whose changes cannot be patched row by row
     * (a section renamed, a file attached): such a commit loads a filter's view again.
     */
    Set<String> FILTER_TABLES = Set.of("sections", "attachments");

    /** The item carries the tag given as the next parameter. */
    String HAS_TAG = "EXISTS (SELECT 1 FROM item_tags g WHERE g.itemId = items.id AND g.tag = ? AND g.removedAt IS NULL)";

    /**
     * A view's query. {@code where} and {@code order} are set for views over the items table alone
     * whose order a comparator can follow ({@link Order}); those are kept up to date row by row
     * ({@link LiveItems}). Search (ranked by FTS5) and the conflicts view have neither; search has
     * its FTS5 {@code match} expression.
     */
    record Query(String sql, List<Object> params, String where, Comparator<Item> order, String match,
            Set<String> reloadOn) {
        public Query {
            reloadOn = Set.copyOf(reloadOn);
        }

        Query(String sql, List<Object> params, String where, Comparator<Item> order, String match) {
            this(sql, params, where, order, match, Set.of());
        }

        /** This query, loaded again after a commit to any of {@code tables} (besides the lists table, always). */
        Query reloadingOn(Set<String> tables) {
            return new Query(sql, params, where, order, match, tables);
        }

        /** A row-by-row view: its condition, its ORDER BY after {@code sort}'s, and the same order as a comparator. */
        static Query of(String where, List<Object> params, Sort sort, String orderBy, Comparator<Item> order) {
            return new Query("SELECT " + Queries.ITEM_COLUMNS + " FROM items WHERE " + where + " ORDER BY "
                    + sort.orderPrefix + orderBy, params, where, Order.sortedBy(sort, order), null);
        }

        /** How many items the search matches, trashed ones included: cheap, from the FTS5 index alone. */
        static final String MATCH_COUNT = "SELECT count(*) FROM items_fts WHERE items_fts MATCH ?";

        /** The search's {@code limit} newest matches, newest first: FTS5 walks its index backwards and stops. */
        Query newest(int limit) {
            return new Query(sql.substring(0, sql.lastIndexOf(" ORDER BY ")) + " ORDER BY items_fts.rowid DESC LIMIT "
                    + limit, params, null, null, match);
        }

        boolean rowByRow() {
            return where != null;
        }
    }
}
