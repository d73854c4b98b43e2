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
    /** {@code due, createdAt, id}. */
    static final Comparator<Item> DUE = asc(Item::due).thenComparing(CREATED);
    /** {@code doneAt DESC, id}. */
    static final Comparator<Item> DONE_AT = desc(Item::doneAt).thenComparing(asc(Item::id));
    /** {@code trashedAt DESC, id}. */
    static final Comparator<Item> TRASHED_AT = desc(Item::trashedAt).thenComparing(asc(Item::id));

    private static <V extends Comparable<? super V>> Comparator<Item> asc(Function<Item, V> column) {
        return Comparator.comparing(column, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    private static <V extends Comparable<? super V>> Comparator<Item> desc(Function<Item, V> column) {
        return Comparator.comparing(column, Comparator.nullsLast(Comparator.<V>naturalOrder().reversed()));
    }
}
