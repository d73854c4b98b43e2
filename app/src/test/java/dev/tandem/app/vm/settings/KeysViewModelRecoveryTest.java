package dev.tandem.app.vm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.sync.KeyOps;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.engine.Db;
import dev.tandem.engine.testing.Await;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * KeysViewModel's recovery key and key rotation: creating and replacing a recovery key, resetting the
 * passphrase with it, rotating the keys, and when the settings offer a recovery key.
 */
@Tag("unit")
class KeysViewModelRecoveryTest extends KeysViewModelFixture {
    /**
     * Replacing a recovery key is two steps of one command (read the remote, then make the key): the second
     * is not refused as busy, and the command is done only when the new key shows. Run on a real background
     * thread, so the second step starts after the first one's answer, as in the app.
     */
    @Test
    void createRecoveryKey_replaceConfirmed_secondStepRunsAndBusyEndsLast() throws Exception {
        vm().createRecoveryKey();
        ExecutorService io = Async.backgroundExecutor("keys-replace");
        try {
            KeysViewModel vm = new KeysViewModel(KeyOps.of(settings(OLD), store.replica(), "sam-laptop"),
                    new Async(io, Runnable::run, errors::add), dialogs, OLD, saved::add, ZoneOffset.UTC);
            List<String> atIdle = shownAtIdle(vm);
            dialogs.confirmAnswer = true;
            vm.createRecoveryKey();
            List<String> shown = Await.until("the command to end", () -> atIdle, l -> !l.isEmpty());
            assertEquals(List.of("confirm destructive: Replace the recovery key?"), dialogs.asked);
            assertEquals(1, shown.size(), "busy ends once, after the second step: " + shown);
            assertTrue(shown.get(0).contains("the earlier recovery key no longer works"), shown.get(0));
            assertTrue(shown.get(0).matches("(?s).* \\| [0-9A-Z]{4}(-[0-9A-Z]{4}){6}"), shown.get(0));
            assertFalse(vm.errorProperty().get(), vm.messageProperty().get());
            assertEquals(List.of(), errors);
        } finally {
            io.shutdownNow();
        }
    }

    /** A command that fails is done once its reason shows. */
    @Test
    void resetWithRecoveryKey_wrongCode_noLongerBusy_reasonAlreadyShown() {
        KeysViewModel vm = vm();
        vm.createRecoveryKey();
        String code = vm.recoveryCodeProperty().get();
        List<String> atIdle = shownAtIdle(vm);
        char typo = code.charAt(5) == 'X' ? 'Y' : 'X';
        vm.recoveryKeyInputProperty().set(code.substring(0, 5) + typo + code.substring(6));
        vm.newPassphraseProperty().set(NEW);
        vm.repeatProperty().set(NEW);
        vm.resetWithRecoveryKey();
        assertTrue(vm.errorProperty().get(), vm.messageProperty().get());
        assertFalse(vm.messageProperty().get().isEmpty());
        assertEquals(List.of(vm.messageProperty().get() + " | " + vm.statusProperty().get() + " | " + code), atIdle);
    }

    @Test
    void createRecoveryKey_thenReset_setsANewPassphraseWithTheCode() {
        KeysViewModel vm = vm();
        vm.createRecoveryKey();
        String code = vm.recoveryCodeProperty().get();
        assertTrue(code.matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){6}"), code);
        assertTrue(vm.statusProperty().get().contains("A recovery key exists."), vm.statusProperty().get());

        // Another character than the one there (a code holds an X one time in 32).
        char typo = code.charAt(5) == 'X' ? 'Y' : 'X';
        vm.recoveryKeyInputProperty().set(code.substring(0, 5) + typo + code.substring(6));
        vm.newPassphraseProperty().set(NEW);
        vm.repeatProperty().set(NEW);
        vm.resetWithRecoveryKey();
        assertTrue(vm.errorProperty().get(), "a mistyped code is refused");
        assertTrue(vm.messageProperty().get().contains("mistyped") || vm.messageProperty().get().contains("does not"),
                vm.messageProperty().get());

        vm.recoveryKeyInputProperty().set(code.toLowerCase());
        vm.resetWithRecoveryKey();
        assertFalse(vm.errorProperty().get(), vm.messageProperty().get());
        assertEquals(List.of(NEW), saved);
        opens(NEW);
    }

