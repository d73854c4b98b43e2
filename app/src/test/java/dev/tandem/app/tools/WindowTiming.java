package dev.tandem.app.tools;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Times a real window as a person sees it: from a key the window receives (or any moment the test
 * names) to the first frame laid out where a condition holds, read after each pulse's layout. One
 * measurement at a time; each waits for its result, as a person reading the window does.
 */
final class WindowTiming {
    /** The longest wait for one measured result. */
    static final int CAP_S = 60;

    private final AtomicLong keyAt = new AtomicLong();
    private volatile BooleanSupplier awaited;
    private volatile CompletableFuture<Long> reached;

    /** Call on the FX thread, before the scene is shown. */
    WindowTiming(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!e.getCode().isModifierKey()) {
                keyAt.set(System.nanoTime());
            }
        });
        scene.addPostLayoutPulseListener(() -> {
            BooleanSupplier condition = awaited;
            if (condition != null && condition.getAsBoolean()) {
                awaited = null;
                reached.complete(System.nanoTime());
            }
        });
    }

    /** Runs {@code key} (a key press) and returns milliseconds from the key to the first frame where {@code shows}. */
    long afterKey(Runnable key, BooleanSupplier shows) throws Exception {
        CompletableFuture<Long> done = await(shows);
        keyAt.set(0);
        key.run();
        long end = done.get(CAP_S, TimeUnit.SECONDS);
        long start = keyAt.get();
        assertTrue(start != 0 && end >= start, "the key reached the window before the result");
        return (end - start) / 1_000_000;
    }

    /**
     * Runs {@code cause} on the FX thread (a click's handler, a selection) and returns milliseconds from
     * just before it to the first frame where {@code shows}.
     */
    long afterFx(Runnable cause, BooleanSupplier shows) throws Exception {
        CompletableFuture<Long> done = await(shows);
        long start = onFx(() -> {
            long t = System.nanoTime();
            cause.run();
            return t;
        });
        return (done.get(CAP_S, TimeUnit.SECONDS) - start) / 1_000_000;
    }

    /**
     * Runs {@code cause} on the calling thread (a commit, as sync or another window makes) and returns
     * milliseconds from its return (the commit done) to the first frame where {@code shows}.
     */
    long afterWork(Runnable cause, BooleanSupplier shows) throws Exception {
        CompletableFuture<Long> done = await(shows);
        cause.run();
        long start = System.nanoTime();
        try {
            return (done.get(CAP_S, TimeUnit.SECONDS) - start) / 1_000_000;
        } catch (TimeoutException e) {
            throw new AssertionError("not shown within " + CAP_S + " s", e);
        }
    }

    private CompletableFuture<Long> await(BooleanSupplier shows) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> {
            reached = done;
            awaited = shows;
        }).get(5, TimeUnit.SECONDS);
        return done;
    }

    static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
    }
}
