package dev.tandem.app.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.engine.Backups;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class BackupServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-25T11:48:00Z");
    @TempDir
    Path tmp;
    private Path dataDir;
    private Path folder;
    private TodoStore store;
    private SettingsStore settings;

    @BeforeEach
    void open() throws IOException {
        dataDir = Files.createDirectories(tmp.resolve("work"));
        folder = tmp.resolve("backups");
        store = new TodoStore(Schema.database(dataDir.resolve("tandem.db")).build(), Clock.systemUTC());
        store.writeAll(tx -> tx.save(new Item(null, null, "Water plants", null, null, 0L, null, null, 1L)));
        settings = new SettingsStore(dataDir);
        settings.put(BackupService.FOLDER, folder.toString());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private BackupService service(Instant at) {
        return new BackupService(store, dataDir, settings, Clock.fixed(at, ZoneOffset.UTC), Map.of());
    }

    @Test
    void backupNow_writesADatedCheckedFileAndNoPartial() throws IOException {
        BackupService.Entry e = service(NOW).backupNow();
        assertEquals(folder.resolve("tandem-work-2026-11-25T1148-manual.tandembackup"), e.file());
        assertEquals(List.of(e.file()), files(folder));
        assertFalse(Backups.isEncrypted(e.file()));
        assertEquals(Files.size(e.file()), e.bytes());
        BackupStatus s = service(NOW).status();
        assertEquals(LocalDateTime.of(2026, 11, 25, 11, 48), s.lastTaken());
        assertEquals(e.bytes(), s.lastBytes());
        assertNull(s.failure());
    }

    @Test
    void backupNow_twiceInOneMinute_namesTheSecondApart() {
        BackupService backups = service(NOW);
        Path first = backups.backupNow().file();
        Path second = backups.backupNow().file();
        assertEquals("tandem-work-2026-11-25T1148-2-manual.tandembackup", second.getFileName().toString());
        // Both are of the last 24 hours: pruning keeps both, newest first.
        assertEquals(List.of(second, first), backups.list().stream().map(BackupService.Entry::file).toList());
    }

    @Test
    void backupNow_minutesAfterTheDailyBackup_keepsTheDailyOneThenAndWeeksLater() {
        Instant daily = Instant.parse("2026-11-26T00:39:00Z");
        service(daily).backupIfDue();
        Path good = service(daily).list().get(0).file();
        assertEquals("tandem-work-2026-11-26T0039.tandembackup", good.getFileName().toString());
        Path manual = service(daily.plus(Duration.ofMinutes(8))).backupNow().file();
        assertEquals("tandem-work-2026-11-26T0047-manual.tandembackup", manual.getFileName().toString());
        assertEquals(List.of(manual, good), service(daily.plus(Duration.ofMinutes(8))).list().stream()
                .map(BackupService.Entry::file).toList());
        for (int d = 1; d <= 60; d++) {
            service(daily.plus(Duration.ofDays(d))).backupIfDue();
            List<Path> left = service(daily.plus(Duration.ofDays(d))).list().stream().map(BackupService.Entry::file).toList();
            assertTrue(!left.contains(manual) || left.contains(good), "day " + d + ": the good copy went first: " + left);
            assertTrue(d > Retention.DAILY || left.contains(manual), "day " + d + ": " + left);
        }
    }

    @Test
    void backupNow_encryptedRemote_encryptsWithItsPassphrase() {
        settings.saveSync(SyncSettings.folder(tmp.resolve("remote"), 60).withPassphrase("river stone"));
        Path file = service(NOW).backupNow().file();
        assertTrue(Backups.isEncrypted(file));
        assertEquals(1, Backups.unpack(file, "river stone".toCharArray(), tmp.resolve("copy.db")).rows("items"));
    }

    @Test
    void prune_keepsThePromisedSetAndNeverTouchesOtherFiles() throws IOException {
        Files.createDirectories(folder);
        List<BackupName> made = new ArrayList<>();
        for (int d = 0; d < 60; d++) {
            BackupName n = new BackupName("work", LocalDateTime.of(2026, 11, 25, 9, 0).minusDays(d), 1);
            Files.writeString(folder.resolve(n.fileName()), "x");
            made.add(n);
        }
        Path partial = Files.writeString(folder.resolve("tandem-work-2026-01-01T0000.tandembackup.partial"), "x");
        Path other = Files.writeString(folder.resolve("tandem-otherprofile-2026-01-01T0000.tandembackup"), "x");
        Path mine = Files.writeString(folder.resolve("notes.txt"), "x");
        service(NOW).prune(folder);
        Set<String> kept = Retention.keep(made, LocalDateTime.ofInstant(NOW, ZoneOffset.UTC)).stream()
                .map(BackupName::fileName).collect(Collectors.toSet());
        assertEquals(Set.of(partial, other, mine), Set.copyOf(files(folder).stream()
                .filter(f -> !kept.contains(f.getFileName().toString())).toList()));
        assertEquals(kept.size(), service(NOW).list().size());
        assertTrue(kept.size() >= Retention.DAILY && kept.size() <= Retention.LAST + Retention.DAILY + Retention.WEEKLY
                + Retention.MONTHLY, kept.toString());
    }

    @Test
    void list_partialFile_isNoBackup() throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("tandem-work-2026-11-25T1100.tandembackup.partial"), "half");
        assertEquals(List.of(), service(NOW).list());
        assertTrue(service(NOW).due());
    }

    @Test
    void due_afterABackup_onlyOnceADayHasPassed() {
        assertTrue(service(NOW).due());
        service(NOW).backupNow();
        assertFalse(service(NOW.plus(Duration.ofHours(23))).due());
        assertTrue(service(NOW.plus(Duration.ofHours(24))).due());
        settings.put(BackupService.ENABLED, "false");
        assertFalse(service(NOW.plus(Duration.ofHours(48))).due());
    }

    @Test
    void backupNow_fails_saysWhyUntilOneSucceeds() throws IOException {
        Files.writeString(tmp.resolve("a-file"), "not a folder");
        BackupService backups = service(NOW);
        List<BackupStatus> heard = new ArrayList<>();
        backups.addListener(heard::add);
        assertThrows(RuntimeException.class, () -> backups.backupNow(tmp.resolve("a-file")));
        BackupStatus failed = service(NOW).status();
        assertNotNull(failed.failure(), "a new service (the app started again) still says it");
        assertTrue(failed.failing());
        assertTrue(heard.get(heard.size() - 1).failing(), "listeners heard of the failure");
        service(NOW).backupIfDue();
        assertNull(service(NOW).status().failure());
    }

    @Test
    void setFolder_insideTheDataDir_isRefused() {
        BackupService backups = service(NOW);
        assertThrows(IllegalArgumentException.class, () -> backups.setFolder(dataDir.resolve("backups")));
        assertThrows(IllegalArgumentException.class, () -> backups.setFolder(dataDir));
        assertThrows(IllegalArgumentException.class, () -> backups.backupNow(dataDir.resolve("b")));
        backups.setFolder(tmp.resolve("elsewhere"));
        assertEquals(tmp.resolve("elsewhere"), backups.folder());
    }

    @Test
    void platformDefault_followsTheDocumentsFolderOfEachPlatform() throws IOException {
        assertEquals(Path.of("/home/u/Docs/Tandem backups"),
                BackupFolder.platformDefault("Linux", Map.of("XDG_DOCUMENTS_DIR", "/home/u/Docs"), "/home/u"));
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".config/user-dirs.dirs"), "XDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n");
        assertEquals(home.resolve("Dokumente/Tandem backups"), BackupFolder.platformDefault("Linux", Map.of(), home.toString()));
        assertEquals(Path.of("/Users/u/Documents/Tandem backups"), BackupFolder.platformDefault("Mac OS X", Map.of(), "/Users/u"));
        assertEquals(Path.of("/x/Documents/Tandem backups"), BackupFolder.platformDefault("Windows 11", Map.of(), "/x"));
    }

    @Test
    void parse_nameItWrote_readsTheSame() {
        BackupName n = new BackupName("my-laptop_2", LocalDateTime.of(2026, 3, 9, 7, 5), 3);
        assertEquals(n, BackupName.parse(n.fileName()).orElseThrow());
        BackupName manual = new BackupName("my-laptop_2", LocalDateTime.of(2026, 3, 9, 7, 5), 1, true);
        assertEquals(manual, BackupName.parse(manual.fileName()).orElseThrow());
        assertTrue(BackupName.parse(n.fileName() + ".partial").isEmpty());
        assertEquals("a-b", BackupName.profileOf(Path.of("/x/A b")));
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
