package dev.tandem.app.model;

import dev.tandem.engine.Db;
import dev.tandem.engine.QueryBudget;
import dev.tandem.engine.QueryTooCostlyException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * What a query shaped by data from outside may cost: a saved filter synced from another device, a search
 * typed in the window or on the phone page, {@code tandem list --filter}. A bound on such a query's size (1,000
 * characters, 100 conditions) still lets it read the store a hundred times over, so each one runs within a
 * budget of time ({@link QueryBudget}), and one that runs over says so ("too slow to count") instead of
 * holding the others.
 *
 * <p>Design. A budget is a multiple of what reading every todo once costs on this device now ({@link #pass()}:
 * one plain count over {@code items}, its work timed as a budget counts it ({@link QueryBudget#workNanos()}: the
 * thread's CPU time), the quicker of two runs, again after {@value #PASS_MILLIS_FRESH} ms).
 * So it follows the store's size and the machine's speed and load together: an honest filter costs about one
 * pass or less (a list's or a tag's index, the full-text index), a hundred conditions about a hundred passes.
 * A count gets {@value #COUNT_PASSES} passes (at least {@value #COUNT_MIN_MILLIS} ms): a sidebar of a hundred
 * smart lists, every one of the worst shape, costs about three hundred passes, under a second over 20,000 todos.
 * A list (a smart list opened, a search, its first rows and total) gets {@value #LIST_PASSES} passes (at least
 * {@value #LIST_MIN_MILLIS} ms): one query someone waits for.
 *
 * <p>A query that ran over is remembered ({@link #knownTooCostly}) for {@value #FORGET_MILLIS} ms, at most
 * {@value #REMEMBERED} of them: asked again meanwhile (the sidebar after each commit, each fetch of the page),
 * it is refused at once without running, so a hundred such filters cost their budgets once, not at every change.
 * One that only waited past its wall-clock bound, having worked less than its budget (a machine busy with other
 * work: {@link QueryTooCostlyException#workSpent()} false), is not the query's fault: it is refused for
 * {@value #BUSY_MILLIS} ms only, so a burst of commits does not run it again and again on a busy machine, and
 * its count comes back at the first change after that instead of ten minutes later.
 * A key is the SQL and its values, so a filter edited or read on another day is a new query. A read its
 * caller stopped because the answer was no longer wanted ({@link dev.tandem.engine.QueryStoppedException}) says
 * nothing of its cost and is not remembered.
 */
public final class QueryCost {
    /** Passes over the todos a count may take. */
    static final int COUNT_PASSES = 3;
    /** The least a count may take, however small the store. */
    static final long COUNT_MIN_MILLIS = 5;
    /** Passes a list may take: one query someone is waiting for. */
    static final int LIST_PASSES = 20;
    /** The least a list may take. */
    static final long LIST_MIN_MILLIS = 250;
    /** How long a pass's timing is used before it is taken again. */
    static final long PASS_MILLIS_FRESH = 30_000;
    /** How long a query that ran over is refused without running. */
    static final long FORGET_MILLIS = 10 * 60_000;
    /** How long a query stopped by the wall clock alone (a busy machine, not its work) is refused without running. */
    static final long BUSY_MILLIS = 15_000;
    /** Queries remembered as too costly at most; the oldest is forgotten first. */
    static final int REMEMBERED = 1_000;

    /** A plain pass over the todos a filter reads: the unit of a budget. */
    private static final String PASS = "SELECT '' AS id, count(*) AS n FROM items WHERE +items.trashedAt IS NULL"
            + " AND coalesce(items.kind, '') <> 'note'";

    /** What a query is for, and so how many passes it may take. */
    public enum Use {
        /** A count beside a smart list, in the window's sidebar or the page's. */
        COUNT,
        /** Rows someone waits for: a smart list opened, a search, a command's answer. */
        LIST
    }

    private final Db db;
    private final Object lock = new Object();
    /** Queries run (not refused from memory), for tests that check a refused one costs nothing. */
    private final AtomicLong ran = new AtomicLong();
    private long passNanos = -1;
    private long passTakenAt;
    /** Each query that ran over lately, with the {@link System#nanoTime()} until which it is refused. */
    private final Map<String, Long> tooCostly = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    };

    QueryCost(Db db) {
        this.db = db;
    }

    /** The budget of one query for {@code use}, now. */
    public QueryBudget budget(Use use) {
        long pass = pass();
        return switch (use) {
            case COUNT -> QueryBudget.ofMillis(Math.max(COUNT_MIN_MILLIS, COUNT_PASSES * pass / 1_000_000));
            case LIST -> QueryBudget.ofMillis(Math.max(LIST_MIN_MILLIS, LIST_PASSES * pass / 1_000_000));
        };
    }

    /**
     * Runs {@code sql} within {@code use}'s budget, or refuses it at once when it ran over lately.
     *
     * @throws QueryTooCostlyException when it runs or ran over
     */
    public <T extends Record> List<T> query(Use use, Class<T> type, String sql, List<?> params) {
        return query(use, type, sql, params, QueryBudget.NEVER);
    }

    /**
     * As {@link #query(Use, Class, String, List)}, stopped as soon as {@code stop} says its answer is no longer
     * wanted ({@link QueryBudget#stoppedWhen}); such a read is not remembered as too costly.
     *
     * @throws QueryTooCostlyException when it runs or ran over
     * @throws dev.tandem.engine.QueryStoppedException when {@code stop} stopped it
     */
    public <T extends Record> List<T> query(Use use, Class<T> type, String sql, List<?> params, BooleanSupplier stop) {
        String key = key(use, sql, params);
        if (knownTooCostly(key)) {
            throw new QueryTooCostlyException("This query ran past its budget lately; it is not run again yet", budget(use));
        }
        QueryBudget budget = budget(use).stoppedWhen(stop);
        ran.incrementAndGet();
        try {
            return db.query(budget, type, sql, params.toArray());
        } catch (QueryTooCostlyException e) {
            remember(key, refuseMillis(e));
            throw e;
        }
    }

    /** How many queries ran so far (those refused from memory not counted). */
    long ran() {
        return ran.get();
    }

    /** Whether the query ran over lately (and so is refused without running). */
    boolean knownTooCostly(String key) {
        synchronized (lock) {
            Long until = tooCostly.get(key);
            if (until == null) {
                return false;
            }
            if (System.nanoTime() - until > 0) {
                tooCostly.remove(key);
                return false;
            }
            return true;
        }
    }

    /** Remembers that the query ran over now, for {@code millis}. */
    void remember(String key, long millis) {
        synchronized (lock) {
            tooCostly.put(key, System.nanoTime() + millis * 1_000_000);
        }
    }

    /** How long a query that ran over is refused without running: long when its work did it, briefly when waiting did. */
    static long refuseMillis(QueryTooCostlyException e) {
        return e.workSpent() ? FORGET_MILLIS : BUSY_MILLIS;
    }

    /** The key a query is remembered by. */
    static String key(Use use, String sql, List<?> params) {
        return use + "\n" + sql + "\n" + params;
    }

    /** Nanoseconds one plain pass over the todos takes now (timed again once it is stale). */
    long pass() {
        synchronized (lock) {
            if (passNanos >= 0 && System.nanoTime() - passTakenAt < PASS_MILLIS_FRESH * 1_000_000) {
                return passNanos;
            }
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            long t0 = QueryBudget.workNanos();
            db.query(Count.class, PASS);
            best = Math.min(best, QueryBudget.workNanos() - t0);
        }
        synchronized (lock) {
            passNanos = best;
            passTakenAt = System.nanoTime();
            return best;
        }
    }
}
