package dev.tandem.app.model;

import dev.tandem.app.model.filter.Filter;
import dev.tandem.engine.QueryBudget;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The todos a filter finds, as one query ({@link FilterSql}): the smart lists', the search box's
 * operators' and {@code tandem list --filter}'s, each within its budget ({@link QueryCost}). Ordered as a person reads such a list: by due date
 * (undated last), then priority, then when they were made.
 */
public final class FilteredItems {
    /** The order, as {@link Order#FILTERED} keeps it row by row. */
    static final String ORDER_BY = "coalesce(items.due, '') = '', items.due, items.dueTime, coalesce(items.priority, 0) = 0,"
            + " items.priority, items.createdAt, items.id";
    static final String ORDER = " ORDER BY " + ORDER_BY;

    private FilteredItems() {
    }

    /**
     * What {@code filter} finds today in {@code store}, within a list's budget ({@link QueryCost}).
     *
     * @throws dev.tandem.engine.QueryTooCostlyException when it ran past its budget (lately)
     */
    public static List<Item> of(TodoStore store, Filter filter) {
        return of(store, filter, Integer.MAX_VALUE);
    }

    /** The first {@code limit} todos {@code filter} finds today, read no further, within a list's budget. */
    public static List<Item> of(TodoStore store, Filter filter, int limit) {
        FilterSql sql = FilterSql.of(filter, store.today(), store.dateClock().getZone(), store.sharedListIds());
        List<Object> params = new ArrayList<>(sql.params());
        params.add(limit);
        return store.queryCost().query(QueryCost.Use.LIST, Item.class, "SELECT " + Queries.ITEM_COLUMNS + " FROM items WHERE "
                + sql.where() + ORDER + " LIMIT ?", params);
    }

    /**
     * How many todos {@code filter} finds on {@code day}, within {@code use}'s budget: a count beside a smart
     * list ({@link QueryCost.Use#COUNT}) or a list's total ({@link QueryCost.Use#LIST}).
     *
     * @throws dev.tandem.engine.QueryTooCostlyException when it ran past its budget (lately)
     */
    public static long count(TodoStore store, Filter filter, LocalDate day, QueryCost.Use use) {
        return count(store, filter, day, use, QueryBudget.NEVER);
    }

    /**
     * As {@link #count(TodoStore, Filter, LocalDate, QueryCost.Use)}, stopped once {@code stop} says the count is
     * no longer wanted.
     *
     * @throws dev.tandem.engine.QueryStoppedException when {@code stop} stopped it
     */
    public static long count(TodoStore store, Filter filter, LocalDate day, QueryCost.Use use, BooleanSupplier stop) {
        FilterSql sql = FilterSql.of(filter, day, store.dateClock().getZone(), store.sharedListIds());
        List<Count> rows = store.queryCost().query(use, Count.class, "SELECT '' AS id, count(*) AS n FROM items WHERE "
                + sql.where(), sql.params(), stop);
        return rows.isEmpty() ? 0 : rows.get(0).count();
    }

    /** How many todos {@code filter} finds today, counted as a smart list's count is. */
    public static long count(TodoStore store, Filter filter) {
        return count(store, filter, store.today(), QueryCost.Use.COUNT);
    }
}
