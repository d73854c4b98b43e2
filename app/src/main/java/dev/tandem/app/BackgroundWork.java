package dev.tandem.app;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How a closing {@link Device} ends its background work before its store closes: a save or an import cut off by a
 * closed database would be lost work. Slow work is asked to stop (interrupted) after a while, and waited for
 * again. Apart from the device because it is a policy of waits and warnings of its own, not part of what the
 * device holds.
 */
final class BackgroundWork {
    private static final System.Logger LOG = System.getLogger("tandem");

    private BackgroundWork() {
    }

    /**
     * Shuts {@code io} down and waits for its work: {@code firstWait}, then (saying so) 25 s more, then interrupts
     * it and waits 30 s; past that it says the database closes under the work. {@code name}: the device's, for the
     * log. An interrupt of the caller ends the waiting, the flag kept.
     */
    static void end(ExecutorService io, Duration firstWait, String name) {
        io.shutdown();
        try {
            if (!io.awaitTermination(firstWait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "closing " + name + ": waiting for background work to end");
                if (!io.awaitTermination(25, TimeUnit.SECONDS)) {
                    io.shutdownNow();
                    if (!io.awaitTermination(30, TimeUnit.SECONDS)) {
                        LOG.log(System.Logger.Level.WARNING, "closing " + name + ": background work still runs after"
                                + " 60 s; closing the database under it");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
