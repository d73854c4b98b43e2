package dev.tandem.app.model;

import java.util.Comparator;
import java.util.function.Function;

/**
 * The views' ORDER BY clauses as comparators, so a changed row can be put in its place without
 * running the query again ({@link LiveItems}). Each must order exactly as SQLite does: NULL before
 * any value ascending and after every value descending, text by code unit (ids and ISO dates are
 * ASCII, so UTF-16 order is SQLite's BINARY order), the id last so the order is total.
 * {@code OrderTest} checks each against SQLite on random rows.
 */
final class Order {
    private Order() {
    }

    /** {@code createdAt, id}. */
    static final Comparator<Item> CREATED = asc(Item::createdAt).thenComparing(asc(Item::id));
    /** {@code due, dueTime, createdAt, id}: a day's todos without a time first, then the timed ones by time. */
    static final Comparator<Item> DUE = asc(Item::due).thenComparing(asc(Item::dueTime)).thenComparing(CREATED);
    /** {@code doneAt DESC, id}. */
    static final Comparator<Item> DONE_AT = desc(Item::doneAt).thenComparing(asc(Item::id));
    /** {@code trashedAt DESC, id}. */
    static final Comparator<Item> TRASHED_AT = desc(Item::trashedAt).thenComparing(asc(Item::id));
    /** {@code coalesce(done, 0), createdAt, id}. */
    static final Comparator<Item> OPEN_FIRST = Comparator.<Item>comparingLong(i -> i.done() == null ? 0 : i.done())
            .thenComparing(CREATED);

    /**
     * A filter's rows ({@link FilteredItems#ORDER_BY}): dated before undated, by due day and time,
     * then priority (none last), then {@code createdAt, id}.
     */
    static final Comparator<Item> FILTERED = Comparator.<Item, Boolean>comparing(i -> i.due() == null || i.due().isEmpty())
            .thenComparing(asc(Item::due)).thenComparing(asc(Item::dueTime))
            .thenComparing(i -> i.priority() == null || i.priority() == 0)
            .thenComparing(asc(Item::priority)).thenComparing(CREATED);

    /** {@code order} after the sort the user picked, as {@link Listing.Sort}'s ORDER BY prefix says. */
    static Comparator<Item> sortedBy(Listing.Sort sort, Comparator<Item> order) {
        return switch (sort) {
            case DEFAULT -> order;
            // coalesce(items.priority, 5)
            case PRIORITY -> Comparator.<Item>comparingLong(i -> i.priority() == null ? 5 : i.priority()).thenComparing(order);
            // coalesce(nullif(items.due, ''), '9999-99-99')
            case DUE -> Comparator.<Item, String>comparing(i -> i.due() == null || i.due().isEmpty() ? "9999-99-99" : i.due())
                    .thenComparing(order);
            // items.title COLLATE NOCASE
            case TITLE -> Comparator.comparing(Item::title, Comparator.nullsFirst(Order::noCase)).thenComparing(order);
        };
    }

    /**
     * SQLite's NOCASE: ASCII letters folded to lower case, everything else compared as is, in UTF-8
     * byte order, which is code point order.
     */
    static int noCase(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            int fx = x >= 'A' && x <= 'Z' ? x + 32 : x;
            int fy = y >= 'A' && y <= 'Z' ? y + 32 : y;
            if (fx != fy) {
                return Integer.compare(fx, fy);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static <V extends Comparable<? super V>> Comparator<Item> asc(Function<Item, V> column) {
        return Comparator.comparing(column, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    private static <V extends Comparable<? super V>> Comparator<Item> desc(Function<Item, V> column) {
        return Comparator.comparing(column, Comparator.nullsLast(Comparator.<V>naturalOrder().reversed()));
    }
}
