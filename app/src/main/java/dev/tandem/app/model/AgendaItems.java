package dev.tandem.app.model;

import dev.tandem.engine.Subscription;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What the agenda is made of: the open todos (no notes, nothing completed or trashed) due on or before
 * the range's last day. Overdue ones are among them, and so is every repeating todo with an occurrence
 * in the range, as a series' later dates come only after its open occurrence's due date; the agenda
 * computes those dates itself and never stores them. One indexed range on {@code due}.
 */
public final class AgendaItems {
    /**
     * The range on {@code due} first, and {@code +trashedAt}: without the plus SQLite takes the index on
     * trashedAt for "IS NULL", which nearly every row matches, and reads and sorts the whole table (at
     * 100,000 todos a first page then takes as long as the whole result).
     */
    static final String SQL = "SELECT " + Queries.ITEM_COLUMNS + " FROM items WHERE " + DateRange.sql("due")
            + " AND due <= ? AND +trashedAt IS NULL AND coalesce(done, 0) = 0 AND " + Queries.TODO
            + " ORDER BY due, createdAt, id";

    /** Rows the first page holds: more than a screenful, read at once by the index on {@code due}. */
    public static final int FIRST_PAGE = 200;

    private AgendaItems() {
    }

    /**
     * The first {@value #FIRST_PAGE} of {@link #query}'s todos, earliest due first: what the first
     * frame shows while the whole result (thousands of todos at scale) is read.
     */
    public static List<Item> firstPage(TodoStore store, LocalDate last) {
        return store.db().query(Item.class, SQL + " LIMIT " + FIRST_PAGE, last.toString());
    }

    /** The todos as of now, due on or before {@code last}. */
    public static List<Item> query(TodoStore store, LocalDate last) {
        return store.db().query(Item.class, SQL, last.toString());
    }

    /**
     * The same, again after every commit that touches the items (from this device or synced from
     * another), each result handed to {@code onResult} on {@code executor}, never on the UI thread.
     */
    public static Subscription subscribe(TodoStore store, LocalDate last, Consumer<List<Item>> onResult,
            Executor executor) {
        return store.db().querySubscribe(Item.class, SQL, List.of(last.toString()), onResult, executor);
    }
}
