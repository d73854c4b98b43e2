package dev.tandem.app.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.backup.BackupService;
import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.testing.FakeDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        service = new BackupService(store.db(), dataDir, settings, Clock.systemDefaultZone(), Map.of());
        service.setFolder(Files.createDirectories(tmp.resolve("backups")));
        return new BackupsViewModel(service, store, dataDir, async, dialogs, undo);
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
        assertTrue(vm.lastProperty().get().startsWith("Last backup: "), vm.lastProperty().get());
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
        assertEquals("Milk", store.get(milk.id()).orElseThrow().title());
        assertTrue(vm.messageProperty().get().startsWith("Restored "), vm.messageProperty().get());
        undo.undo();
        assertEquals("Oat milk", store.get(milk.id()).orElseThrow().title());
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
