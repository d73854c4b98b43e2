package dev.tandem.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How a command that stays up ({@code tandem serve}, {@code tandem agent}) lives and stops: until SIGTERM or
 * Ctrl+C, {@link #stop} (the agent turned off), or, when asked, the end of standard input (a parent process that
 * owns it). Opened before the command's device and closed after it: a SIGTERM's shutdown hook waits (at most
 * {@code unwind}) for {@link #close}, so the database closes before the JVM exits.
 *
 * <p>Ordering: {@link #await} returns once a stop came, then removes its hook unless the JVM is already shutting
 * down (then the hook runs and waits for {@link #close}), so a command run in-process (a test) leaves no hook.
 */
final class Lifetime implements AutoCloseable {
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch unwound = new CountDownLatch(1);
    private final Thread hook;
    private final String name;

    /** {@code name} names its threads; {@code unwind}: how long a SIGTERM waits for the command to close. */
    Lifetime(String name, Duration unwind) {
        this.name = name;
        this.hook = new Thread(() -> {
            stop.countDown();
            try {
                unwound.await(unwind.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name + "-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Reads {@code in} on a thread of its own, running {@code onLine} for each line (serve's Enter: a new pairing);
     * with {@code endStops}, its end (or a broken pipe: the parent gone) stops the command. Without it, an input
     * that ends at once (a service has none) changes nothing.
     */
    Lifetime input(InputStream in, Runnable onLine, boolean endStops) {
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                while (r.readLine() != null) {
                    onLine.run();
                }
            } catch (IOException e) {
                System.getLogger("tandem").log(System.Logger.Level.DEBUG, name + " input", e);
            }
            if (endStops) {
                stop();
            }
        }, name + "-input");
        reader.setDaemon(true);
        reader.start();
        return this;
    }

    /** Asks the command to stop: {@link #await} returns. */
    void stop() {
        stop.countDown();
    }

    /** Waits until asked to stop. */
    void await() {
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Shutting down already (SIGTERM): the hook is running and waits for close.
            System.getLogger("tandem").log(System.Logger.Level.DEBUG, name + " hook", e);
        }
    }

    /** The command has closed what it opened: a waiting shutdown hook lets the JVM exit. */
    @Override
    public void close() {
        stop.countDown();
        unwound.countDown();
        try {
            // A command that failed before await leaves no hook behind either.
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Shutting down: the hook is running, and just heard the command is done.
        }
    }
}
