package dev.tandem.app.vm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.sync.KeyOps;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.KeyringStatus;
import dev.tandem.engine.sync.RotationReport;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncProgress;
import dev.tandem.engine.testing.Await;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Encryption keys…" over a real encrypted folder remote, without a toolkit: what each command
 * refuses, what it changes on the remote, and that the new passphrase reaches the saved settings
 * the moment the remote takes it.
 */
@Tag("unit")
class KeysViewModelTest {
    private static final String OLD = "correct horse battery";
    private static final String NEW = "a longer passphrase for home";

    @TempDir
    Path remote;

    private final List<Throwable> errors = new ArrayList<>();
    private final Async async = Async.direct(errors::add);
    private final TodoStore store = new TodoStore(Db.openMemory(), Clock.systemUTC(), ZoneOffset.UTC);
    private final List<String> saved = new ArrayList<>();
    private final FakeDialogs dialogs = new FakeDialogs();

    @AfterEach
    void close() {
        store.close();
    }

    private SyncSettings settings(String passphrase) {
        return SyncSettings.folder(remote, 30).withPassphrase(passphrase);
    }

    private KeysViewModel vm() {
        try (SyncEngine setup = settings(OLD).toEngine()) {
            store.replica().sync(setup);
        }
        return new KeysViewModel(KeyOps.of(settings(OLD), store.replica(), "sam-laptop"), async, dialogs, OLD, saved::add,
                ZoneOffset.UTC);
    }

    private void opens(String passphrase) {
        try (SyncEngine e = settings(passphrase).toEngine()) {
            e.sync(Db.openMemory());
        }
    }

    @Test
    void refresh_setUpHere_saysWhoAndWhenInWords() {
        KeysViewModel vm = vm();
        vm.refresh();
        assertTrue(vm.statusProperty().get().startsWith("Encryption set up on "), vm.statusProperty().get());
        assertTrue(vm.statusProperty().get().contains("No recovery key yet"), vm.statusProperty().get());
    }

    /** A keyring read that waits for the test: the dialog's first read while the remote is slow. */
    private static final class SlowRead implements KeyOps {
        final CountDownLatch release = new CountDownLatch(1);
        final KeyOps real;

        SlowRead(KeyOps real) {
            this.real = real;
        }

        @Override
        public KeyringStatus status() {
            try {
                assertTrue(release.await(10, TimeUnit.SECONDS), "the test let the read go on");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return real.status();
        }

        @Override
        public KeyringStatus changePassphrase(String p) {
            return real.changePassphrase(p);
        }

        @Override
        public KeyringStatus resetPassphrase(String code, String p) {
            return real.resetPassphrase(code, p);
        }

        @Override
        public String newRecoveryKey() {
            return real.newRecoveryKey();
        }

        @Override
        public RotationReport rotate(String p, SyncProgress progress) {
            return real.rotate(p, progress);
        }
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

    /** What the dialog showed at the moment it said it was done: a caller waiting for the end reads it. */
    private static List<String> shownAtIdle(KeysViewModel vm) {
        List<String> atIdle = new CopyOnWriteArrayList<>();
        vm.busyProperty().addListener((o, was, busy) -> {
            if (!busy) {
                atIdle.add(vm.messageProperty().get() + " | " + vm.statusProperty().get() + " | "
                        + vm.recoveryCodeProperty().get());
            }
        });
        return atIdle;
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
