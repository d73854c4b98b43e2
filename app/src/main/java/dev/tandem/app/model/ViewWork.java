package dev.tandem.app.model;

import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One live view's work on the serial executor the store's views share ({@link LiveItems}, the outline's {@code LiveOutline}).
 *
 * <p>What it keeps: nothing runs once the view is closed; a read that fails never escapes the executor's
 * thread (the view's sink hears of it, while the view is open); and after a failure, when the view asks for
 * it, the next piece of work is a whole reload instead, since a failed patch's rows never reached the view
 * and a failed splice may have left its state half changed. The flag is touched on the serial executor only.
 */
public final class ViewWork {
    private final Executor serial;
    private final BooleanSupplier open;
    private final Runnable reload;
    private final Consumer<RuntimeException> failed;
    private final boolean reloadAfterFailure;
    private boolean stale;

    /**
     * Work for a view that is {@code open} while it runs: {@code reload} reads it whole, {@code failed} tells
     * its sink; {@code reloadAfterFailure} says whether the next work after a failure is a reload.
     */
    public ViewWork(Executor serial, BooleanSupplier open, Runnable reload, Consumer<RuntimeException> failed,
            boolean reloadAfterFailure) {
        this.serial = serial;
        this.open = open;
        this.reload = reload;
        this.failed = failed;
        this.reloadAfterFailure = reloadAfterFailure;
    }

    /** Runs {@code work} on the serial executor, or the reload in its place when the last work failed. */
    public void run(Runnable work) {
        serial.execute(() -> {
            if (!open.getAsBoolean()) {
                return;
            }
            try {
                if (stale) {
                    stale = false;
                    reload.run();
                } else {
                    work.run();
                }
            } catch (RuntimeException e) {
                stale = reloadAfterFailure;
                if (open.getAsBoolean()) {
                    failed.accept(e);
                }
            }
        });
    }
}
