package dev.tandem.engine.internal.reactive;

import dev.tandem.engine.TandemException;
import dev.tandem.engine.internal.store.Connections;
import dev.tandem.engine.internal.store.SqlFunction;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Runs one drain's affected queries on up to {@code width} reader connections at once, so a commit's costly
 * counts no longer queue one behind the other and behind the view on screen.
 *
 * <p>Invariants: the queries come in the dispatcher's order (the ones showing an edited row first, then the
 * cheapest first) in one double-ended queue. The calling (dispatch) thread takes them from the front, so the view
 * on screen starts first whatever the width; {@code width - 1} helpers take them from the back, so the costliest
 * query runs beside the cheap ones instead of after all of them. The helpers are woken once the caller's first
 * query has run: woken before it, a helper took the caller's core often enough that the view on screen waited
 * for the costliest count (P2: the edited view's p95 3.6 ms, against 1.1 ms when woken after it). Each query runs
 * on exactly one thread per drain, and {@link #run} returns only when every one has run: the next drain starts
 * after it, so each subscription still gets its results in commit order, and a query's own fields, written by
 * whichever thread ran it, are seen by the next drain through the futures' happens-before. A width of 1 runs
 * everything on the calling thread.
 *
 * <p>Each thread holds one reader for its share of the drain, inside one read transaction: every query of that
 * share reads the same commit (a view and a count in one share never disagree), and SQLite takes its locks and
 * checks the WAL once per share instead of once per statement. The shares' snapshots may differ by a commit made
 * meanwhile, which the next drain delivers.
 *
 * <p>A drain whose queries took less than {@link #SPREAD_NANOS} in all at the last drain (a probe's time for a
 * query whose result it found unchanged) runs on the calling thread alone: waking a helper and handing its
 * callbacks over costs more than a second reader saves on so little work. A query never run before counts as
 * costly.
 *
 * <p>Every callback still leaves from the dispatch thread: a helper hands it over ({@link #handOver}) and the
 * caller passes it on between its own queries and after them (to its executor, or runs it when it has none), so
 * a callback may subscribe or read as it always could, never runs beside another inline one, and a helper never
 * waits for the dispatch thread, which only waits for the helpers once its own share is done.
 */
final class Reruns implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Below this much work in a drain (each query's part of the last drain, summed), it runs on the calling thread alone. */
    static final long SPREAD_NANOS = 1_000_000L;

    /** One query's re-run on a reader; what it throws goes to the error handler, never stops the others. */
    interface Step<Q> {
        void run(java.sql.Connection reader, Q query) throws Exception;
    }

    private final Connections connections;
    private final int width;
    private final ExecutorService helpers;
    private final Consumer<Throwable> errors;
    /** Set on a helper thread while it runs a drain's queries: where its inline callbacks go. */
    private final ThreadLocal<BlockingQueue<Runnable>> handOvers = new ThreadLocal<>();
    /** Put by a helper when its share is done; the caller counts them. */
    private static final Runnable DONE = () -> { };

    Reruns(Connections connections, int width, Consumer<Throwable> errors) {
        if (width < 1) {
            throw new IllegalArgumentException("width: must be at least 1, was " + width);
        }
        this.connections = connections;
        this.width = width;
        this.errors = errors;
        this.helpers = width == 1 ? null : Executors.newFixedThreadPool(width - 1, r -> {
            Thread t = new Thread(r, "tandem-rerun-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    int width() {
        return width;
    }

    /**
     * Runs {@code step} for each query, the first ones first, and returns once all have run; {@code cost} is what
     * a query likely takes, in nanoseconds (0: not known).
     */
    <Q> void run(List<Q> queries, ToLongFunction<Q> cost, Step<Q> step) {
        Deque<Q> queue = new ConcurrentLinkedDeque<>(queries);
        if (helpers == null || queries.size() < 2 || cheap(queries, cost)) {
            drainQueue(queue, Deque::pollFirst, step, null);
            return;
        }
        BlockingQueue<Runnable> inline = new LinkedBlockingQueue<>();
        List<Future<?>> others = new ArrayList<>(width - 1);
        int[] done = {0};
        boolean[] woken = {false};
        // The caller's own share, from the front. The helpers start once its first query (the view on screen) has
        // run; between two of its queries it passes on what they handed over.
        drainQueue(queue, Deque::pollFirst, step, () -> {
            if (!woken[0]) {
                woken[0] = true;
                startHelpers(queue, step, inline, others);
            }
            for (Runnable r = inline.poll(); r != null; r = inline.poll()) {
                passOn(r, done);
            }
        });
        boolean interrupted = false;
        while (done[0] < others.size()) {
            try {
                passOn(inline.take(), done);
            } catch (InterruptedException e) {
                // The helpers must finish before the next drain; the flag is restored once they have.
                interrupted = true;
            }
        }
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                errors.accept(e.getCause());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private <Q> void startHelpers(Deque<Q> queue, Step<Q> step, BlockingQueue<Runnable> inline,
                                  List<Future<?>> started) {
        for (int i = 0; i < Math.min(width - 1, queue.size()); i++) {
            try {
                started.add(helpers.submit(() -> {
                    handOvers.set(inline);
                    try {
                        drainQueue(queue, Deque::pollLast, step, null);
                    } finally {
                        handOvers.remove();
                        inline.add(DONE);
                    }
                }));
            } catch (RejectedExecutionException closing) {
                return; // the caller runs what no helper takes
            }
        }
    }

    private static void passOn(Runnable handedOver, int[] done) {
        if (handedOver == DONE) {
            done[0]++;
        } else {
            handedOver.run();
        }
    }

    private static <Q> boolean cheap(List<Q> queries, ToLongFunction<Q> cost) {
        long sum = 0;
        for (Q q : queries) {
            long c = cost.applyAsLong(q);
            sum += c <= 0 ? SPREAD_NANOS : c;
            if (sum >= SPREAD_NANOS) {
                return false;
            }
        }
        return true;
    }

    /**
     * On a helper thread, queues {@code callback} for the caller and returns true; elsewhere returns false and
     * the caller runs it itself.
     */
    boolean handOver(Runnable callback) {
        BlockingQueue<Runnable> inline = handOvers.get();
        if (inline == null) {
            return false;
        }
        inline.add(callback);
        return true;
    }

    /**
     * Takes queries with {@code take} until none is left, on one reader in one read transaction; runs {@code between}
     * (may be null) after each.
     */
    private <Q> void drainQueue(Deque<Q> queue, Function<Deque<Q>, Q> take, Step<Q> step, Runnable between) {
        if (queue.isEmpty()) {
            return;
        }
        try {
            connections.readOneSnapshot((SqlFunction<Void>) c -> {
                for (Q q = take.apply(queue); q != null; q = take.apply(queue)) {
                    try {
                        step.run(c, q);
                    } catch (Exception e) {
                        errors.accept(e instanceof RuntimeException ? e
                                : new TandemException("Re-running subscribed query failed: " + e.getMessage(), e));
                    }
                    if (between != null) {
                        between.run();
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            errors.accept(e);
        }
    }

    @Override
    public void close() {
        if (helpers == null) {
            return;
        }
        helpers.shutdown();
        try {
            if (!helpers.awaitTermination(5, TimeUnit.SECONDS)) {
                helpers.shutdownNow();
            }
        } catch (InterruptedException e) {
            helpers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
