package dev.tandem.app.model;

import dev.tandem.app.model.filter.Filter;
import dev.tandem.app.model.filter.FilterSql;
import java.util.List;

/**
 * The todos a filter finds, as one query ({@link FilterSql}): the smart lists', the search box's
 * operators' and {@code tandem list --filter}'s. Ordered as a person reads such a list: by due date
 * (undated last), then priority, then when they were made.
 */
public final class FilteredItems {
    static final String ORDER = " ORDER BY coalesce(items.due, '') = '', items.due, coalesce(items.priority, 0) = 0,"
            + " items.priority, items.createdAt, items.id";

    private FilteredItems() {
    }

    /** What {@code filter} finds today in {@code store}. */
    public static List<Item> of(TodoStore store, Filter filter) {
        FilterSql sql = FilterSql.of(filter, store.today(), store.dateClock().getZone(), store.sharedListIds());
        return store.db().query(Item.class, "SELECT " + Queries.ITEM_COLUMNS + " FROM items WHERE " + sql.where() + ORDER,
                sql.params().toArray());
    }

    /** How many todos {@code filter} finds today. */
    public static long count(TodoStore store, Filter filter) {
        FilterSql sql = FilterSql.of(filter, store.today(), store.dateClock().getZone(), store.sharedListIds());
        return Queries.number(store.db(), "SELECT count(*) FROM items WHERE " + sql.where(),
                sql.params().toArray());
    }
}
