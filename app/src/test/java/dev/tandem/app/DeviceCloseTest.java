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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing a device waits for the background work that uses its database, however slow. */
@Tag("unit")
class DeviceCloseTest {
    @TempDir
    Path data;

    @Test
    void close_backgroundWorkStillRunning_closesTheDatabaseOnlyAfterIt() throws Exception {
        Device device = Device.open("A", data, Runnable::run, null, Duration.ofSeconds(3), false);
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Object> outcome = new AtomicReference<>();
        device.async().run(() -> {
            started.countDown();
            try {
                // Longer than the first wait of close(): a large import, a slow disk.
                Thread.sleep(6_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            device.store().add("saved while closing", null, null);
            return device.store().allItems();
        }, outcome::set, outcome::set);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        device.close();
        Object result = outcome.get();
        assertTrue(result instanceof List<?>, "the work finished on an open database: " + result);
        try (Device again = Device.open("A", data, Runnable::run, null, Duration.ofSeconds(3), false)) {
            assertEquals(List.of("saved while closing"), again.store().allItems().stream().map(Item::title).toList());
        }
    }
}
