package dev.tandem.app.vm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.engine.sync.SyncException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SettingsViewModel's save: the connection check a save runs first, the warning and the second press
 * that saves anyway, and what blocks a save.
 */
@Tag("unit")
class SettingsViewModelSaveTest extends SettingsViewModelFixture {
    @Test
    void requestSave_remoteFailsTheCheck_warnsThenSavesAnywayOnTheSecondPress() {
        SettingsViewModel vm = vm(FAILED);
        folder(vm, "/srv/sync");
        assertFalse(vm.requestSave(), "a remote is checked before it is saved");
        assertTrue(vm.checkSummaryProperty().get().contains("Read back"), vm.checkSummaryProperty().get());
        assertTrue(vm.saveWarningProperty().get().contains("Save anyway"), vm.saveWarningProperty().get());
        assertEquals("Save anyway", vm.saveLabelProperty().get());
        assertFalse(vm.readyToCloseProperty().get());
        assertTrue(vm.requestSave(), "the user chose to keep them");
    }

    @Test
    void requestSave_settingsChangedAfterAFailedCheck_checksAgain() {
        SettingsViewModel vm = vm(FAILED);
        folder(vm, "/srv/sync");
        assertFalse(vm.requestSave());
        vm.value("folder").set("/srv/other");
        assertEquals("Save", vm.saveLabelProperty().get());
        assertEquals("", vm.saveWarningProperty().get());
        checkThread.set(null);
        assertFalse(vm.requestSave());
        assertTrue(checkThread.get() != null, "the new settings were checked");
    }

    @Test
    void requestSave_remotePasses_closesWhenTheCheckIsDone() {
        SettingsViewModel vm = vm(PASSED);
        folder(vm, "/srv/sync");
        assertFalse(vm.requestSave());
        assertTrue(vm.readyToCloseProperty().get());
        assertEquals("", vm.saveWarningProperty().get());
    }

    @Test
    void requestSave_syncOff_savesWithoutACheck() {
        SettingsViewModel vm = vm(FAILED);
        assertTrue(vm.requestSave());
        assertEquals(null, checkThread.get());
    }

    @Test
    void requestSave_checkCannotRun_warnsAndSavesAnywayOnTheSecondPress() {
        Async async = Async.direct(e -> {
            throw new AssertionError(e);
        });
        SettingsViewModel vm = new SettingsViewModel(SyncSettings.none(), async, s -> {
            throw new IllegalArgumentException("no such endpoint");
        });
        folder(vm, "/srv/sync");
        assertFalse(vm.requestSave());
        assertTrue(vm.checkSummaryProperty().get().contains("Could not test: no such endpoint"),
                vm.checkSummaryProperty().get());
        assertFalse(vm.saveWarningProperty().get().contains("no such endpoint"), "said once, not again under Save");
        assertEquals("Save anyway", vm.saveLabelProperty().get());
        assertFalse(vm.checkingProperty().get());
        assertTrue(vm.requestSave(), "a check that cannot run must not keep the settings from being saved");
    }

    @Test
    void requestSave_whileChecking_waitsAndShowsBusy() {
        List<Runnable> io = new ArrayList<>();
        Async async = new Async(io::add, Runnable::run, e -> {
            throw new AssertionError(e);
        });
        SettingsViewModel vm = new SettingsViewModel(SyncSettings.none(), async, s -> PASSED);
        folder(vm, "/srv/sync");
        assertFalse(vm.requestSave());
        assertTrue(vm.checkingProperty().get(), "busy while the check runs in the background");
        assertTrue(vm.checkSummaryProperty().get().endsWith("before saving…"), vm.checkSummaryProperty().get());
        assertFalse(vm.requestSave(), "a second press does not start a second check");
        assertEquals(1, io.size());
        io.get(0).run();
        assertFalse(vm.checkingProperty().get());
        assertTrue(vm.readyToCloseProperty().get());
    }

    @Test
    void requestSave_webDavWithoutAddress_showsErrorAndDoesNotSave() {
        SettingsViewModel vm = vm(PASSED);
        webDav(vm, "", "sam", "app-password", "");
        assertEquals(SyncSettings.Mode.WEBDAV, vm.modeProperty().get());
        assertEquals("", vm.error("davUrl").get(), "not shown before a save was tried");
        assertFalse(vm.requestSave());
        assertTrue(vm.error("davUrl").get().startsWith("Enter the folder's WebDAV address"), vm.error("davUrl").get());
        assertEquals("", vm.error("davUser").get());
        assertEquals(null, checkThread.get(), "invalid settings are not checked");
        assertFalse(vm.readyToCloseProperty().get());
    }

    @Test
    void requestSave_validWebDav_savesModeAndTheFourDavValues() {
        AtomicReference<SyncSettings> checked = new AtomicReference<>();
        Async async = Async.direct(e -> {
            throw new AssertionError(e);
        });
        SettingsViewModel vm = new SettingsViewModel(SyncSettings.none(), async, s -> {
            checked.set(s);
            return PASSED;
        });
        webDav(vm, "https://cloud.example.com/remote.php/dav/files/sam/Tandem", "sam", "app pass word", FINGERPRINT);
        assertFalse(vm.requestSave(), "a remote is checked before it is saved");
        assertTrue(vm.readyToCloseProperty().get());
        SyncSettings s = vm.settings();
        assertEquals(s, checked.get(), "the settings that were checked are the ones saved");
        assertEquals(SyncSettings.Mode.WEBDAV, s.mode());
        assertEquals(new SyncSettings.Dav("https://cloud.example.com/remote.php/dav/files/sam/Tandem", "sam",
                "app pass word", FINGERPRINT), s.dav());
        assertEquals("app pass word", s.dav().password());
    }

    @Test
    void requestSave_repeatNeverLeft_mismatchSaid() {
        SettingsViewModel vm = vm(PASSED);
        folder(vm, "/srv/sync");
        vm.value("passphrase").set("correct horse");
        vm.passphraseRepeatProperty().set("correct");
        assertFalse(vm.requestSave());
        assertEquals("The two passphrases differ.", vm.error("passphrase").get());
    }

    @Test
    void requestSave_wrongPassphrase_neverOffersSaveAnyway() {
        SettingsViewModel vm = vm(new ConnectionCheck(List.of(new ConnectionCheck.Step("Passphrase", false,
                "The passphrase does not open this remote.", SyncException.Reason.WRONG_PASSPHRASE))));
        folder(vm, "/srv/sync");
        vm.value("passphrase").set("wrong one here");
        vm.passphraseRepeatProperty().set("wrong one here");
        assertFalse(vm.requestSave());
        assertEquals("Save", vm.saveLabelProperty().get());
        assertFalse(vm.requestSave(), "checked again, and refused again");
    }
}
