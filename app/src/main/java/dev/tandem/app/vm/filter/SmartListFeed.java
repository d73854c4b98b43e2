package dev.tandem.app.vm.filter;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.FilterCounts;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.SavedFilter;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.filter.Filter;
import dev.tandem.app.model.filter.FilterException;
import dev.tandem.app.text.filter.FilterParser;
import dev.tandem.engine.Subscription;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The saved filters as the sidebar shows them: each read once when its row or the day changes, each
 * with its own live count.
 *
 * <p>Design: the rows arrive on the UI executor, where they are read ({@link FilterParser}, bounded, so
 * a row synced from another device cannot stall the window). The readable ones among the first
 * {@value #MAX_COUNTED} are handed to one {@link FilterCounts}, keyed by id, query and day: it counts them on
 * its own thread after each commit to a table they read, each within a count's budget, and a filter that runs
 * over shows as too slow to count ({@link FilterCounts#TOO_SLOW}) without holding the others. A count that
 * arrives after its key stopped being wanted is dropped, so a count never lands on the wrong filter. Only the
 * first {@value #MAX_COUNTED} filters are counted: more cost a query each per commit for rows few people scroll
 * to.
 */
public final class SmartListFeed implements AutoCloseable {
    /** Filters with a live count; those after show without one. */
    static final int MAX_COUNTED = 100;

    /**
     * One saved filter: its row, the view that opens it (with why it does not read, if so) and its count (-1:
     * none yet or not counted; {@link FilterCounts#TOO_SLOW}: too slow to count).
     */
    public record Entry(SavedFilter saved, Listing.FilterListing view, long count) {
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
    private final FilterCounts counter;
    private final Map<String, Long> counts = new HashMap<>();
    private Map<String, Filter> counting = Map.of();
    private List<SavedFilter> rows = List.of();
    private List<Entry> entries = List.of();
    private Subscription rowFeed;
    private LocalDate today;
    private boolean closed;

    /** {@code onChange} runs on the UI executor after the entries changed (the owner rebuilds). */
    public SmartListFeed(TodoStore store, Async async, Runnable onChange) {
        this.store = store;
        this.async = async;
        this.onChange = onChange;
        Executor ui = async.ui();
        this.counter = new FilterCounts(store, (key, n) -> ui.execute(() -> counted(key, n)));
    }

    /** Whether the rows were read at least once (before, no filter is known to be gone). */
    public boolean loaded() {
        return rowFeed != null && rowFeed != PENDING || !rows.isEmpty();
    }

    /** The saved filters in the person's order, with their counts as last known. */
    public List<Entry> entries() {
        return entries;
    }

    /** (Re)reads the filters as of {@code today}; the first call subscribes to their rows. UI thread. */
    public void bind(LocalDate day) {
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

    private static String key(SavedFilter f, LocalDate day) {
        return f.id() + "\n" + f.query() + "\n" + day;
    }

    private void onRows(List<SavedFilter> next) {
        if (closed) {
            return;
        }
        rows = next;
        List<Entry> made = new ArrayList<>();
        Map<String, Filter> wanted = new LinkedHashMap<>();
        for (SavedFilter f : next) {
            Listing.FilterListing view;
            try {
                view = Listing.FilterListing.saved(f.id(), FilterParser.parse(f.query(), today));
            } catch (FilterException e) {
                view = Listing.FilterListing.unreadable(f.id(), e.getMessage());
            }
            String key = key(f, today);
            boolean counted = view.filter() != null && wanted.size() < MAX_COUNTED;
            if (counted) {
                wanted.put(key, view.filter());
            }
            made.add(new Entry(f, view, counted ? counts.getOrDefault(key, -1L) : -1));
        }
        counts.keySet().retainAll(wanted.keySet());
        if (!wanted.equals(counting)) {
            counting = wanted;
            counter.want(wanted, today);
        }
        entries = List.copyOf(made);
        onChange.run();
    }

    private void counted(String key, long n) {
        if (!counting.containsKey(key) || closed) {
            return;
        }
        Long old = counts.put(key, n);
        if (old == null || old != n) {
            List<Entry> made = new ArrayList<>(entries.size());
            for (Entry e : entries) {
                boolean mine = key.equals(key(e.saved(), today));
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
        counter.close();
    }
}
