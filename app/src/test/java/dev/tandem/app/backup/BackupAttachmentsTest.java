package dev.tandem.app.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.backup.BackupFiles;
import dev.tandem.app.model.backup.BackupRestore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.engine.Db;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup keeps the attached files' bytes beside it, and both kinds of restore bring them back. */
@Tag("unit")
class BackupAttachmentsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T11:48:00Z");
    @TempDir
    Path tmp;
    private Path dataDir;
    private Path folder;
    private TodoStore store;
    private SettingsStore settings;
    private final byte[] pdf = new byte[200_000];
    private Attachment attached;

    @BeforeEach
    void open() {
        new Random(1).nextBytes(pdf);
        dataDir = tmp.resolve("work");
        folder = tmp.resolve("backups");
        store = profile(dataDir);
        Item it = store.writeAll(tx -> tx.save(new Item(null, null, "Lease", null, null, 0L, null, null, 1L)));
        attached = store.attachments().add(it.id(), new ByteArrayInputStream(pdf), "lease.pdf",
                null, Long.MAX_VALUE);
        settings = new SettingsStore(dataDir);
        settings.put(BackupService.FOLDER, folder.toString());
    }

    private static TodoStore profile(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TodoStore(Schema.database(dir.resolve("tandem.db")).build(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private BackupService service() {
        return new BackupService(store, dataDir, settings, Clock.fixed(NOW, ZoneOffset.UTC), Map.of());
    }

    @Test
    void backupNow_profileWithAFile_copiesItsBytesBesideTheBackupOnce() throws IOException {
        service().backupNow();
        Path copy = folder.resolve(BackupRestore.FILES_FOLDER).resolve(attached.blob());
        assertArrayEquals(pdf, Files.readAllBytes(copy));
        long modified = Files.getLastModifiedTime(copy).toMillis();

        new BackupService(store, dataDir, settings, Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC), Map.of())
                .backupNow();

        assertEquals(modified, Files.getLastModifiedTime(copy).toMillis(), "a file backed up before is not copied again");
        try (var files = Files.list(folder.resolve(BackupRestore.FILES_FOLDER))) {
            assertEquals(1, files.count(), "no temporary file is left");
        }
    }

    @Test
    void restore_intoAProfileWithoutTheFile_bringsRowAndBytesBack() throws IOException {
        Path backup = service().backupNow().file();
        Path other = tmp.resolve("other");
        try (TodoStore b = profile(other)) {
            BackupRestore restore = BackupRestore.read(backup, null, other);

            restore.apply(b);

            AttachmentStore files = b.attachments();
            Attachment back = files.get(attached.id()).orElseThrow();
            assertEquals(attached, back);
            assertArrayEquals(pdf, Files.readAllBytes(files.file(back).orElseThrow()));
        }
    }

    @Test
    void intoNewProfile_plainBackup_newProfileHasTheBytes() throws IOException {
        Path backup = service().backupNow().file();
        Path fresh = tmp.resolve("fresh");

        BackupService.intoNewProfile(backup, null, fresh, "tandem.db");

        try (Db db = Schema.database(fresh.resolve("tandem.db")).build()) {
            assertArrayEquals(pdf, Files.readAllBytes(db.blobs().file(attached.blob()).orElseThrow()));
        }
    }

    @Test
    void backupNow_encryptedBackup_sealsTheBytesAndKeepsNoPlaintext() throws IOException {
        settings.saveSync(SyncSettings.folder(tmp.resolve("remote"), 60).withPassphrase("river stone"));

        service().backupNow();

        assertFalse(Files.exists(folder.resolve(BackupRestore.FILES_FOLDER)), "no plain copy beside an encrypted backup");
        List<Path> sealed;
        try (var all = Files.walk(folder.resolve(BackupFiles.SEALED))) {
            sealed = all.filter(Files::isRegularFile).toList();
        }
        assertEquals(2, sealed.size(), "the key and one sealed file: " + sealed);
        for (Path p : sealed) {
            assertFalse(p.toString().contains(attached.blob()), "a name reveals the file's hash");
            assertFalse(Collections.indexOfSubList(toList(Files.readAllBytes(p)),
                    toList(Arrays.copyOf(pdf, 64))) >= 0, "plaintext in " + p);
        }
    }

    @Test
    void intoNewProfile_encryptedBackupWithItsPassphrase_newProfileHasTheBytes() throws IOException {
        settings.saveSync(SyncSettings.folder(tmp.resolve("remote"), 60).withPassphrase("river stone"));
        Path backup = service().backupNow().file();
        Path fresh = tmp.resolve("fresh");

        BackupService.intoNewProfile(backup, "river stone".toCharArray(), fresh, "tandem.db");

        try (Db db = Schema.database(fresh.resolve("tandem.db")).build()) {
            assertArrayEquals(pdf, Files.readAllBytes(db.blobs().file(attached.blob()).orElseThrow()));
        }
    }

    @Test
    void restore_encryptedBackupIntoAProfileWithoutTheFile_bringsRowAndBytesBack() throws IOException {
        settings.saveSync(SyncSettings.folder(tmp.resolve("remote"), 60).withPassphrase("river stone"));
        Path backup = service().backupNow().file();
        Path other = tmp.resolve("other");
        try (TodoStore b = profile(other)) {
            BackupRestore.read(backup, "river stone".toCharArray(), other).apply(b);

            AttachmentStore files = b.attachments();
            assertArrayEquals(pdf, Files.readAllBytes(files.file(files.get(attached.id()).orElseThrow()).orElseThrow()));
        }
        try (var left = Files.list(other)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().contains("-restore-")), "no plaintext copy left");
        }
    }

    private static List<Byte> toList(byte[] bytes) {
        List<Byte> out = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            out.add(b);
        }
        return out;
    }
}
