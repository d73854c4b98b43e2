package dev.tandem.app.model;

import dev.tandem.app.model.filter.Filter;
import dev.tandem.app.model.filter.NamePattern;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A filter as one SQL condition over {@code items}, every value a bound parameter: a list's name, a tag,
 * a date, the words of a search never become SQL text.
 *
 * <p>The SQL is written for what it costs as well as what it finds, since another device may have written the
 * query: a condition repeated in one {@code &} or {@code |} is compiled once, a search's words are left out
 * when another word implies them ({@link Queries#ftsMatch}), and subqueries are read once per query rather
 * than once per row. Whatever is left is bounded in time where it runs ({@code QueryCost}).
 *
 * <p>Every condition is true or false, never NULL (columns are read through {@code coalesce}), so
 * {@code !} means "not this" as a person reads it: {@code !p1} includes todos without a priority. The
 * filter runs over todos (never plain notes) that are not in the Trash, and only open ones unless the
 * query names {@code done}.
 *
 * @param where  the condition, for {@code WHERE}
 * @param params its parameters, in order
 */
public record FilterSql(String where, List<Object> params) {
    public FilterSql {
        params = List.copyOf(params);
    }

    /**
     * Compiles {@code filter} as it reads on {@code today} in {@code zone}; {@code sharedListIds} are the
     * lists this device shares ({@code shared}).
     */
    public static FilterSql of(Filter filter, LocalDate today, ZoneId zone, Collection<String> sharedListIds) {
        List<Object> params = new ArrayList<>();
        String cond = new Compiler(today, zone, sharedListIds, params).sql(filter);
        // "+" keeps SQLite off the trashedAt index: nearly every row is out of the Trash, and reading them through
        // that index costs a lookup per row (a search's thousands of matches each found twice).
        String base = "+items.trashedAt IS NULL AND coalesce(items.kind, '') <> 'note'"
                + (namesDone(filter) ? "" : " AND coalesce(items.done, 0) = 0");
        return new FilterSql(base + " AND (" + cond + ")", params);
    }

    /** Whether the query asks about done todos anywhere; else it is about open ones. */
    public static boolean namesDone(Filter f) {
        if (f instanceof Filter.And a) {
            return a.parts().stream().anyMatch(FilterSql::namesDone);
        }
        if (f instanceof Filter.Or o) {
            return o.parts().stream().anyMatch(FilterSql::namesDone);
        }
        if (f instanceof Filter.Not n) {
            return namesDone(n.part());
        }
        return f instanceof Filter.Is is && is.flag() == Filter.Flag.DONE;
    }

    /** A due date within {@link DateRange}, never NULL: a synced date outside it is no date here. */
    private static final String DUE = DateRange.sql("coalesce(items.due, '')");
    /** A start date within {@link DateRange}, never NULL. */
    private static final String START = DateRange.sql("coalesce(items.start, '')");

    private record Compiler(LocalDate today, ZoneId zone, Collection<String> shared, List<Object> params) {
        String sql(Filter f) {
            if (f instanceof Filter.And a) {
                return join(a.parts(), " AND ");
            } else if (f instanceof Filter.Or o) {
                return join(o.parts(), " OR ");
            } else if (f instanceof Filter.Not n) {
                return "NOT (" + sql(n.part()) + ")";
            } else if (f instanceof Filter.InList l) {
                // Written so the planner can start from the list's todos (items_list_due, and a due range with it), never NULL.
                String named = NamePattern.wild(l.name())
                        ? bind("(items.listId IS NOT NULL AND items.listId IN (SELECT id FROM lists WHERE name LIKE ? ESCAPE '\\'))",
                                NamePattern.like(l.name()))
                        : bind("(items.listId IS NOT NULL AND items.listId IN (SELECT id FROM lists WHERE name = ? COLLATE NOCASE))",
                                l.name());
                // The Inbox holds the todos of no list, or of a list gone (as the sidebar's Inbox counts them).
                return NamePattern.namesInbox(l.name())
                        ? "(" + named + " OR items.listId IS NULL OR NOT EXISTS (SELECT 1 FROM lists WHERE lists.id = items.listId))" : named;
            } else if (f instanceof Filter.Tagged t) {
                // Tags are kept normalized (ItemTag.normalize): compared the same way, the tag's index finds its todos.
                String tag = ItemTag.normalize(t.tag());
                if (NamePattern.wild(tag)) {
                    // The literal start bounds a range of the tag's index, so "@urg*" reads only the tags it may match.
                    String start = NamePattern.prefix(tag);
                    return bind("items.id IN (SELECT itemId FROM item_tags WHERE tag >= ? AND tag < ? AND tag LIKE ? ESCAPE '\\'"
                            + " AND removedAt IS NULL)", start, start + Character.toString(Character.MAX_CODE_POINT),
                            NamePattern.like(tag));
                }
                return bind("items.id IN (SELECT itemId FROM item_tags WHERE tag = ? AND removedAt IS NULL)", tag);
            } else if (f instanceof Filter.Priority p) {
                return bind("coalesce(items.priority, 0) = ?", p.level());
            } else if (f instanceof Filter.DueBetween d) {
                return bind(DUE + " AND coalesce(items.due, '') >= ? AND coalesce(items.due, '') <= ?",
                        d.from().day(today).toString(), d.to().day(today).toString());
            } else if (f instanceof Filter.DueBefore d) {
                return bind(DUE + " AND items.due < ?", d.day().day(today).toString());
            } else if (f instanceof Filter.DueAfter d) {
                return bind(DUE + " AND items.due > ?", d.day().day(today).toString());
            } else if (f instanceof Filter.StartBefore d) {
                return bind(START + " AND items.start < ?", d.day().day(today).toString());
            } else if (f instanceof Filter.StartAfter d) {
                return bind(START + " AND items.start > ?", d.day().day(today).toString());
            } else if (f instanceof Filter.CreatedAfter d) {
                return bind("coalesce(items.createdAt, 0) >= ?",
                        d.day().day(today).plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
            } else if (f instanceof Filter.CreatedBefore d) {
                return bind("coalesce(items.createdAt, 0) < ?", d.day().day(today).atStartOfDay(zone).toInstant().toEpochMilli());
            } else if (f instanceof Filter.Search s) {
                return bind("items.rowid IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)", Queries.ftsMatch(s.words()));
            } else if (f instanceof Filter.InSection s) {
                return bind("coalesce(items.sectionId, '') IN (SELECT id FROM sections WHERE name = ? COLLATE NOCASE)", s.name());
            }
            return flag(((Filter.Is) f).flag());
        }

        private String flag(Filter.Flag flag) {
            return switch (flag) {
                case OVERDUE -> bind(DUE + " AND items.due < ?", today.toString());
                case NO_DATE -> "NOT " + DUE;
                case RECURRING -> "coalesce(items.repeat, '') <> ''";
                case NO_START -> "NOT " + START;
                case SOMEDAY -> "coalesce(items.someday, 0) = 1";
                case HAS_NOTES -> "trim(coalesce(items.notes, '')) <> ''";
                // Read once per query, not once per row (a correlated EXISTS per condition and row).
                case HAS_ATTACHMENT -> "items.id IN (SELECT itemId FROM attachments WHERE itemId IS NOT NULL)";
                case SUBTASK -> "coalesce(items.parentId, '') <> ''";
                case SHARED -> shared.isEmpty() ? "0"
                        : bind("coalesce(items.listId, '') IN (" + String.join(", ", Collections.nCopies(shared.size(), "?"))
                                + ")", shared.toArray());
                case DONE -> "coalesce(items.done, 0) = 1";
                case NO_TAGS -> "NOT EXISTS (SELECT 1 FROM item_tags t WHERE t.itemId = items.id AND t.removedAt IS NULL)";
            };
        }

        private String join(List<Filter> parts, String op) {
            List<String> sqls = new ArrayList<>();
            Filter.InList list = " AND ".equals(op) ? namedList(parts) : null;
            // A condition said twice in one "&" or "|" decides nothing more, but costs again for every row.
            for (Filter p : new LinkedHashSet<>(parts)) {
                sqls.add("(" + (list != null && p instanceof Filter.Search s ? searchIn(s, list) : sql(p)) + ")");
            }
            return String.join(op, sqls);
        }

        /** The first list named plainly among {@code parts} (no wildcard, not the Inbox), or null. */
        private static Filter.InList namedList(List<Filter> parts) {
            for (Filter p : parts) {
                if (p instanceof Filter.InList l && !NamePattern.wild(l.name()) && !NamePattern.namesInbox(l.name())) {
                    return l;
                }
            }
            return null;
        }

        /**
         * A search beside a list's condition ({@code #Work garden}): its matches intersected with the list's rowids.
         * SQLite starts from the full-text index and looks up every match, so a short prefix ("g", 20,000 matches of
         * 100,000 todos) cost 30-40 ms for a list of 3,000; the intersection of the two rowid sets costs 4-10 ms, and
         * only the todos in both are looked up. The list's own condition stays beside it, so the result is the same.
         */
        private String searchIn(Filter.Search s, Filter.InList list) {
            return bind("items.rowid IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ? INTERSECT SELECT rowid FROM items"
                    + " WHERE listId IN (SELECT id FROM lists WHERE name = ? COLLATE NOCASE))", Queries.ftsMatch(s.words()),
                    list.name());
        }

        private String bind(String sql, Object... values) {
            params.addAll(List.of(values));
            return sql;
        }
    }
}
