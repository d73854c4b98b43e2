package dev.tandem.app.model;

import dev.tandem.app.model.filter.Filter;
import dev.tandem.app.model.filter.FilterSql;
import dev.tandem.engine.Subscription;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;

/**
 * The todos a filter finds, as one query ({@link FilterSql}): the smart lists', the search box's
 * operators' and {@code tandem list --filter}'s. Ordered as a person reads such a list: by due date
 * (undated last), then priority, then when they were made.
 */
public final class FilteredItems {
    /** The order, as {@link Order#FILTERED} keeps it row by row. */
    static final String ORDER_BY = "coalesce(items.due, '') = '', items.due, items.dueTime, coalesce(items.priority, 0) = 0,"
            + " items.priority, items.createdAt, items.id";
    static final String ORDER = " ORDER BY " + ORDER_BY;

    private FilteredItems() {
    }

    /** What {@code filter} finds today in {@code store}. */
    public static List<Item> of(TodoStore store, Filter filter) {
        return of(store, filter, Integer.MAX_VALUE);
    }

    /** The first {@code limit} todos {@code filter} finds today, read no further. */
    public static List<Item> of(TodoStore store, Filter filter, int limit) {
        FilterSql sql = FilterSql.of(filter, store.today(), store.dateClock().getZone(), store.sharedListIds());
        List<Object> params = new ArrayList<>(sql.params());
        params.add(limit);
        return store.db().query(Item.class, "SELECT " + Queries.ITEM_COLUMNS + " FROM items WHERE " + sql.where() + ORDER
                + " LIMIT ?", params.toArray());
    }

    /**
     * How many todos {@code filter} finds on {@code today}, now and again after every commit to a table
     * the count reads, handed to {@code onCount} on {@code executor}.
     */
    public static Subscription subscribeCount(TodoStore store, Filter filter, LocalDate today, LongConsumer onCount,
            Executor executor) {
        FilterSql sql = FilterSql.of(filter, today, store.dateClock().getZone(), store.sharedListIds());
        return store.db().querySubscribe(Count.class, "SELECT '' AS id, count(*) AS n FROM items WHERE " + sql.where(),
                sql.params(), rows -> onCount.accept(rows.isEmpty() ? 0 : rows.get(0).count()), executor);
    }

    /** How many todos {@code filter} finds today. */
    public static long count(TodoStore store, Filter filter) {
        FilterSql sql = FilterSql.of(filter, store.today(), store.dateClock().getZone(), store.sharedListIds());
        return Queries.number(store.db(), "SELECT count(*) FROM items WHERE " + sql.where(),
                sql.params().toArray());
    }
}
