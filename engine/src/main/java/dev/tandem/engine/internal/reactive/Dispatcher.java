package dev.tandem.engine.internal.reactive;

import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.ChangeListener;
import dev.tandem.engine.QueryBudget;
import dev.tandem.engine.QueryTooCostlyException;
import dev.tandem.engine.Subscription;
import dev.tandem.engine.TandemException;
import dev.tandem.engine.internal.store.Connections;
import dev.tandem.engine.internal.store.SchemaSnapshot;
import dev.tandem.engine.internal.store.SqlFunction;
import dev.tandem.engine.internal.tx.Commit;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Re-runs subscribed queries after commits: one dispatch thread per database drains the commits, and a drain's
 * affected queries run on up to {@code width} readers at once ({@link Reruns}).
 *
 * <p>Ordering: commits are queued in commit order; the single dispatch thread drains them, one drain
 * ending before the next starts, so each subscription sees its results in commit order and listeners see events in commit order. Bursts
 * coalesce: all commits queued before a drain starts cost one re-run per affected query. A query
 * re-runs only when a drained commit wrote a table the query reads (see {@link QueryDependencies}).
 * Affected queries whose last result showed a row the drained commits changed re-run first, so
 * the view of the edited row is not queued behind every other query of the same table; the rest
 * follow cheapest first, by what their last run took, in steps that double from about 1 ms (subscription order
 * within a step): a cheap count comes before the counts of everything, while queries of about the same cost keep
 * one order from commit to commit instead of one their timing jitter shuffles (shuffled, one by one, P2's last
 * callback came about 0.9 ms later; docs/PERFORMANCE.md). Each query's part of a drain is timed
 * ({@link LiveQuery#worked}), so the next drain knows whether its work is worth spreading ({@link Reruns}).
 *
 * <p>Row scoping: when every drained commit that wrote a table named each row it wrote there
 * ({@link Commit#exactTables()}), a row-scoped query over that table whose result cannot contain
 * those rows ({@link LiveQuery#mayHaveChanged}) is not re-run: its last result is delivered
 * again, so every affected subscriber still hears of every commit, in order.
 *
 * <p>Isolation: a callback runs on its own executor (or the dispatch thread when none was given)
 * inside a guard, so a throwing callback reaches the error handler and never stops other
 * callbacks or the dispatcher.
 *
 * <p>What happened between two drains is folded into {@link PendingCommits}, under one lock with the
 * "drain scheduled" flag, so a commit is either in the drain that is starting or schedules the next.
 *
 * <p>Audience: a commit, and a re-run of everything (a migration, another program's commit), is heard
 * by the listeners registered when it happened, never by one that subscribed after, though the drain
 * that delivers it may start later. Under load that gap is long; a listener that acts on what it
 * hears (a repair pass) would otherwise act on a change that predates it.
 */
public final class Dispatcher implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Connections connections;
    private final Supplier<SchemaSnapshot> schema;
    private final Executor defaultExecutor;
    private final Consumer<Throwable> errors;
    private final ExecutorService thread;
    private final List<LiveQuery<?>> queries = new CopyOnWriteArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final PendingCommits<Listener> pending = new PendingCommits<>();
    /** Subscriptions being set up: their first run may miss a commit that nobody was told of. */
    private final AtomicInteger subscribing = new AtomicInteger();
    private final ReaderStatements statements = new ReaderStatements();
    private final Reruns reruns;
    private boolean scheduled;
    private volatile Thread dispatchThread;

    public Dispatcher(Connections connections, Supplier<SchemaSnapshot> schema, Executor defaultExecutor,
                      Consumer<Throwable> errors) {
        this(connections, schema, defaultExecutor, errors, 1);
    }

    /** {@code width}: how many affected queries re-run at once after a commit, each on its own reader. */
    public Dispatcher(Connections connections, Supplier<SchemaSnapshot> schema, Executor defaultExecutor,
                      Consumer<Throwable> errors, int width) {
        this.reruns = new Reruns(connections, width, errors);
        this.connections = connections;
        this.schema = schema;
        this.defaultExecutor = defaultExecutor;
        this.errors = errors;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tandem-dispatch-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            dispatchThread = t;
            return t;
        });
    }

    /** Registers and runs a query; its first result is delivered before this returns when the
     * executor is direct. SQL errors in the first run are thrown to the caller. */
    public <T> Subscription subscribe(String sql, SqlFunction<List<T>> query, Consumer<List<T>> callback,
                                      Executor executor) {
        return subscribe(new LiveQuery<>(sql, null, null, query, callback,
                executor == null ? defaultExecutor : executor, this, null));
    }

    /** As {@link #subscribe(String, SqlFunction, Consumer, Executor)} for a query given as SQL and
     * parameters (already SQL values), whose rows {@code mapper} reads; such a query may be row-scoped. */
    public <T> Subscription subscribe(String sql, Object[] params, RowMapper<T> mapper,
                                      Consumer<List<T>> callback, Executor executor) {
        return subscribe(sql, params, mapper, callback, executor, null);
    }

    /**
     * A subscribed query's budget, and who hears that a run went past it: every run and probe is stopped at the
     * budget, and a stopped run hands over no rows, so one costly query holds the others back by its budget at
     * most.
     */
    public record Bound(QueryBudget budget, Consumer<QueryTooCostlyException> onTooCostly) {
    }

    /** As above, every run of the query stopped at {@code bound}'s budget (none when null). */
    public <T> Subscription subscribe(String sql, Object[] params, RowMapper<T> mapper,
                                      Consumer<List<T>> callback, Executor executor, Bound bound) {
        return subscribe(new LiveQuery<>(sql, params.clone(), mapper, null, callback,
                executor == null ? defaultExecutor : executor, this, bound));
    }

    private <T> Subscription subscribe(LiveQuery<T> q) {
        subscribing.incrementAndGet();
        try {
            onDispatchThread(() -> {
                connections.read(c -> {
                    q.tables(c, schema.get());
                    q.run(c, statements);
                    return null;
                });
                queries.add(q);
                return null;
            });
        } finally {
            subscribing.decrementAndGet();
        }
        return q;
    }

    /** Tells {@code listener} of commits, of {@code origin} only unless that is null. */
    public Subscription listen(ChangeListener listener, Executor executor, ChangeEvent.Origin origin) {
        Listener l = new Listener(listener, executor == null ? defaultExecutor : executor, origin);
        listeners.add(l);
        return new Subscription() {
            private volatile boolean active = true;

            @Override
            public void close() {
                active = false;
                listeners.remove(l);
            }

            @Override
            public boolean isActive() {
                return active;
            }
        };
    }

    /**
     * Whether a commit now would reach anyone. With nobody to tell, waking the dispatch thread
     * would only slow the writer down. A subscription being set up counts as somebody: its first
     * run may predate the commit.
     */
    public boolean anyoneListening() {
        return !queries.isEmpty() || !listeners.isEmpty() || subscribing.get() > 0;
    }

    /** Called after a commit with the tables it wrote, its row events and its origin. */
    public void committed(Commit commit) {
        if (!anyoneListening()) {
            return;
        }
        synchronized (lock) {
            pending.add(commit, listeners.isEmpty() ? List.of() : List.copyOf(listeners));
            schedule();
        }
    }

    /**
     * After a migration, or a commit by another program whose rows are unknown: re-derive every
     * query's tables and re-run them all, and tell the listeners registered now of unknown changes.
     * As with a commit, a listener that subscribes after this returns, even before the drain that
     * delivers it, hears nothing of it: what it reads after subscribing already holds the change.
     */
    public void rerunAll() {
        synchronized (lock) {
            pending.rerunAll(List.copyOf(listeners));
            schedule();
        }
    }

    private void schedule() {
        if (!scheduled && !thread.isShutdown()) {
            scheduled = true;
            thread.execute(this::drain);
        }
    }

    private void drain() {
        PendingCommits.Drained<Listener> d;
        synchronized (lock) {
            d = pending.drain();
            scheduled = false;
        }
        Set<String> tables = d.tables();
        Set<String> changedIds = d.changedIds();
        Map<String, Set<String>> exactRows = d.exactRows();
        boolean all = d.all();
        // In commit order, a re-run of everything in its place: a listener hears of a migration before a commit
        // made after it, even when one drain carries both.
        for (PendingCommits.Committed<Listener> commit : d.events()) {
            for (Listener l : commit.audience()) {
                if (!listeners.contains(l)) {
                    continue;
                }
                if (commit.unknown()) {
                    deliver(l.executor, l.listener::onUnknownChanges);
                    continue;
                }
                Set<String> unnamed = l.unnamed(commit);
                if (!unnamed.isEmpty()) {
                    deliver(l.executor, () -> l.listener.onUnnamedWrites(unnamed));
                }
                if (l.hears(commit)) {
                    deliver(l.executor, () -> l.listener.onCommit(commit.events()));
                }
            }
        }
        List<LiveQuery<?>> affected = new ArrayList<>();
        List<LiveQuery<?>> later = new ArrayList<>();
        boolean prioritize = changedIds != null && !changedIds.isEmpty();
        for (LiveQuery<?> q : queries) {
            if (all || q.reads(tables)) {
                (!prioritize || q.showed(changedIds) ? affected : later).add(q);
            }
        }
        // Cheapest first (by the last run's time; a stable sort keeps subscription order among equals): a count of a
        // few rows arrives before the counts of every row, whether they run one by one or several at once.
        later.sort(java.util.Comparator.comparingInt(q -> costStep(q.cost())));
        affected.addAll(later);
        if (affected.isEmpty()) {
            return;
        }
        SchemaSnapshot current = schema.get();
        reruns.run(affected, LiveQuery::work, (c, q) -> {
            long started = System.nanoTime();
            try {
                Set<String> reads = q.tables(c, current);
                Set<String> rows = all ? null : scopedRows(q, reads, tables, exactRows);
                if (rows != null && !q.mayHaveChanged(c, statements, rows)) {
                    q.redeliver();
                } else {
                    q.run(c, statements);
                }
            } catch (SQLException | RuntimeException e) {
                errors.accept(new TandemException("Re-running subscribed query failed: " + q.sql(), e));
            } finally {
                q.worked(System.nanoTime() - started);
            }
        });
    }

    /** The order of a drain's re-runs: 0 for a last run under 2^20 ns (about 1 ms), then one more per doubling. */
    static int costStep(long nanos) {
        return 64 - Long.numberOfLeadingZeros(Math.max(0, nanos) >> 20);
    }

    /**
     * The exactly known changed rows of the one table {@code q} is row-scoped over, when the
     * drained commits wrote no other table it reads; else null (re-run it).
     */
    private static Set<String> scopedRows(LiveQuery<?> q, Set<String> reads, Set<String> written,
                                          Map<String, Set<String>> exactRows) {
        String scope = q.rowScope();
        if (scope == null || reads == null) {
            return null;
        }
        for (String t : written) {
            if (reads.contains(t) && !t.equals(scope)) {
                return null;
            }
        }
        return exactRows.get(scope);
    }

    void deliver(Executor executor, Runnable callback) {
        Runnable guarded = () -> {
            try {
                callback.run();
            } catch (Throwable t) {
                errors.accept(t);
                if (t instanceof Error && !(t instanceof AssertionError)) {
                    throw (Error) t;
                }
            }
        };
        // A re-run on a helper thread hands its callback to the dispatch thread, which hands it on as it always did:
        // a callback sees the same thread as before whatever ran its query, so one that subscribes, or runs on a
        // direct executor, behaves as it did when every query ran on the dispatch thread.
        if (!reruns.handOver(() -> handOn(executor, guarded))) {
            handOn(executor, guarded);
        }
    }

    private void handOn(Executor executor, Runnable guarded) {
        if (executor == null) {
            guarded.run();
        } else {
            try {
                executor.execute(guarded);
            } catch (RuntimeException rejected) {
                errors.accept(rejected);
            }
        }
    }

    void remove(LiveQuery<?> q) {
        queries.remove(q);
    }

    private void onDispatchThread(Callable<Void> work) {
        if (Thread.currentThread() == dispatchThread) {
            call(work);
            return;
        }
        Future<Void> f = thread.submit(work);
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException("Interrupted while subscribing", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new TandemException("Subscribing failed: " + cause.getMessage(), cause);
        }
    }

    private static void call(Callable<Void> work) {
        try {
            work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new TandemException("Subscribing failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        reruns.close();
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
