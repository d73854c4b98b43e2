package dev.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing a device waits for the background work that uses its database, however slow. */
@Tag("unit")
class DeviceCloseTest {
    @TempDir
    Path data;

    /**
     * The work outlasts close()'s first wait (test-sized here, 5 s in the app): it ends only once
     * close() has said that it waits on, and the database is still open for it then.
     */
    @Test
    void close_backgroundWorkStillRunning_closesTheDatabaseOnlyAfterIt() throws Exception {
        Device device = Device.open("A", data, Runnable::run, null, Duration.ofSeconds(3), false);
        device.closeWait(Duration.ofMillis(50));
        CountDownLatch waitingOn = new CountDownLatch(1);
        // Held in a variable: java.util.logging keeps its loggers only weakly.
        Logger log = Logger.getLogger("tandem");
        Handler heard = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (String.valueOf(r.getMessage()).contains("waiting for background work to end")) {
                    waitingOn.countDown();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(heard);
        try {
            CountDownLatch started = new CountDownLatch(1);
            AtomicReference<Object> outcome = new AtomicReference<>();
            device.async().run(() -> {
                started.countDown();
                // A large import, a slow disk: still at work when close() has waited its first wait.
                try {
                    if (!waitingOn.await(30, TimeUnit.SECONDS)) {
                        throw new AssertionError("close() never said it waits on the background work");
                    }
                } catch (InterruptedException e) {
                    throw new AssertionError("interrupted before close() said it waits on", e);
                }
                device.store().add("saved while closing", null, null);
                return device.store().allItems();
            }, outcome::set, outcome::set);
            assertTrue(started.await(10, TimeUnit.SECONDS));
            device.close();
            Object result = outcome.get();
            assertTrue(result instanceof List<?>, "the work finished on an open database: " + result);
        } finally {
            log.removeHandler(heard);
        }
        try (Device again = Device.open("A", data, Runnable::run, null, Duration.ofSeconds(3), false)) {
            assertEquals(List.of("saved while closing"), again.store().allItems().stream().map(Item::title).toList());
        }
    }
}
