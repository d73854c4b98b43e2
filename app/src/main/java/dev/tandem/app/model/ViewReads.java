package dev.tandem.app.model;

import dev.tandem.engine.Subscription;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What the app's views read through a {@link TodoStore}: a listing's rows (now, live, or as patches), the sidebar
 * counts and a list by name. Apart from the store, whose public methods stay the doors to these, because the
 * queries share one shape: built for the zone whose date is today and the shared lists as last told, and a query
 * someone else shaped (a smart list, a search) runs within a budget ({@link QueryCost}).
 */
final class ViewReads {
    private final TodoStore store;
    /** The one thread the store's live views read and patch on. */
    private final Executor live;
    private final QueryCost queryCost;

    ViewReads(TodoStore store, Executor live, QueryCost queryCost) {
        this.store = store;
        this.live = live;
        this.queryCost = queryCost;
    }

    /** The view's rows now; a smart list's or a search's within a list's budget. */
    List<Item> query(Listing view) {
        Listing.Query q = query(view, store.today(), Listing.Sort.DEFAULT);
        return fromOutside(view) ? queryCost.query(QueryCost.Use.LIST, Item.class, q.sql(), q.params())
                : store.db().query(Item.class, q.sql(), q.params().toArray());
    }

    /** The view's live rows as of {@code today}, ordered first by {@code sort}. */
    Subscription subscribe(Listing view, LocalDate today, Listing.Sort sort, Consumer<List<Item>> onResult,
            Executor executor) {
        Listing.Query q = query(view, today, sort);
        return store.db().querySubscribe(Item.class, q.sql(), q.params(), onResult, executor);
    }

    /** The view's rows as a first page, the whole result, then patches ({@link LiveItems}). */
    Subscription subscribeRows(Listing view, LocalDate today, Listing.Sort sort, LiveItems.Sink sink) {
        Listing.Query q = query(view, today, sort);
        return fromOutside(view) ? LiveItems.open(store.db(), q, sink, live, queryCost)
                : LiveItems.open(store.db(), q, sink, live);
    }

    /** The sidebar counts as of {@code today}. */
    List<Count> counts(LocalDate today) {
        String t = today.toString();
        return store.db().query(Count.class, Queries.COUNTS, t, t, t, t, t, t);
    }

    /** The sidebar counts as of {@code today}, live: kept from what each commit changed ({@link LiveCounts}). */
    Subscription subscribeCounts(LocalDate today, Consumer<List<Count>> onResult, Executor executor) {
        return LiveCounts.open(store.db(), today, onResult, executor, live);
    }

    /** The first list named {@code name}, case aside and the name stripped; empty for a blank name. */
    Optional<TodoList> findList(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String n = name.strip();
        return store.lists().stream().filter(l -> l.name() != null && l.name().equalsIgnoreCase(n)).findFirst();
    }

    private Listing.Query query(Listing view, LocalDate today, Listing.Sort sort) {
        return Listing.query(view, today, sort, store.dateClock().getZone(), store.sharedListIds());
    }

    /** A view whose query someone else shaped: a smart list (maybe from another device) or a search. */
    private static boolean fromOutside(Listing view) {
        return view instanceof Listing.FilterListing || view instanceof Listing.SearchListing;
    }
}
