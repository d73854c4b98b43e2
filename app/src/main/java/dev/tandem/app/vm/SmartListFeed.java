package dev.tandem.app.vm;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.FilteredItems;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.SavedFilter;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.filter.FilterException;
import dev.tandem.app.text.filter.FilterParser;
import dev.tandem.engine.Subscription;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The saved filters as the sidebar shows them: each read once when its row or the day changes, each
 * with its own live count.
 *
 * <p>Design: the rows arrive on the UI executor, where they are read ({@link FilterParser}, bounded, so
 * a row synced from another device cannot stall the window). Each readable filter has one count
 * subscription, keyed by its id, query and day: the store runs it again after a commit to a table it
 * reads, so one filter's count is one query, and a change of the filter or the day replaces just that
 * subscription. Subscriptions are opened off the UI thread; a count or an opened subscription that
 * arrives after its key stopped being wanted is dropped (and closed), so a count never lands on the
 * wrong filter. Only the first {@value #MAX_COUNTED} filters are counted: more cost a query each per
 * commit for rows few people scroll to.
 */
final class SmartListFeed implements AutoCloseable {
    /** Filters with a live count; those after show without one. */
    static final int MAX_COUNTED = 100;

    /** One saved filter: its row, the view that opens it (with why it does not read, if so) and its count (-1: none). */
    record Entry(SavedFilter saved, Listing.FilterListing view, long count) {
    }

    /** Stands for a subscription being opened, so a second change does not open another. */
    private static final Subscription PENDING = new Subscription() {
        @Override
        public void close() {
        }

        @Override
        public boolean isActive() {
            return false;
        }
    };

    private final TodoStore store;
    private final Async async;
    private final Runnable onChange;
    private final Map<String, Subscription> counting = new HashMap<>();
    private final Map<String, Long> counts = new HashMap<>();
    private List<SavedFilter> rows = List.of();
    private List<Entry> entries = List.of();
    private Subscription rowFeed;
    private LocalDate today;
    private boolean closed;

    /** {@code onChange} runs on the UI executor after the entries changed (the owner rebuilds). */
    SmartListFeed(TodoStore store, Async async, Runnable onChange) {
        this.store = store;
        this.async = async;
        this.onChange = onChange;
    }

    /** Whether the rows were read at least once (before, no filter is known to be gone). */
    boolean loaded() {
        return rowFeed != null && rowFeed != PENDING || !rows.isEmpty();
    }

    /** The saved filters in the person's order, with their counts as last known. */
    List<Entry> entries() {
        return entries;
    }

    /** (Re)reads the filters as of {@code today}; the first call subscribes to their rows. UI thread. */
    void bind(LocalDate day) {
        today = day;
        if (rowFeed == null) {
            rowFeed = PENDING;
            async.run(() -> store.savedFilters().subscribe(this::onRows, async.ui()), s -> {
                if (closed) {
                    s.close();
                } else {
                    rowFeed = s;
                }
            });
        } else {
            onRows(rows);
        }
    }

    private void onRows(List<SavedFilter> next) {
        if (closed) {
            return;
        }
        rows = next;
        List<Entry> made = new ArrayList<>();
        Set<String> wanted = new HashSet<>();
        for (SavedFilter f : next) {
            Listing.FilterListing view;
            try {
                view = Listing.FilterListing.saved(f.id(), FilterParser.parse(f.query(), today));
            } catch (FilterException e) {
                view = Listing.FilterListing.unreadable(f.id(), e.getMessage());
            }
            String key = f.id() + "\n" + f.query() + "\n" + today;
            boolean counted = view.filter() != null && wanted.size() < MAX_COUNTED;
            if (counted) {
                wanted.add(key);
                if (!counting.containsKey(key)) {
                    count(key, view);
                }
            }
            made.add(new Entry(f, view, counted ? counts.getOrDefault(key, -1L) : -1));
        }
        for (String key : new ArrayList<>(counting.keySet())) {
            if (!wanted.contains(key)) {
                counting.remove(key).close();
                counts.remove(key);
            }
        }
        entries = List.copyOf(made);
        onChange.run();
    }

    private void count(String key, Listing.FilterListing view) {
        counting.put(key, PENDING);
        LocalDate day = today;
        async.run(() -> FilteredItems.subscribeCount(store, view.filter(), day, n -> counted(key, n), async.ui()), s -> {
            if (counting.containsKey(key) && !closed) {
                counting.put(key, s);
            } else {
                s.close();
            }
        });
    }

    private void counted(String key, long n) {
        if (!counting.containsKey(key) || closed) {
            return;
        }
        Long old = counts.put(key, n);
        if (old == null || old != n) {
            List<Entry> made = new ArrayList<>(entries.size());
            for (Entry e : entries) {
                boolean mine = key.equals(e.saved().id() + "\n" + e.saved().query() + "\n" + today);
                made.add(mine ? new Entry(e.saved(), e.view(), n) : e);
            }
            entries = List.copyOf(made);
            onChange.run();
        }
    }

    @Override
    public void close() {
        closed = true;
        if (rowFeed != null) {
            rowFeed.close();
        }
        counting.values().forEach(Subscription::close);
        counting.clear();
    }
}
