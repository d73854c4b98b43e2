package dev.tandem.app.model;

import dev.tandem.app.model.filter.Filter;
import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.ChangeListener;
import dev.tandem.engine.QueryTooCostlyException;
import dev.tandem.engine.Subscription;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * Live counts of saved filters (the sidebar's smart lists), each within a count's budget ({@link QueryCost}).
 *
 * <p>Design: the counts run on this feed's own thread, never on the database's dispatch thread, so the
 * window's lists and searches (which the dispatch thread serves) never wait behind them. A commit to a table a
 * filter reads schedules one pass; commits that come during a pass schedule one more, not one each. A pass
 * counts the wanted filters in their order, handing each result over as it comes: a filter that runs over its
 * budget costs that budget and is reported {@link #TOO_SLOW}, and the others are counted after it as before.
 * One that ran over is refused at once for a while ({@link QueryCost}), so a hundred of them cost their budgets
 * once, not at every commit.
 *
 * <p>The wanted set is replaced whole ({@link #want}); a pass reads it once at its start, and a result for a key no
 * longer wanted is dropped by the owner (it knows its keys).
 */
public final class FilterCounts implements AutoCloseable {
    /** Stands for a count: the filter ran past its budget. */
    public static final long TOO_SLOW = -2;

    /** The tables a filter's count reads: a commit to one of them counts again. */
    static final Set<String> TABLES = Set.of("items", "item_tags", "lists", "sections", "attachments");

    private final TodoStore store;
    private final BiConsumer<String, Long> onCount;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tandem-filter-counts");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Commits heard since the first pass, which subscribes (on this feed's thread, never the caller's). */
    private Subscription commits;
    private volatile Map<String, Filter> wanted = Map.of();
    private volatile LocalDate day;
    private volatile boolean closed;

    /**
     * {@code onCount} hears each key's count (or {@link #TOO_SLOW}) on this feed's thread. Nothing is read
     * before the first {@link #want}; any thread may make one.
     */
    public FilterCounts(TodoStore store, BiConsumer<String, Long> onCount) {
        this.store = store;
        this.onCount = onCount;
    }

    private void listen() {
        commits = store.db().subscribe(new ChangeListener() {
            @Override
            public void onCommit(List<ChangeEvent> events) {
                for (ChangeEvent e : events) {
                    if (TABLES.contains(e.table())) {
                        schedule();
                        return;
                    }
                }
            }

            @Override
            public void onUnknownChanges() {
                schedule();
            }
        });
    }

    /** Counts {@code filters} (by key, in order) as of {@code today} from now on, starting with a pass now. */
    public void want(Map<String, Filter> filters, LocalDate today) {
        wanted = new LinkedHashMap<>(filters);
        day = today;
        schedule();
    }

    private void schedule() {
        if (closed || !scheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(this::pass);
        } catch (RejectedExecutionException e) {
            scheduled.set(false);
        }
    }

    private void pass() {
        scheduled.set(false);
        if (commits == null && !closed) {
            listen();
        }
        LocalDate today = day;
        for (Map.Entry<String, Filter> e : new ArrayList<>(wanted.entrySet())) {
            if (closed) {
                return;
            }
            long n;
            try {
                n = FilteredItems.count(store, e.getValue(), today, QueryCost.Use.COUNT);
            } catch (QueryTooCostlyException tooSlow) {
                n = TOO_SLOW;
            } catch (RuntimeException failed) {
                // The database failed (closing, a disk error): no count, as before the first one.
                continue;
            }
            onCount.accept(e.getKey(), n);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            worker.execute(() -> {
                if (commits != null) {
                    commits.close();
                }
            });
        } finally {
            worker.shutdown();
        }
    }
}
