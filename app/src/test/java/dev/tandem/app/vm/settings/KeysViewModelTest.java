package dev.tandem.app.vm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.sync.KeyOps;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.testing.Await;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * "Encryption keys…" over a real encrypted folder remote, without a toolkit: what each command
 * refuses, what it changes on the remote, and that the new passphrase reaches the saved settings
 * the moment the remote takes it.
 */
@Tag("unit")
class KeysViewModelTest extends KeysViewModelFixture {
    @Test
    void refresh_setUpHere_saysWhoAndWhenInWords() {
        KeysViewModel vm = vm();
        vm.refresh();
        assertTrue(vm.statusProperty().get().startsWith("Encryption set up on "), vm.statusProperty().get());
        assertTrue(vm.statusProperty().get().contains("No recovery key yet"), vm.statusProperty().get());
    }

    @Test
    void refresh_whileReading_notBusyAndClosingDropsTheAnswer() throws Exception {
        vm().close();
        SlowRead slow = new SlowRead(KeyOps.of(settings(OLD), store.replica(), "sam-laptop"));
        ExecutorService io = Async.backgroundExecutor("keys-read");
        try {
            KeysViewModel vm = new KeysViewModel(slow, new Async(io, Runnable::run, errors::add), dialogs, OLD,
                    saved::add, ZoneOffset.UTC);
            String reading = vm.statusProperty().get();
            vm.refresh();
            assertTrue(vm.readingProperty().get());
            assertFalse(vm.busyProperty().get(), "a read is no change: the dialog can close meanwhile");
            vm.close();
            slow.release.countDown();
            Await.until("the read ended", () -> !vm.readingProperty().get());
            assertEquals(reading, vm.statusProperty().get(), "the answer of a closed dialog is dropped");
            assertEquals("", vm.messageProperty().get());
            assertEquals(List.of(), errors);
        } finally {
            io.shutdownNow();
        }
    }

    @Test
    void refresh_aCommandRanMeanwhile_theCommandsAnswerStays() throws Exception {
        vm();
        SlowRead slow = new SlowRead(KeyOps.of(settings(OLD), store.replica(), "sam-laptop"));
        ExecutorService io = Async.backgroundExecutor("keys-read");
        try {
            KeysViewModel vm = new KeysViewModel(slow, new Async(io, Runnable::run, errors::add), dialogs, OLD,
                    saved::add, ZoneOffset.UTC);
            vm.refresh();
            vm.currentPassphraseProperty().set(OLD);
            vm.newPassphraseProperty().set(NEW);
            vm.repeatProperty().set(NEW);
            vm.changePassphrase();
            assertTrue(vm.busyProperty().get(), "a change holds the dialog open");
            slow.release.countDown();
            Await.until("both ended", () -> !vm.readingProperty().get() && !vm.busyProperty().get());
            assertTrue(vm.statusProperty().get().startsWith("Passphrase changed on sam-laptop"), vm.statusProperty().get());
            assertEquals(List.of(NEW), saved);
        } finally {
            io.shutdownNow();
        }
    }

    @Test
    void changePassphrase_wrongCurrentOrShortOrDifferent_refusesAndChangesNothing() {
        KeysViewModel vm = vm();
        vm.currentPassphraseProperty().set("not it");
        vm.newPassphraseProperty().set(NEW);
        vm.repeatProperty().set(NEW);
        vm.changePassphrase();
        assertTrue(vm.errorProperty().get());
        assertTrue(vm.messageProperty().get().contains("current passphrase"), vm.messageProperty().get());
        vm.currentPassphraseProperty().set(OLD);
        vm.newPassphraseProperty().set("short");
        vm.repeatProperty().set("short");
        vm.changePassphrase();
        assertTrue(vm.messageProperty().get().contains("at least"), vm.messageProperty().get());
        vm.newPassphraseProperty().set(NEW);
        vm.repeatProperty().set(NEW + "!");
        vm.changePassphrase();
        assertTrue(vm.messageProperty().get().contains("differ"), vm.messageProperty().get());
        assertEquals(List.of(), saved);
        opens(OLD);
    }

    @Test
    void changePassphrase_valid_changesTheRemoteAndSavesTheNewOne() {
        KeysViewModel vm = vm();
        vm.currentPassphraseProperty().set(OLD);
        vm.newPassphraseProperty().set(NEW);
        vm.repeatProperty().set(NEW);
        vm.changePassphrase();
        assertFalse(vm.errorProperty().get(), vm.messageProperty().get());
        assertEquals(List.of(NEW), saved);
        assertEquals("", vm.newPassphraseProperty().get(), "the typed passphrases are cleared");
        assertTrue(vm.statusProperty().get().startsWith("Passphrase changed on sam-laptop"), vm.statusProperty().get());
        opens(NEW);
        assertThrows(SyncException.class, () -> opens(OLD));
    }

    @Test
    void changePassphrase_noLongerBusy_resultAlreadyShown() {
        KeysViewModel vm = vm();
        List<String> atIdle = shownAtIdle(vm);
        vm.currentPassphraseProperty().set(OLD);
        vm.newPassphraseProperty().set(NEW);
        vm.repeatProperty().set(NEW);
        vm.changePassphrase();
        assertEquals(1, atIdle.size(), atIdle.toString());
        assertTrue(atIdle.get(0).startsWith("Passphrase changed. "), atIdle.get(0));
        assertTrue(atIdle.get(0).contains(" | Passphrase changed on sam-laptop"), atIdle.get(0));
    }
}
