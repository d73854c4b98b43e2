package dev.tandem.app.model;

import dev.tandem.engine.Subscription;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What the week and month grids are made of: the open todos (no notes, nothing completed or trashed)
 * due within the range, and the repeating ones due before it, whose later dates may fall in it (the grid
 * computes those dates and never stores them). One indexed range on {@code due}, bounded by the range's
 * last day, as {@link AgendaItems} does; a todo due before the range that does not repeat is read by the
 * index but filtered out before it is built.
 */
public final class CalendarItems {
    /** {@code +trashedAt}: see {@link AgendaItems#SQL}; the plain index on trashedAt would read the whole table. */
    static final String SQL = "SELECT " + Queries.ITEM_COLUMNS + " FROM items WHERE due IS NOT NULL AND due <> ''"
            + " AND due <= ? AND (due >= ? OR coalesce(repeat, '') <> '') AND +trashedAt IS NULL"
            + " AND coalesce(done, 0) = 0 AND " + Queries.TODO + " ORDER BY due, createdAt, id";

    private CalendarItems() {
    }

    /** The todos as of now for the days {@code first} to {@code last}. */
    public static List<Item> query(TodoStore store, LocalDate first, LocalDate last) {
        return store.db().query(Item.class, SQL, last.toString(), first.toString());
    }

    /**
     * The same, again after every commit that touches the items (here or synced from another device),
     * each result handed to {@code onResult} on {@code executor}, never on the UI thread.
     */
    public static Subscription subscribe(TodoStore store, LocalDate first, LocalDate last, Consumer<List<Item>> onResult,
            Executor executor) {
        return store.db().querySubscribe(Item.class, SQL, List.of(last.toString(), first.toString()), onResult, executor);
    }
}
