package dev.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.space.Spaces;
import dev.tandem.app.sync.SyncStatus;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.app.vm.sharing.ShareViewModel;
import dev.tandem.app.vm.sharing.SharingViewModel;
import dev.tandem.engine.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Leave shared list" and its Undo as the window runs them: the device's own background sync,
 * rebuilt with and without the list's space (MainWindow's resync), not a sync called by hand. Undo
 * rejoins as the same device: no new device id, no "copy of its profile" notice.
 */
@Tag("unit")
class DeviceLeaveUndoTest {
    @TempDir
    Path tmp;

    private static void settle(Device device) {
        Await.until("the sync to settle", Duration.ofSeconds(60), () -> device.sync().status(),
                s -> s.state() == SyncStatus.State.IDLE && s.lastReport() != null && s.pendingChanges() == 0);
    }

    @Test
    void leaveThenUndo_backgroundSyncsBetweenAndAfter_sameDeviceIdAndNoCopiedProfileNotice() throws Exception {
        runLeaveAndUndo(true);
    }

    @Test
    void leaveThenUndo_undoBeforeTheLeavesSyncRan_sameDeviceIdAndNoCopiedProfileNotice() throws Exception {
        runLeaveAndUndo(false);
    }

    private void runLeaveAndUndo(boolean settleBetween) throws Exception {
        Path personal = Files.createDirectories(tmp.resolve("personal"));
        try (Device device = Device.open("Alice", tmp.resolve("alice"), Runnable::run,
                SyncSettings.folder(personal, 60), Duration.ZERO)) {
            List<String> newIds = new CopyOnWriteArrayList<>();
            device.sync().addListener(s -> {
                if (s.newDeviceId() != null) {
                    newIds.add(s.newDeviceId());
                }
            });
            Runnable resync = () -> {
                device.reapplySync();
                device.sync().syncNow();
            };
            TodoList trip = device.store().createList("Trip");
            device.store().add("Book the ferry", trip.id(), null);
            settle(device);
            List<Throwable> errors = new CopyOnWriteArrayList<>();
            Async async = Async.direct(errors::add);
            FakeDialogs dialogs = new FakeDialogs();
            ShareViewModel share = new ShareViewModel(new Spaces(device.settings(), Map.of()), device.store(),
                    trip, "Alice", async, dialogs, resync);
            share.load();
            share.remoteProperty().set("folder:" + Files.createDirectories(tmp.resolve("shared")));
            share.share();
            settle(device);
            device.store().add("Pack", trip.id(), null);
            settle(device);
            String id = device.store().replica().deviceId();

            UndoManager undo = new UndoManager(async);
            SharingViewModel sharing = new SharingViewModel(new Spaces(device.settings(), Map.of()),
                    device.store(), async, dialogs, undo, resync, () -> "Alice");
            sharing.refresh();
            sharing.leave(trip, x -> { });
            if (settleBetween) {
                settle(device);
            }
            undo.undo();
            settle(device);
            device.store().add("Tickets", trip.id(), null);
            settle(device);

            assertEquals(List.of(), errors);
            assertEquals(List.of(), newIds, "undo rejoins as the same device, nothing called a copied profile");
            assertEquals(id, device.store().replica().deviceId());
            assertEquals(List.of("Book the ferry", "Pack", "Tickets"), device.store().allItems().stream()
                    .filter(i -> !i.isTrashed()).map(Item::title).sorted().toList());
            assertTrue(new Spaces(device.settings(), Map.of()).get(trip.id()).orElseThrow().joined());
        }
    }
}
