package dev.tandem.app.vm.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.backup.BackupService;
import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.vm.shared.UndoManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class BackupsViewModelTest {
    @TempDir
    Path tmp;
    private TodoStore store;
    private BackupService service;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final Async async = Async.direct(e -> {
        throw new AssertionError(e);
    });
    private final UndoManager undo = new UndoManager(async);

    private BackupsViewModel open() throws Exception {
        Path dataDir = Files.createDirectories(tmp.resolve("profile"));
        store = new TodoStore(Schema.database(dataDir.resolve("tandem.db")).build(), Clock.systemUTC());
        SettingsStore settings = new SettingsStore(dataDir);
        service = new BackupService(store, dataDir, settings, Clock.systemDefaultZone(), Map.of());
        service.setFolder(Files.createDirectories(tmp.resolve("backups")));
        return new BackupsViewModel(service, store, dataDir, "tandem.db", async, dialogs, undo);
    }

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void backupNow_then_saysTheFileAndTheLastBackup() throws Exception {
        BackupsViewModel vm = open();
        assertEquals("No backup yet.", vm.lastProperty().get());

        vm.backupNow();

        assertTrue(vm.messageProperty().get().startsWith("Backed up to tandem-"), vm.messageProperty().get());
        // The row is named "Last backup"; its line is the time and the size alone, the name not said twice.
        assertTrue(vm.lastProperty().get().matches("\\p{L}{3} \\d{1,2} \\p{L}{3} \\d{4}, \\d{1,2}:\\d\\d · [\\d.]+ [kKMG]?B"),
                vm.lastProperty().get());
        assertEquals("", vm.failureProperty().get());
    }

    @Test
    void restore_confirmed_bringsTheBackupBackAndUndoTakesItBack() throws Exception {
        BackupsViewModel vm = open();
        Item milk = store.add("Milk", null, null);
        vm.backupNow();
        Path backup = service.list().get(0).file();
        store.update(milk.id(), i -> i.withTitle("Oat milk"));
        dialogs.pathAnswers.add(backup);

        vm.restore();

        assertTrue(dialogs.confirmMessages.get(0).contains("Inbox"), dialogs.confirmMessages.get(0));
        assertTrue(dialogs.asked.contains("confirm destructive: Restore " + backup.getFileName() + "?"), dialogs.asked.toString());
        assertEquals("Milk", store.get(milk.id()).orElseThrow().title());
        assertTrue(vm.messageProperty().get().startsWith("Restored "), vm.messageProperty().get());
        undo.undo();
        assertEquals("Oat milk", store.get(milk.id()).orElseThrow().title());
    }

    @Test
    void restore_preview_namesTheItemsWithCorrectPlurals() throws Exception {
        BackupsViewModel vm = open();
        Item milk = store.add("Milk", null, null);
        vm.backupNow();
        store.update(milk.id(), i -> i.withTitle("Oat milk"));
        dialogs.pathAnswers.add(service.list().get(0).file());
        dialogs.confirmAnswer = false;

        vm.restore();

        String one = dialogs.confirmMessages.get(0);
        assertTrue(one.startsWith("1 item changed, 0 brought back, 0 unchanged"), one);
        assertTrue(one.contains("Changed: “Oat milk”"), one);
        assertFalse(one.contains("1 items"), one);

        for (int i = 1; i <= 7; i++) {
            store.add("Task " + i, null, null);
        }
        vm.backupNow();
        for (Item it : store.allItems().stream().filter(x -> x.title().startsWith("Task")).toList()) {
            store.update(it.id(), x -> x.withTitle(x.title() + " renamed"));
        }
        dialogs.pathAnswers.add(service.list().get(0).file());
        vm.restore();

        String seven = dialogs.confirmMessages.get(1);
        assertTrue(seven.startsWith("7 items changed"), seven);
        assertEquals(5, seven.lines().filter(l -> l.startsWith("Changed: ")).findFirst().orElseThrow()
                .split("”, “").length, seven);
        assertTrue(seven.contains(" and 2 more"), seven);
    }

    @Test
    void restore_chooser_opensInTheBackupsFolderShowingBackupFiles() throws Exception {
        BackupsViewModel vm = open();
        vm.backupNow();
        String written = service.list().get(0).file().getFileName().toString();

        vm.restore();
        vm.restoreIntoNewProfile();

        String folder = tmp.resolve("backups").toString();
        String kind = "Tandem backups (" + written.substring(written.lastIndexOf('.')) + ") [*"
                + written.substring(written.lastIndexOf('.')) + "]";
        assertEquals(List.of("file: Restore a backup (" + kind + " in " + folder + ")",
                "file: Backup to make a new profile from (" + kind + " in " + folder + ")"), dialogs.asked);
    }

    @Test
    void restoreIntoNewProfile_anEmptyFolder_makesAProfileWithADeviceIdOfItsOwn() throws Exception {
        BackupsViewModel vm = open();
        store.add("Milk", null, null);
        vm.backupNow();
        Path fresh = Files.createDirectories(tmp.resolve("fresh"));
        dialogs.pathAnswers.add(service.list().get(0).file());
        dialogs.pathAnswers.add(fresh);

        vm.restoreIntoNewProfile();

        assertTrue(vm.messageProperty().get().startsWith("A new profile in "), vm.messageProperty().get());
        try (TodoStore copy = new TodoStore(Schema.database(fresh.resolve("tandem.db")).build(), Clock.systemUTC())) {
            assertEquals(List.of("Milk"), copy.allItems().stream().map(Item::title).toList());
            assertTrue(!copy.replica().deviceId().equals(store.replica().deviceId()), "never writes as the device it came from");
        }
    }

    @Test
    void restoreIntoNewProfile_aFolderInUse_saysSoAndWritesNothing() throws Exception {
        BackupsViewModel vm = open();
        vm.backupNow();
        Path used = Files.createDirectories(tmp.resolve("used"));
        Files.writeString(used.resolve("notes.txt"), "mine");
        dialogs.pathAnswers.add(service.list().get(0).file());
        dialogs.pathAnswers.add(used);

        vm.restoreIntoNewProfile();

        assertTrue(vm.errorProperty().get());
        assertTrue(vm.messageProperty().get().contains("is not empty"), vm.messageProperty().get());
        assertEquals(List.of(used.resolve("notes.txt")), Files.list(used).toList());
    }

    @Test
    void restore_declined_changesNothing() throws Exception {
        BackupsViewModel vm = open();
        Item milk = store.add("Milk", null, null);
        vm.backupNow();
        store.update(milk.id(), i -> i.withTitle("Oat milk"));
        dialogs.pathAnswers.add(service.list().get(0).file());
        dialogs.confirmAnswer = false;

        vm.restore();

        assertEquals("Oat milk", store.get(milk.id()).orElseThrow().title());
        assertEquals("Nothing was restored.", vm.messageProperty().get());
    }
}
