package dev.tandem.app.fx;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs blocking work (database, disk, network) on the background executor and hands the result
 * back on the UI executor. View-models do all their I/O through one of these.
 */
public final class Async {
    private final Executor io;
    private final Executor ui;
    private final Consumer<Throwable> defaultErrors;

    public Async(Executor io, Executor ui, Consumer<Throwable> defaultErrors) {
        this.io = Objects.requireNonNull(io, "io");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.defaultErrors = Objects.requireNonNull(defaultErrors, "defaultErrors");
    }

    /** For tests: everything runs on the calling thread. */
    public static Async direct(Consumer<Throwable> errors) {
        return new Async(Runnable::run, Runnable::run, errors);
    }

    public Executor io() {
        return io;
    }

    public Executor ui() {
        return ui;
    }

    public <T> void run(Supplier<T> work, Consumer<T> onUi) {
        run(work, onUi, defaultErrors);
    }

    public <T> void run(Supplier<T> work, Consumer<T> onUi, Consumer<Throwable> onError) {
        io.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                ui.execute(() -> onError.accept(e));
                return;
            }
            ui.execute(() -> onUi.accept(result));
        });
    }

    /** Hands {@code failure} to the default error handler, on the calling thread (a UI callback's). */
    public void report(Throwable failure) {
        defaultErrors.accept(failure);
    }

    public void run(Runnable work) {
        run(() -> {
            work.run();
            return null;
        }, r -> { });
    }

    /** A single background thread: commands run in the order they were given. */
    public static ExecutorService backgroundExecutor(String name) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory f = r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newSingleThreadExecutor(f);
    }
}
