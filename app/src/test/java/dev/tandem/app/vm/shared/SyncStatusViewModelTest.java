package dev.tandem.app.vm.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.sync.SyncStatus;
import dev.tandem.app.sync.SyncWords;
import dev.tandem.engine.sync.SetAside;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SyncStatusViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final SyncStatusViewModel vm = new SyncStatusViewModel(null, Runnable::run, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void english() {
        Messages.use(Language.ENGLISH);
    }

    /**
     * A folder remote's folder gone (a drive not connected): an ordinary state, as being offline, said in
     * German with what to do, where, and that Tandem tries again by itself.
     */
    @Test
    void update_folderMissingInGerman_calmSaysConnectItAndThatItRetries() {
        Messages.use(Language.GERMAN);
        SyncException.Reason r = SyncException.Reason.NOT_FOUND;
        SyncException.Diagnosis d = SyncException.Diagnosis.FOLDER_MISSING;
        vm.update(new SyncStatus(SyncStatus.State.ERROR, "folder:/media/usb/Tandem", NOW.minusSeconds(120), 1, null, -1,
                "Cannot list keys under 'keys/': the sync folder /media/usb/Tandem does not exist", SyncWords.hint(r, d),
                r, null, null, 1, List.of(), null, d));
        assertEquals("Sync-Ordner fehlt", vm.headlineProperty().get());
        assertEquals("1 Änderung auf diesem Gerät gespeichert, sie wird synchronisiert, sobald der Sync-Ordner wieder da"
                + " ist · zuletzt synchronisiert vor 2 Min.", vm.detailProperty().get());
        assertEquals("", vm.errorProperty().get(), "no red text for a drive that is not connected");
        assertEquals(SyncStatusViewModel.Indicator.OFFLINE, vm.indicatorProperty().get());
        assertEquals("Der Sync-Ordner ist nicht da.\nSpeicherort: folder:/media/usb/Tandem\n\nLiegt er auf einem"
                + " USB-Laufwerk oder einer Netzwerkfreigabe, schließ das Laufwerk an oder binde die Freigabe ein; die"
                + " Synchronisierung läuft von selbst weiter, sobald er wieder da ist. Wurde er verschoben, wähle ihn in den"
                + " Einstellungen neu.\n\n"
                + "Tandem versucht es von selbst erneut.", vm.detailsProperty().get());
    }

    /** A failure a retry cannot fix says so, in French, with what to do instead. */
    @Test
    void update_signInRefusedInFrench_saysRetryingWillNotHelp() {
        Messages.use(Language.FRENCH);
        SyncException.Reason r = SyncException.Reason.AUTH;
        vm.update(new SyncStatus(SyncStatus.State.ERROR, "s3://b/p", null, 0, null, -1, "Access denied",
                SyncWords.hint(r, SyncException.Diagnosis.NONE), r, null, null, 1, List.of()));
        String details = vm.detailsProperty().get();
        assertTrue(details.startsWith("L’emplacement a refusé les identifiants.\nEmplacement\u00a0: s3://b/p\n\n"
                + "Vérifiez les identifiants"), details);
        assertTrue(details.endsWith("\n\nRéessayer n’aidera pas tant que ce n’est pas corrigé."), details);
        assertFalse(details.contains("Access denied") || details.contains("Tandem"), details);
    }

    @Test
    void update_off_saysOffline() {
        vm.update(SyncStatus.off());
        assertEquals("Sync off", vm.headlineProperty().get());
        assertEquals("Working offline. Set up sync in Settings.", vm.detailProperty().get());
    }

    @Test
    void update_idleWithPending_saysWhenAndWaiting() {
        vm.update(new SyncStatus(SyncStatus.State.IDLE, "folder", NOW.minusSeconds(180), 3, null, -1, null, null, null, null, null, 0, List.of()));
        assertEquals("Synced", vm.headlineProperty().get());
        assertEquals("3 min ago · 3 changes waiting", vm.detailProperty().get());
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void update_error_showsMessageAndHint() {
        vm.update(new SyncStatus(SyncStatus.State.ERROR, "s3", null, 1, null, -1, "Access denied",
                SyncException.Reason.AUTH.hint(), SyncException.Reason.AUTH, null, null, 1, List.of()));
        assertEquals("Sync failed", vm.headlineProperty().get());
        assertEquals("The remote refused the sign-in details. Check the sign-in details in Settings (user name and"
                + " password, or access key and secret key).", vm.errorProperty().get());
        assertEquals("1 change waiting", vm.detailProperty().get());
        assertTrue(vm.detailsProperty().get().startsWith("The remote refused the sign-in details.\nRemote: s3\n\nCheck the"
                + " sign-in"), vm.detailsProperty().get());
        assertFalse(vm.detailsProperty().get().contains("Access denied") || vm.detailsProperty().get().contains("AUTH"),
                "the engine's words and codes stay in the log: " + vm.detailsProperty().get());
    }

    @Test
    void update_offline_calmWithoutErrorButWithDetails() {
        SyncException.Reason r = SyncException.Reason.UNREACHABLE;
        String cause = "Cannot list keys under 'heads/' in s3://host/b: cannot connect (Connection refused)";
        vm.update(new SyncStatus(SyncStatus.State.ERROR, "s3", NOW.minusSeconds(300), 3, null, -1, cause, r.hint(), r,
                null, null, 3, List.of()));
        assertEquals("Offline", vm.headlineProperty().get());
        assertEquals("3 changes saved on this device, they sync when the connection is back · last synced 5 min ago",
                vm.detailProperty().get());
        assertEquals("", vm.errorProperty().get(), "no red text for an ordinary state");
        assertEquals(SyncStatusViewModel.Indicator.OFFLINE, vm.indicatorProperty().get());
        assertTrue(vm.detailsProperty().get().startsWith("The remote cannot be reached.\nRemote: s3"),
                vm.detailsProperty().get());
        assertFalse(vm.detailsProperty().get().contains(cause), vm.detailsProperty().get());
        assertTrue(vm.detailsProperty().get().contains("Tandem tries again by itself"), vm.detailsProperty().get());
    }

    @Test
    void update_loginPage_namesTheWifiLogInCalmly() {
        SyncException e = new SyncException(SyncException.Reason.UNREACHABLE, SyncException.Diagnosis.LOGIN_PAGE,
                "Cannot list keys under 'heads/' in s3://host/b: the server answered with a web page instead of S3", null);
        vm.update(new SyncStatus(SyncStatus.State.ERROR, "s3", NOW.minusSeconds(60), 2, null, -1, e.getMessage(), e.hint(),
                e.reason(), null, null, 1, List.of(), null, e.diagnosis()));
        assertEquals("Wi-Fi log-in needed", vm.headlineProperty().get());
        assertTrue(vm.detailProperty().get().startsWith("2 changes saved on this device, they sync once you have signed in"),
                vm.detailProperty().get());
        assertEquals("", vm.errorProperty().get(), "an ordinary state, no red text");
        assertEquals(SyncStatusViewModel.Indicator.OFFLINE, vm.indicatorProperty().get());
        assertTrue(vm.detailsProperty().get().contains("sign in to this network"), vm.detailsProperty().get());
    }

    @Test
    void update_serverBusyNothingWaiting_saysEverythingIsSaved() {
        SyncException.Reason r = SyncException.Reason.REMOTE_BUSY;
        vm.update(new SyncStatus(SyncStatus.State.ERROR, "s3", null, 0, null, -1, "SlowDown, HTTP 503", r.hint(), r,
                null, null, 1, List.of()));
        assertEquals("Server busy", vm.headlineProperty().get());
        assertEquals("Everything is saved on this device", vm.detailProperty().get());
        assertEquals("", vm.errorProperty().get());
        vm.update(new SyncStatus(SyncStatus.State.IDLE, "s3", NOW, 0, null, -1, null, null, null, null, null, 0, List.of()));
        assertEquals("", vm.detailsProperty().get(), "details go with the failure");
    }

    @Test
    void update_syncingWithProgress_exposesIt() {
        vm.update(new SyncStatus(SyncStatus.State.SYNCING, "s3", null, 0, "pull", 0.25, null, null, null, null, null, 0, List.of()));
        assertEquals("Syncing… receiving", vm.headlineProperty().get());
        assertEquals(0.25, vm.progressProperty().get());
    }

    @Test
    void update_catchingUpFromSnapshot_saysSo() {
        vm.update(new SyncStatus(SyncStatus.State.SYNCING, "s3", null, 0, "snapshot", 0.0, null, null, null, null, null, 0, List.of()));
        assertEquals("Syncing… catching up", vm.headlineProperty().get());
    }

    @Test
    void update_waitingForAnotherSyncOfTheProfile_saysSo() {
        vm.update(new SyncStatus(SyncStatus.State.SYNCING, "s3", null, 0, "wait", -1, null, null, null, null, null, 0, List.of()));
        assertEquals("Syncing… waiting for another Tandem on this profile", vm.headlineProperty().get());
    }

    @Test
    void update_germanAndFrench_pluralsOfTheLanguage() {
        try {
            Messages.use(Language.GERMAN);
            vm.update(new SyncStatus(SyncStatus.State.IDLE, "folder", NOW.minusSeconds(180), 1, null, -1, null, null, null, null, null, 0, List.of()));
            assertEquals("Synchronisiert", vm.headlineProperty().get());
            assertEquals("vor 3 Min. · 1 Änderung wartet", vm.detailProperty().get());
            vm.update(new SyncStatus(SyncStatus.State.IDLE, "folder", NOW.minusSeconds(2 * 86400), 2, null, -1, null, null, null, null, null, 0, List.of()));
            assertEquals("vor 2 Tagen · 2 Änderungen warten", vm.detailProperty().get());
            Messages.use(Language.FRENCH);
            vm.update(new SyncStatus(SyncStatus.State.IDLE, "folder", NOW.minusSeconds(180), 1, null, -1, null, null, null, null, null, 0, List.of()));
            assertEquals("il y a 3 min · 1 modification en attente", vm.detailProperty().get());
        } finally {
            Messages.use(Language.ENGLISH);
        }
    }

    @Test
    void ago_ranges_readNaturally() {
        assertEquals("just now", SyncStatusViewModel.ago(NOW, NOW));
        assertEquals("42 s ago", SyncStatusViewModel.ago(NOW.minusSeconds(42), NOW));
        assertEquals("2 h ago", SyncStatusViewModel.ago(NOW.minusSeconds(7300), NOW));
        assertEquals("1 day ago", SyncStatusViewModel.ago(NOW.minusSeconds(90000), NOW));
    }

    @Test
    void update_objectsUnread_saysSoUntilTheyRead() {
        SetAside rotten = new SetAside("batches/d/000000000003", "checksum mismatch", NOW.minusSeconds(600), 2);
        vm.update(new SyncStatus(SyncStatus.State.IDLE, "folder", NOW.minusSeconds(10), 0, null, -1, null, null, null,
                null, null, 0, List.of(rotten)));
        assertEquals("Synced with problems", vm.headlineProperty().get(), "never plain Synced while something is unread");
        assertEquals("10 s ago · 1 remote object unread", vm.detailProperty().get());
        assertTrue(vm.warningProperty().get().contains("Test connection"), vm.warningProperty().get());
        assertEquals("batches/d/000000000003 — checksum mismatch (first failed 10 min ago, 2 tries)",
                vm.warningDetailsProperty().get());
        vm.update(new SyncStatus(SyncStatus.State.IDLE, "folder", NOW, 0, null, -1, null, null, null, null, null, 0,
                List.of()));
        assertEquals("Synced", vm.headlineProperty().get());
        assertEquals("", vm.warningProperty().get());
    }

    @Test
    void update_syncingWhileObjectsUnread_keepsTheWarning() {
        SetAside rotten = new SetAside("batches/d/000000000003", "damaged", NOW, 1);
        vm.update(new SyncStatus(SyncStatus.State.SYNCING, "folder", NOW, 0, "pull", -1, null, null, null, null, null, 0,
                List.of(rotten)));
        assertTrue(!vm.warningProperty().get().isEmpty(), "the warning lasts through the next sync");
    }

    @Test
    void update_newDeviceId_noticeUntilTheNextSync() {
        vm.update(new SyncStatus(SyncStatus.State.IDLE, "folder", NOW, 0, null, -1, null, null, null, null, null, 0,
                List.of(), "0190aaaa-0000-7000-8000-000000000001"));
        assertEquals(SyncStatusViewModel.newDeviceIdNotice(), vm.noticeProperty().get());
        assertEquals("Synced", vm.headlineProperty().get(), "nothing is missing: a notice, not a warning");
        assertEquals(SyncStatusViewModel.Indicator.OK, vm.indicatorProperty().get());
        vm.update(new SyncStatus(SyncStatus.State.IDLE, "folder", NOW, 0, null, -1, null, null, null, null, null, 0,
                List.of()));
        assertEquals("", vm.noticeProperty().get());
    }

    @Test
    void update_passphraseRequired_showsMessageAndHint() {
        SyncException.Reason r = SyncException.Reason.PASSPHRASE_REQUIRED;
        vm.update(new SyncStatus(SyncStatus.State.ERROR, "folder:/srv/t", null, 2, null, -1,
                "folder:/srv/t is encrypted, and this device has no passphrase set for it", r.hint(), r, null, null, 1,
                List.of()));
        assertEquals("Sync failed", vm.headlineProperty().get());
        assertEquals("This remote is encrypted and needs its passphrase. " + r.hint(), vm.errorProperty().get());
        assertTrue(vm.detailsProperty().get().startsWith("This remote is encrypted and needs its passphrase.\n"
                + "Remote: folder:/srv/t"), vm.detailsProperty().get());
        assertTrue(vm.errorProperty().get().contains("Enter the passphrase the other devices use"));
        assertEquals(SyncStatusViewModel.Indicator.ERROR, vm.indicatorProperty().get());
    }

    @Test
    void update_failedWhileObjectsUnread_keepsCountingThem() {
        SetAside rotten = new SetAside("batches/d/000000000003", "damaged", NOW, 1);
        vm.update(new SyncStatus(SyncStatus.State.ERROR, "folder", NOW, 0, null, -1, "unreachable", "retry", null, null,
                null, 1, List.of(rotten)));
        assertEquals("Sync failed", vm.headlineProperty().get());
        assertTrue(vm.detailProperty().get().contains("1 remote object unread"), vm.detailProperty().get());
    }
}
