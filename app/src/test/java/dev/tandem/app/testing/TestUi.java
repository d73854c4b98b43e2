package dev.tandem.app.testing;

import dev.tandem.engine.testing.Await;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A stand-in for the FX thread in view-model tests: one thread, plus ways to wait for it. */
public final class TestUi implements Executor, AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-ui");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void execute(Runnable command) {
        thread.execute(command);
    }

    /** Waits until every task queued so far has run. */
    public void flush() {
        try {
            thread.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("UI thread stuck", e);
        }
    }

    /** Waits (flushing) until {@code condition} holds; it is evaluated on the calling thread after each flush. */
    public void await(BooleanSupplier condition) {
        await(condition, Duration.ofSeconds(10));
    }

    public void await(BooleanSupplier condition, Duration timeout) {
        Await.until("a condition on the UI thread's results", timeout, () -> {
            flush();
            return condition.getAsBoolean();
        });
    }

    /** Runs {@code r} on the UI thread and waits for it. */
    public void run(Runnable r) {
        try {
            thread.submit(r).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error er) {
                throw er;
            }
            throw new AssertionError(e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public <T> T get(Callable<T> c) {
        try {
            return thread.submit(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