    /** A second click on the recovery key's button must not silently void the key just written down. */
    @Test
    void createRecoveryKey_oneExists_asksFirstAndDecliningKeepsTheKeyWorking() {
        KeysViewModel vm = vm();
        assertEquals("Create recovery key", vm.recoveryActionProperty().get());
        vm.createRecoveryKey();
        String first = vm.recoveryCodeProperty().get();
        assertEquals("Replace recovery key…", vm.recoveryActionProperty().get());
        assertEquals(List.of(), dialogs.asked, "the first key is made without asking");

        dialogs.confirmAnswer = false;
        vm.createRecoveryKey();
        assertEquals(List.of("confirm destructive: Replace the recovery key?"), dialogs.asked);
        assertTrue(dialogs.confirmMessages.get(0).contains("stops working"), dialogs.confirmMessages.get(0));
        assertEquals(first, vm.recoveryCodeProperty().get());
        assertTrue(vm.messageProperty().get().contains("still works"), vm.messageProperty().get());

        dialogs.confirmAnswer = true;
        vm.createRecoveryKey();
        String second = vm.recoveryCodeProperty().get();
        assertFalse(second.isEmpty() || second.equals(first), second);

        vm.recoveryKeyInputProperty().set(first);
        vm.newPassphraseProperty().set(NEW);
        vm.repeatProperty().set(NEW);
        vm.resetWithRecoveryKey();
        assertTrue(vm.errorProperty().get(), "the replaced key opens nothing: " + vm.messageProperty().get());
        vm.recoveryKeyInputProperty().set(second);
        vm.resetWithRecoveryKey();
        assertFalse(vm.errorProperty().get(), vm.messageProperty().get());
    }

    /** Rotating voids the passphrase and the recovery key on every device: never without asking. */
    @Test
    void rotate_declined_changesNothing() {
        KeysViewModel vm = vm();
        vm.newPassphraseProperty().set(NEW);
        vm.repeatProperty().set(NEW);
        dialogs.confirmAnswer = false;
        vm.rotate();
        assertEquals(List.of("confirm destructive: Rotate the key?"), dialogs.asked);
        assertEquals(List.of(), saved);
        opens(OLD);
    }

    @Test
    void rotate_savesTheNewPassphraseAtTheStartAndShowsTheNewRecoveryKey() {
        KeysViewModel vm = vm();
        vm.newPassphraseProperty().set(NEW);
        vm.repeatProperty().set(NEW);
        vm.rotate();
        assertFalse(vm.errorProperty().get(), vm.messageProperty().get());
        assertEquals(List.of(NEW), saved);
        assertEquals(1.0, vm.progressProperty().get());
        assertFalse(vm.recoveryCodeProperty().get().isEmpty());
        assertTrue(vm.messageProperty().get().startsWith("Key rotated"), vm.messageProperty().get());
        assertEquals(KeysViewModel.Section.RECOVERY, vm.sectionProperty().get(), "the new recovery key is shown where it is copied");
        assertFalse(vm.statusProperty().get().contains("Argon2id"), "no jargon in the status: " + vm.statusProperty().get());
        assertTrue(vm.technicalDetails().contains("Argon2id"), vm.technicalDetails());
        vm.sectionProperty().set(KeysViewModel.Section.PASSPHRASE);
        assertEquals("", vm.messageProperty().get(), "one task's message never shows on another");
        assertFalse(vm.rotationUnfinishedProperty().get());
        opens(NEW);
    }

    @Test
    void settingsFlow_encryptionNewlySaved_offersARecoveryKeyOnce() {
        FakeDialogs dialogs = new FakeDialogs();
        dialogs.settingsAnswer = settings(OLD);
        SyncSettings[] stored = {SyncSettings.none()};
        SyncSettingsFlow flow = new SyncSettingsFlow(async, dialogs, () -> stored[0], s -> stored[0] = s,
                s -> null, s -> KeyOps.of(s, store.replica(), "sam-laptop"));
        flow.open();
        assertTrue(dialogs.asked.contains("keys: offer recovery key"), dialogs.asked.toString());
        // "Create recovery key" in the prompt made it: the dialog opens showing it, no second click.
        KeysViewModel offered = dialogs.keys.get(dialogs.keys.size() - 1);
        assertTrue(offered.recoveryCodeProperty().get().matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){6}"),
                offered.recoveryCodeProperty().get());
        assertTrue(offered.statusProperty().get().contains("A recovery key exists."), offered.statusProperty().get());
        dialogs.asked.clear();
        flow.open();
        assertFalse(dialogs.asked.contains("keys: offer recovery key"), "offered only when encryption is new");
        assertEquals(List.of(), errors);
    }

    /** A second device joins a remote whose first device made a recovery key: it is not asked to make another. */
    @Test
    void settingsFlow_joiningARemoteWithARecoveryKey_notAskedToCreateOne() {
        KeysViewModel first = vm();
        first.createRecoveryKey();
        assertFalse(first.recoveryCodeProperty().get().isEmpty());
        TodoStore phone = new TodoStore(Db.openMemory(), Clock.systemUTC(), ZoneOffset.UTC);
        try {
            FakeDialogs dialogs = new FakeDialogs();
            dialogs.settingsAnswer = settings(OLD);
            SyncSettings[] stored = {SyncSettings.none()};
            SyncSettingsFlow flow = new SyncSettingsFlow(async, dialogs, () -> stored[0], s -> stored[0] = s,
                    s -> null, s -> KeyOps.of(s, phone.replica(), "sam-phone"));
            flow.open();
            assertEquals(settings(OLD), stored[0]);
            assertFalse(dialogs.asked.stream().anyMatch(q -> q.contains("recovery")), dialogs.asked.toString());
            assertEquals(List.of(), errors);
        } finally {
            phone.close();
        }
    }
}
