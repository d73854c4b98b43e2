package dev.tandem.app.model;

import dev.tandem.app.model.filter.Filter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Reads for a program that sees only some lists (the MCP server started with {@code --lists}): a filter's todos a
 * page at a time, and the todos of a range of days, each limited to {@code lists} when that is not null (a subtask
 * is in its parent's list, so a list's subtasks come with it) and each within a list's budget ({@link QueryCost}):
 * the query and the range come from outside, so what they cost is bounded where they run, not only their size.
 */
public final class ScopedItems {
    /** The agenda's open todos due in a range, and the repeating ones due before it (their later dates may fall in it). */
    private static final String AGENDA = "SELECT " + Queries.ITEM_COLUMNS + " FROM items WHERE " + DateRange.sql("items.due")
            + " AND items.due <= ? AND (items.due >= ? OR coalesce(items.repeat, '') <> '') AND +items.trashedAt IS NULL"
            + " AND coalesce(items.done, 0) = 0 AND coalesce(items.kind, '') <> 'note'";

    private ScopedItems() {
    }

    /**
     * The todos {@code filter} finds today, in its smart list's order, {@code limit} of them after the first
     * {@code offset}, only in {@code lists} when not null (empty: none).
     *
     * @throws dev.tandem.engine.QueryTooCostlyException when it ran past its budget (lately)
     */
    public static List<Item> page(TodoStore store, Filter filter, Collection<String> lists, int offset, int limit) {
        if (lists != null && lists.isEmpty()) {
            return List.of();
        }
        FilterSql sql = FilterSql.of(filter, store.today(), store.dateClock().getZone(), store.sharedListIds());
        List<Object> params = new ArrayList<>(sql.params());
        String scope = inLists(lists, params);
        params.add(limit);
        params.add(offset);
        return store.queryCost().query(QueryCost.Use.LIST, Item.class, "SELECT " + Queries.ITEM_COLUMNS + " FROM items WHERE "
                + sql.where() + scope + FilteredItems.ORDER + " LIMIT ? OFFSET ?", params);
    }

    /**
     * The open todos due from {@code from} to {@code last}, and the repeating ones due before {@code from}, earliest
     * first, at most {@code limit}, only in {@code lists} when not null.
     *
     * @throws dev.tandem.engine.QueryTooCostlyException when it ran past its budget (lately)
     */
    public static List<Item> days(TodoStore store, LocalDate from, LocalDate last, Collection<String> lists, int limit) {
        if (lists != null && lists.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(last.toString(), from.toString()));
        String scope = inLists(lists, params);
        params.add(limit);
        return store.queryCost().query(QueryCost.Use.LIST, Item.class, AGENDA + scope
                + " ORDER BY items.due, items.createdAt, items.id LIMIT ?", params);
    }

    /** Whether {@code item} is in one of {@code lists} (null: every list and the Inbox). */
    public static boolean inScope(Item item, Collection<String> lists) {
        return lists == null || (item.listId() != null && lists.contains(item.listId()));
    }

    private static String inLists(Collection<String> lists, List<Object> params) {
        if (lists == null) {
            return "";
        }
        params.addAll(lists);
        return " AND items.listId IN (" + String.join(", ", Collections.nCopies(lists.size(), "?")) + ")";
    }
}
