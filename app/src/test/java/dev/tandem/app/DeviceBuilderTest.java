package dev.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.agent.Notifier;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.sync.SyncStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One composition for every process that stays up: the switches say which services run, {@code build} refuses
 * switches that do not fit before anything opens, and a device on a command's store leaves that store open.
 */
@Tag("unit")
class DeviceBuilderTest {
    @TempDir
    Path tmp;

    @Test
    void build_syncSetTwice_refusedBeforeAnythingOpens() {
        Path dir = tmp.resolve("p");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Device.builder("A", dir)
                .syncSaved().syncWith(SyncSettings.folder(tmp.resolve("remote"), 60)).build());
        assertTrue(e.getMessage().contains("sync"), e.getMessage());
        assertFalse(Files.exists(dir), "no profile made");
    }

    @Test
    void build_storeOfAnotherProfile_refused() {
        try (TodoStore other = TodoStore.open(Schema.database(tmp.resolve("other.db")), Clock.systemUTC(),
                ZoneOffset.UTC)) {
            assertThrows(IllegalStateException.class, () -> Device.builder("A", tmp.resolve("p")).store(other).build());
        }
    }

    @Test
    void build_nothingSwitchedOn_runsNoServiceAndLeavesTheCommandsStoreOpen() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        try (TodoStore store = TodoStore.open(Schema.database(dir.resolve(Device.DB_FILE)), Clock.systemUTC(),
                ZoneOffset.UTC)) {
            try (Device d = Device.builder("A", dir).store(store).build()) {
                assertEquals(List.of(), d.services());
                assertTrue(d.server().isEmpty());
                assertEquals(SyncStatus.State.OFF, d.sync().status().state());
            }
            // The command's store outlives the device: it still reads and writes.
            store.add("After the device closed", null, null);
            assertEquals(1, store.allItems().size());
        }
    }

    @Test
    void services_switchedOn_listedInStartOrder() {
        try (Device d = Device.builder("A", tmp.resolve("p")).startNow(false).caldav().backups()
                .reminders(Notifier.NONE, () -> true).build()) {
            assertEquals(List.of("backups", "caldav", "reminders"), d.services());
        }
    }

    @Test
    void build_negativeDebounce_refused() {
        assertThrows(IllegalStateException.class, () -> Device.builder("A", tmp.resolve("p"))
                .debounce(Duration.ofMillis(-1)).build());
    }
}
