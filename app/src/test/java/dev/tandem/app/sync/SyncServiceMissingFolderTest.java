package dev.tandem.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder remote on a drive that goes away while the window runs (a USB stick pulled, a share not mounted),
 * with the real folder storage: the sync says the folder is not there, never makes it again (an empty folder
 * where the drive was would be synced into as if it were the remote), pops nothing up as for being offline,
 * and syncs by itself soon after the drive is back, not after the long wait of an error a retry cannot fix.
 */
@Tag("unit")
class SyncServiceMissingFolderTest {
    @TempDir
    Path tmp;

    private Path drive;
    private Path folder;
    private TodoStore store;
    private SyncService service;
    private final List<SyncNotices.Notice> notices = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        drive = Files.createDirectories(tmp.resolve("usb"));
        folder = Files.createDirectories(drive.resolve("Tandem"));
        store = TodoStore.open(Schema.database(tmp.resolve("tandem.db")), Clock.systemUTC(), ZoneOffset.UTC);
        service = new SyncService(store.replica(), Clock.systemUTC(), new Random(1));
        service.setDebounce(Duration.ofMillis(50));
        service.addNoticeListener(notices::add);
        service.setFocused(true);
        service.configure(SyncEngine.builder().folder(folder).build(), Duration.ofHours(1), Pacing.LOCAL);
        Await.until("the first sync", () -> service.status(),
                st -> st.lastSuccess() != null && st.state() == SyncStatus.State.IDLE);
    }

    @AfterEach
    void close() {
        service.close();
        store.close();
    }

    @Test
    void runSync_theDriveGoesAwayAndComesBack_saysSoNeverMakesTheFolderAndSyncsWhenBack() throws Exception {
        Path away = Files.move(drive, tmp.resolve("usb-unplugged"));
        store.add("Written while the drive was out", null, null);

        SyncStatus failed = Await.until("the failed sync", () -> service.status(),
                st -> st.state() == SyncStatus.State.ERROR);
        assertEquals(SyncException.Diagnosis.FOLDER_MISSING, failed.diagnosis(), failed.toString());
        assertTrue(SyncNotices.calm(failed.reason(), failed.diagnosis()), "an ordinary state, as being offline");
        assertTrue(SyncWords.retryHelps(failed.reason(), failed.diagnosis()));
        assertEquals("The sync folder is not there.", SyncWords.shortText(failed.reason(), failed.diagnosis()));
        assertTrue(failed.hint().startsWith("If it is on a USB drive or a network share, connect the drive or mount the share"), failed.hint());
        assertEquals(1, failed.pendingChanges(), "the todo waits on this device");
        assertFalse(Files.exists(drive), "the folder is never made where the drive was");
        assertEquals(List.of(), notices, "no pop-up for a drive that is not connected");

        Files.move(away, drive);

        SyncStatus back = Await.until("synced by itself once the drive is back", () -> service.status(),
                st -> st.state() == SyncStatus.State.IDLE && st.pendingChanges() == 0);
        assertEquals(1, back.lastReport().pushed(), back.toString());
    }
}
