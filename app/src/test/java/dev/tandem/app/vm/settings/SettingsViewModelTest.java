package dev.tandem.app.vm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.engine.sync.SyncException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SettingsViewModelTest extends SettingsViewModelFixture {
    @Test
    void errors_hiddenUntilTouched_thenShown() {
        SettingsViewModel vm = vm(null);
        vm.modeProperty().set(SyncSettings.Mode.S3);
        assertFalse(vm.validProperty().get());
        assertEquals("", vm.error("bucket").get(), "not touched yet");
        vm.touch("bucket");
        assertEquals("Enter the bucket name.", vm.error("bucket").get());
        assertEquals("", vm.error("accessKey").get());
    }

    @Test
    void submit_invalid_showsEveryErrorAndReturnsEmpty() {
        SettingsViewModel vm = vm(null);
        vm.modeProperty().set(SyncSettings.Mode.S3);
        vm.value("bucket").set("Bad_Bucket");
        vm.value("interval").set("often");
        assertTrue(vm.submit().isEmpty());
        assertTrue(vm.error("bucket").get().contains("lower-case"));
        assertEquals("Enter a number of seconds, e.g. 30.", vm.error("interval").get());
        assertEquals("Enter the access key ID.", vm.error("accessKey").get());
    }

    @Test
    void submit_passphrasesDiffer_isError() {
        SettingsViewModel vm = vm(null);
        vm.modeProperty().set(SyncSettings.Mode.FOLDER);
        vm.value("folder").set("/tmp/x");
        vm.value("passphrase").set("one");
        vm.passphraseRepeatProperty().set("two");
        assertTrue(vm.submit().isEmpty());
        assertEquals("The two passphrases differ.", vm.error("passphrase").get());
        vm.passphraseRepeatProperty().set("one");
        assertEquals("one", vm.submit().orElseThrow().passphrase());
    }

    @Test
    void submit_validFolder_returnsSettings() {
        SettingsViewModel vm = vm(null);
        vm.modeProperty().set(SyncSettings.Mode.FOLDER);
        vm.value("folder").set("/srv/sync");
        vm.value("interval").set("60");
        SyncSettings s = vm.submit().orElseThrow();
        assertEquals(SyncSettings.Mode.FOLDER, s.mode());
        assertEquals(60, s.intervalSeconds());
    }

    @Test
    void testConnection_failedStep_showsStepsAndSummary() {
        ConnectionCheck check = new ConnectionCheck(List.of(
                new ConnectionCheck.Step("Reach endpoint", true, "connected", null),
                new ConnectionCheck.Step("Sign in", false, "The access key was refused", SyncException.Reason.AUTH)));
        SettingsViewModel vm = vm(check);
        vm.modeProperty().set(SyncSettings.Mode.S3);
        vm.value("bucket").set("bucket");
        vm.value("region").set("us-east-1");
        vm.value("accessKey").set("AK");
        vm.value("secretKey").set("SK");
        vm.testConnection();
        assertEquals(2, vm.checkSteps().size());
        assertEquals("The check stopped at “Sign in”: see below.", vm.checkSummaryProperty().get());
        assertEquals("The access key was refused", vm.checkSteps().get(1).message(), "the failure, said once, on its step");
        assertFalse(vm.checkingProperty().get());
    }

    @Test
    void testConnection_invalidFields_doesNotCheck() {
        SettingsViewModel vm = vm(new ConnectionCheck(List.of()));
        vm.modeProperty().set(SyncSettings.Mode.S3);
        vm.testConnection();
        assertEquals("Fix the fields marked in red first.", vm.checkSummaryProperty().get());
        assertEquals(null, checkThread.get());
    }

    @Test
    void submit_webDavPasswordWithoutUser_showsErrorOnUser() {
        SettingsViewModel vm = vm(null);
        webDav(vm, "https://nas.local/dav/Tandem", "", "secret", "");
        assertTrue(vm.submit().isEmpty());
        assertEquals("Enter the user name that goes with the password.", vm.error("davUser").get());
        assertEquals("", vm.error("davUrl").get());
        vm.value("davUser").set("sam");
        assertEquals("", vm.error("davUser").get());
        assertEquals("sam", vm.submit().orElseThrow().dav().user());
    }

    @Test
    void touch_webDavBadCertificate_showsItsError() {
        SettingsViewModel vm = vm(null);
        webDav(vm, "https://nas.local/dav/Tandem", "", "", "not-a-fingerprint");
        assertFalse(vm.validProperty().get());
        assertEquals("", vm.error("davCertificate").get(), "not touched yet");
        vm.touch("davCertificate");
        assertTrue(vm.error("davCertificate").get().contains("64 hexadecimal digits"), vm.error("davCertificate").get());
    }

    @Test
    void load_settingsWithDav_fillsTheFourFields() {
        SettingsViewModel vm = vm(null);
        vm.load(SyncSettings.webDav(new SyncSettings.Dav("https://cloud.example.com/remote.php/dav/files/sam/Tandem",
                "sam", "app-password", FINGERPRINT), "", 60));
        assertEquals(SettingsViewModel.Target.WEBDAV, vm.targetProperty().get());
        assertEquals("https://cloud.example.com/remote.php/dav/files/sam/Tandem", vm.value("davUrl").get());
        assertEquals("sam", vm.value("davUser").get());
        assertEquals("app-password", vm.value("davPassword").get());
        assertEquals(FINGERPRINT, vm.value("davCertificate").get());
        assertTrue(vm.validProperty().get());
    }

    @Test
    void submit_invalidProxy_showsErrorUnderProxyAndBlocksSubmit() {
        SettingsViewModel vm = vm(null);
        webDav(vm, "https://nas.local/dav/Tandem", "", "", "");
        vm.value("proxy").set("socks5://proxy:1080");
        assertTrue(vm.submit().isEmpty());
        assertTrue(vm.error("proxy").get().startsWith("A proxy looks like http://host:port"), vm.error("proxy").get());
        vm.value("proxy").set("http://proxy:3128 x");
        assertTrue(vm.submit().isEmpty(), "blanks inside");
        vm.value("proxy").set("none");
        assertEquals("", vm.error("proxy").get());
        assertEquals("none", vm.submit().orElseThrow().proxy());
        vm.value("proxy").set("http://proxy:3128");
        assertEquals("http://proxy:3128", vm.submit().orElseThrow().proxy());
    }

    @Test
    void load_settingsWithProxy_fillsTheProxyField() {
        SettingsViewModel vm = vm(null);
        vm.load(SyncSettings.webDav(new SyncSettings.Dav("https://nas.local/dav/Tandem", "", "", ""), "", 60)
                .withProxy("http://u:p@proxy:3128"));
        assertEquals("http://u:p@proxy:3128", vm.value("proxy").get());
        assertEquals("http://u:p@proxy:3128", vm.settings().proxy());
    }

    @Test
    void deviceName_opened_startsWithTheCurrentNameAndNoError() {
        SettingsViewModel vm = named("sam-laptop");
        assertEquals("sam-laptop", vm.deviceNameProperty().get());
        assertEquals("", vm.error(SettingsViewModel.DEVICE_NAME).get());
        assertTrue(vm.deviceNameChange().isEmpty(), "an unchanged name is not applied");
        assertTrue(vm.requestSave());
    }

    @Test
    void deviceName_emptyOrTooLong_showsTheErrorAndBlocksSave() {
        for (String bad : List.of("", "   ", "x".repeat(65), "tab\there")) {
            SettingsViewModel vm = named("sam-laptop");
            vm.deviceNameProperty().set(bad);
            assertFalse(vm.requestSave(), "saved with the name '" + bad + "'");
            assertEquals("A name of 1 to 64 characters.", vm.error("deviceName").get());
            assertTrue(vm.deviceNameChange().isEmpty());
        }
    }

    @Test
    void deviceName_errorHiddenUntilTouched() {
        SettingsViewModel vm = named("sam-laptop");
        vm.deviceNameProperty().set("");
        assertEquals("", vm.error("deviceName").get());
        vm.touch("deviceName");
        assertEquals("A name of 1 to 64 characters.", vm.error("deviceName").get());
        vm.deviceNameProperty().set("x".repeat(64));
        assertEquals("", vm.error("deviceName").get());
        assertEquals(Optional.of("x".repeat(64)), vm.deviceNameChange());
    }

    @Test
    void syncSettingsFlow_validNewName_offersItStrippedToTheRenameCallbackAfterSaving() {
        Async async = Async.direct(e -> {
            throw new AssertionError(e);
        });
        FakeDialogs dialogs = new FakeDialogs();
        dialogs.settingsAnswer = SyncSettings.none();
        dialogs.deviceNameAnswer = "  Sam's laptop ";
        List<String> events = new ArrayList<>();
        SyncSettingsFlow flow = new SyncSettingsFlow(async, dialogs, SyncSettings::none,
                s -> events.add("saved " + s.mode()), s -> null, s -> null,
                () -> "sam-laptop", name -> events.add("renamed " + name), null, null);
        flow.open();
        assertEquals("sam-laptop", dialogs.deviceNameShown, "the field starts with the current name");
        assertEquals(List.of("saved NONE", "renamed Sam's laptop"), events);
        assertEquals(List.of("Settings saved: Sync is off. This device is now called Sam's laptop."),
                dialogs.notifications);
    }

    @Test
    void syncSettingsFlow_nameUnchangedOrInvalid_doesNotRename() {
        Async async = Async.direct(e -> {
            throw new AssertionError(e);
        });
        for (String answer : new String[] {null, "sam-laptop", "", "y".repeat(65)}) {
            FakeDialogs dialogs = new FakeDialogs();
            dialogs.settingsAnswer = SyncSettings.none();
            dialogs.deviceNameAnswer = answer;
            List<String> renamed = new ArrayList<>();
            new SyncSettingsFlow(async, dialogs, SyncSettings::none, s -> { }, s -> null, s -> null,
                    () -> "sam-laptop", renamed::add, null, null).open();
            assertEquals(List.of(), renamed, "answer " + answer);
        }
    }

    /** Inside Settings, for WebDAV: the hint names WebDAV's fields, not "bucket" or "access key", nor Settings. */
    @Test
    void testConnection_webDavNotFound_hintInTheSettingsOwnWords() {
        ConnectionCheck check = new ConnectionCheck(List.of(new ConnectionCheck.Step(ConnectionCheck.Step.Kind.LIST, false,
                "Cannot list keys in https://h/dav: the folder does not exist. " + SyncException.Reason.NOT_FOUND.hint(),
                SyncException.Reason.NOT_FOUND)));
        SettingsViewModel vm = vm(check);
        vm.modeProperty().set(SyncSettings.Mode.WEBDAV);
        vm.value("davUrl").set("https://h/dav");
        vm.value("davUser").set("sam");
        vm.testConnection();
        String m = vm.checkSteps().get(0).message();
        assertEquals("The folder, bucket or address was not found. Check the address: the folder must exist on the server.",
                m);
        assertFalse(m.contains("Settings"), m);
        assertEquals("Look inside", vm.checkSteps().get(0).name());
    }

    @Test
    void passphrase_repeatNotTypedYet_noMismatchUntilItIs() {
        SettingsViewModel vm = vm(PASSED);
        folder(vm, "/srv/sync");
        vm.value("passphrase").set("correct horse");
        vm.touch("passphrase");
        assertEquals("", vm.error("passphrase").get(), "the first field is still being typed");
        vm.passphraseRepeatProperty().set("correct");
        assertEquals("", vm.error("passphrase").get(), "the repeat is still being typed");
        vm.touch("passphraseRepeat");
        assertEquals("The two passphrases differ.", vm.error("passphrase").get(), "said on leaving the repeat");
        vm.passphraseRepeatProperty().set("correct horse");
        assertEquals("", vm.error("passphrase").get());
    }

    /** The summary names the step, the step says what failed and what to do: the failure is said once. */
    @Test
    void testConnection_wrongPassphrase_failureSaidOnce() {
        SettingsViewModel vm = vm(new ConnectionCheck(List.of(new ConnectionCheck.Step("List", false,
                "The passphrase does not match the one that encrypted this remote.",
                SyncException.Reason.WRONG_PASSPHRASE))));
        folder(vm, "/srv/sync");
        vm.value("passphrase").set("wrong one here");
        vm.passphraseRepeatProperty().set("wrong one here");
        vm.testConnection();
        List<String> shown = new ArrayList<>(List.of(vm.checkSummaryProperty().get(),
                vm.saveWarningProperty().get()));
        vm.checkSteps().forEach(st -> shown.add(st.message()));
        assertEquals(1, shown.stream().filter(t -> t.toLowerCase(Locale.ROOT).contains("passphrase")).count(),
                shown.toString());
        assertEquals("The check stopped at “List”: see below.", vm.checkSummaryProperty().get());
        assertFalse(vm.requestSave(), "Save still refuses a passphrase that does not open the remote");
    }

    @Test
    void offerKeys_formNamesAnotherRemote_keysNotOffered() {
        Async async = Async.direct(e -> {
            throw new AssertionError(e);
        });
        SyncSettings saved = SyncSettings.folder(Path.of("/srv/sync"), 1800).withPassphrase("correct horse");
        SettingsViewModel vm = new SettingsViewModel(saved, async, s -> PASSED);
        vm.offerKeys(() -> { });
        assertTrue(vm.keysAvailableProperty().get());
        vm.value("folder").set("/srv/other");
        assertFalse(vm.keysAvailableProperty().get(), "a remote not saved yet has no keys to manage here");
        vm.value("folder").set("/srv/sync");
        assertTrue(vm.keysAvailableProperty().get());
    }
}
