package dev.tandem.app.model;

import dev.tandem.engine.Subscription;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What the week and month grids are made of: the open todos (no notes, nothing completed or trashed)
 * due within the range, and the repeating ones due before it, whose later dates may fall in it (the grid
 * computes those dates and never stores them). Two indexed ranges, so a week reads about its own rows
 * whatever the size of the past: the days on {@code due}, and the repeating todos before them on the
 * partial index of repeating todos ({@code items_repeating}). One range, due up to the last day with the
 * repeat tested per row, read every todo due before the range: 57 ms a week at 100,000 todos.
 */
public final class CalendarItems {
    private static final String OPEN = " AND +trashedAt IS NULL AND coalesce(done, 0) = 0 AND " + Queries.TODO;
    /**
     * {@code +trashedAt}: see {@link AgendaItems#SQL}; the plain index on trashedAt would read the whole table.
     * {@code repeat <> ''} as written in the partial index, so SQLite uses it; the branches do not overlap.
     */
    public static final String SQL = "SELECT " + Queries.ITEM_COLUMNS + " FROM items WHERE due >= ? AND due <= ?" + OPEN
            + " UNION ALL SELECT " + Queries.ITEM_COLUMNS + " FROM items WHERE repeat <> '' AND due < ? AND " + DateRange.sql("due") + OPEN
            + " ORDER BY due, createdAt, id";

    private CalendarItems() {
    }

    /** The todos as of now for the days {@code first} to {@code last}. */
    public static List<Item> query(TodoStore store, LocalDate first, LocalDate last) {
        return store.db().query(Item.class, SQL, first.toString(), last.toString(), first.toString());
    }

    /**
     * The same, again after every commit that touches the items (here or synced from another device),
     * each result handed to {@code onResult} on {@code executor}, never on the UI thread.
     */
    public static Subscription subscribe(TodoStore store, LocalDate first, LocalDate last, Consumer<List<Item>> onResult,
            Executor executor) {
        return store.db().querySubscribe(Item.class, SQL, List.of(first.toString(), last.toString(), first.toString()),
                onResult, executor);
    }
}
