package dev.tandem.engine.internal.reactive;

import dev.tandem.engine.TandemException;
import dev.tandem.engine.internal.store.Connections;
import dev.tandem.engine.internal.store.SqlFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Runs one drain's affected queries on up to {@code width} reader connections at once, so a commit's costly
 * counts no longer queue one behind the other and behind the view on screen.
 *
 * <p>Invariants: the queries come in the dispatcher's order (the ones showing an edited row first) and are taken
 * from one queue in that order, so the view on screen starts first whatever the width. Each query runs on exactly
 * one thread per drain, and {@link #run} returns only when every one has run: the next drain starts after it, so
 * each subscription still gets its results in commit order, and a query's own fields, written by whichever thread
 * ran it, are seen by the next drain through the futures' happens-before. Each thread holds its own reader for the
 * whole drain; the readers' WAL snapshots may differ by a commit made meanwhile, which the next drain delivers.
 * A width of 1 runs everything on the calling thread, one reader, as before.
 *
 * <p>A drain whose queries took less than {@link #SPREAD_NANOS} in all at the last drain (a probe's time for a
 * query whose result it found unchanged) runs on the calling thread alone, as with a width of 1: waking the
 * helpers and handing every callback over to the caller costs more than two readers save on so little work (P2's
 * 81 callbacks of a commit, about 2 ms of work, came last at p95 2.4–2.7 ms one by one and 3.0–4.0 ms spread
 * over two readers, alternated; docs/PERFORMANCE.md). A query never run before counts as costly.
 *
 * <p>With a width over 1 the queries run on {@code width} helper threads while the calling (dispatch) thread
 * waits. Every callback still leaves from the dispatch thread, as before: a helper hands it over
 * ({@link #handOver}) and the caller passes it on as it comes (to its executor, or runs it when it has none), so
 * a callback may subscribe or read as it always could, never runs beside another inline one, and a helper never
 * waits for the dispatch thread, which only waits for the helpers.
 */
final class Reruns implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Below this much work in a drain (each query's part of the last drain, summed), it runs on the calling thread alone. */
    static final long SPREAD_NANOS = 4_000_000L;

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
        this.helpers = width == 1 ? null : Executors.newFixedThreadPool(width, r -> {
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
        Queue<Q> queue = new ConcurrentLinkedQueue<>(queries);
        if (helpers == null || queries.size() < 2 || cheap(queries, cost)) {
            drainQueue(queue, step);
            return;
        }
        // The caller only runs the callbacks handed over, as they come, so one costly query never holds up another's.
        BlockingQueue<Runnable> inline = new LinkedBlockingQueue<>();
        List<Future<?>> others = new ArrayList<>(width);
        for (int i = 0; i < Math.min(width, queries.size()) && !helpers.isShutdown(); i++) {
            others.add(helpers.submit(() -> {
                handOvers.set(inline);
                try {
                    drainQueue(queue, step);
                } finally {
                    handOvers.remove();
                    inline.add(DONE);
                }
            }));
        }
        boolean interrupted = false;
        for (int done = 0; done < others.size(); ) {
            try {
                Runnable r = inline.take();
                if (r == DONE) {
                    done++;
                } else {
                    r.run();
                }
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
        // Shut down meanwhile: what no helper took runs here.
        drainQueue(queue, step);
        if (interrupted) {
            Thread.currentThread().interrupt();
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

    private <Q> void drainQueue(Queue<Q> queue, Step<Q> step) {
        if (queue.isEmpty()) {
            return;
        }
        try {
            connections.read((SqlFunction<Void>) c -> {
                for (Q q = queue.poll(); q != null; q = queue.poll()) {
                    try {
                        step.run(c, q);
                    } catch (Exception e) {
                        errors.accept(e instanceof RuntimeException ? e
                                : new TandemException("Re-running subscribed query failed: " + e.getMessage(), e));
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
