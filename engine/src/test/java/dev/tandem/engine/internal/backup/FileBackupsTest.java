package dev.tandem.engine.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.BackupException;
import dev.tandem.engine.BackupFile;
import dev.tandem.engine.Backups;
import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Fixtures.TodoList;
import dev.tandem.engine.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class FileBackupsTest {
    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();
    @TempDir
    Path dir;

    private Db open(Path file) {
        Db db = Db.open(file);
        db.migrate(Fixtures.MIGRATIONS);
        return db;
    }

    /** Enough text for several of the sealed format's 1 MiB chunks. */
    private static void fill(Db db, int items) {
        String notes = "x".repeat(1000);
        db.transaction(tx -> {
            for (int i = 0; i < items; i++) {
                tx.save(new Item("item-" + i, null, "title " + i, false, (long) i, notes));
            }
        });
    }

    @Test
    void write_whileAnotherThreadSaves_copyHoldsEveryCommitUpToOne() throws Exception {
        Path file = dir.resolve("profile.db");
        Path backup = dir.resolve("backups").resolve("b.tandembackup");
        Files.createDirectories(backup.getParent());
        try (Db db = open(file)) {
            fill(db, 2000);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger committed = new AtomicInteger();
            // Each commit saves a list and an item naming it: a copy holds both or neither.
            Thread writer = new Thread(() -> {
                for (int n = 0; !stop.get(); n++) {
                    int k = n;
                    db.transaction(tx -> {
                        tx.save(new TodoList("list-" + k, "list " + k));
                        tx.save(new Item("pair-" + k, "list-" + k, "pair " + k, false, null, null));
                    });
                    committed.set(n + 1);
                }
            });
            writer.start();
            Await.until("20 commits", () -> committed.get(), n -> n >= 20);
            int before = committed.get();
            BackupFile written = db.backups().write(backup, null);
            int after = committed.get();
            stop.set(true);
            writer.join();

            BackupFile unpacked = Backups.unpack(backup, null, dir.resolve("restored.db"));
            assertEquals(written.rows(), unpacked.rows());
            try (Db copy = Db.open(dir.resolve("restored.db"))) {
                Set<Integer> lists = new TreeSet<>();
                copy.query(TodoList.class, "SELECT * FROM list").forEach(l -> lists.add(Integer.parseInt(l.id().substring(5))));
                Set<Integer> pairs = new TreeSet<>();
                copy.query(Item.class, "SELECT * FROM item WHERE id LIKE 'pair-%'")
                        .forEach(i -> pairs.add(Integer.parseInt(i.id().substring(5))));
                assertEquals(lists, pairs, "a commit copied in part");
                int n = lists.size();
                assertTrue(n >= before && n <= after, n + " commits copied, not between " + before + " and " + after);
                assertEquals(n == 0 ? Set.of() : Set.copyOf(range(n)), lists, "commits copied are not the first n");
                assertEquals(2000 + n, copy.query(Item.class, "SELECT * FROM item").size());
            }
        }
    }

    @Test
    void write_encrypted_unpacksToTheSameRowsWithANewDeviceId() throws IOException {
        Path backup = dir.resolve("b.tandembackup");
        String original;
        try (Db db = open(dir.resolve("profile.db"))) {
            fill(db, 3000);
            original = db.deviceId();
            BackupFile written = db.backups().write(backup, PASSPHRASE);
            assertTrue(written.encrypted());
            assertEquals(3000, written.rows("item"));
        }
        assertTrue(Backups.isEncrypted(backup));
        assertFalse(new String(Files.readAllBytes(backup), java.nio.charset.StandardCharsets.ISO_8859_1).contains("title 1"));
        BackupFile unpacked = Backups.unpack(backup, PASSPHRASE, dir.resolve("new.db"));
        assertEquals(3000, unpacked.rows("item"));
        try (Db copy = Db.open(dir.resolve("new.db"))) {
            assertNotEquals(original, copy.deviceId());
            assertEquals("title 7", copy.get(Item.class, "item-7").orElseThrow().title());
        }
    }

    @Test
    void unpack_wrongPassphrase_failsNamingIt() throws IOException {
        Path backup = encryptedBackup();
        assertRefused(backup, "wrong".toCharArray(), BackupException.Reason.WRONG_PASSPHRASE);
    }

    @Test
    void unpack_noPassphrase_failsAskingForIt() throws IOException {
        Path backup = encryptedBackup();
        assertRefused(backup, null, BackupException.Reason.PASSPHRASE_REQUIRED);
    }

    @Test
    void unpack_cutAtAChunkBoundary_failsAsTruncated() throws IOException {
        Path backup = encryptedBackup();
        byte[] all = Files.readAllBytes(backup);
        int firstChunkEnd = SealedFile.HEADER_LENGTH + 16 + SealedFile.CHUNK + 16;
        assertTrue(all.length > firstChunkEnd + 16, "the backup has more than one chunk");
        Files.write(backup, java.util.Arrays.copyOf(all, firstChunkEnd));
        assertRefused(backup, PASSPHRASE, BackupException.Reason.TRUNCATED);
    }

    @Test
    void unpack_cutInsideAChunk_failsAsTruncated() throws IOException {
        Path backup = encryptedBackup();
        byte[] all = Files.readAllBytes(backup);
        Files.write(backup, java.util.Arrays.copyOf(all, all.length - 100));
        assertRefused(backup, PASSPHRASE, BackupException.Reason.TRUNCATED);
    }

    @Test
    void unpack_aByteAltered_failsAsDamaged() throws IOException {
        Path backup = encryptedBackup();
        byte[] all = Files.readAllBytes(backup);
        all[SealedFile.HEADER_LENGTH + 16 + 1000] ^= 1;
        Files.write(backup, all);
        assertRefused(backup, PASSPHRASE, BackupException.Reason.DAMAGED);
    }

    @Test
    void unpack_chunksSwapped_failsAsDamaged() throws IOException {
        Path backup = encryptedBackup();
        byte[] all = Files.readAllBytes(backup);
        int start = SealedFile.HEADER_LENGTH + 16;
        int chunk = SealedFile.CHUNK + 16;
        byte[] swapped = all.clone();
        System.arraycopy(all, start, swapped, start + chunk, chunk);
        System.arraycopy(all, start + chunk, swapped, start, chunk);
        Files.write(backup, swapped);
        assertRefused(backup, PASSPHRASE, BackupException.Reason.DAMAGED);
    }

    @Test
    void unpack_notABackup_failsSayingSo() throws IOException {
        Path other = Files.writeString(dir.resolve("notes.txt"), "hello, this is no backup at all");
        assertRefused(other, null, BackupException.Reason.NOT_A_BACKUP);
    }

    @Test
    void unpack_saltAltered_failsAsAWrongPassphraseWouldAndWritesNothing() throws IOException {
        Path backup = encryptedBackup();
        byte[] all = Files.readAllBytes(backup);
        all[SealedFile.HEADER_LENGTH - 10] ^= 1;
        Files.write(backup, all);
        assertRefused(backup, PASSPHRASE, BackupException.Reason.WRONG_PASSPHRASE);
    }

    @Test
    void backups_inMemoryDatabase_isRefused() {
        try (Db db = Db.openMemory()) {
            assertThrows(IllegalStateException.class, db::backups);
        }
    }

    @Test
    void write_targetExists_refusesAndKeepsIt() throws IOException {
        Path target = Files.writeString(dir.resolve("b.tandembackup"), "older");
        try (Db db = open(dir.resolve("profile.db"))) {
            assertThrows(IllegalArgumentException.class, () -> db.backups().write(target, null));
        }
        assertEquals("older", Files.readString(target));
    }

    @Test
    void write_plain_leavesOnlyTheTargetBehind() throws IOException {
        Path backups = Files.createDirectories(dir.resolve("backups"));
        try (Db db = open(dir.resolve("profile.db"))) {
            fill(db, 10);
            BackupFile b = db.backups().write(backups.resolve("b.db"), null);
            assertFalse(b.encrypted());
            assertEquals(b.bytes(), Files.size(backups.resolve("b.db")));
        }
        try (Stream<Path> files = Files.list(backups)) {
            assertEquals(List.of(backups.resolve("b.db")), files.toList());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().contains(".backup-")), "a copy left beside the database");
        }
    }

    /** Unpacking {@code backup} fails for {@code reason} and leaves no file behind. */
    private void assertRefused(Path backup, char[] passphrase, BackupException.Reason reason) {
        BackupException e = assertThrows(BackupException.class, () -> Backups.unpack(backup, passphrase, dir.resolve("new.db")));
        assertEquals(reason, e.reason(), e.getMessage());
        assertFalse(Files.exists(dir.resolve("new.db")));
    }

    private Path encryptedBackup() {
        Path backup = dir.resolve("b.tandembackup");
        try (Db db = open(dir.resolve("profile.db"))) {
            fill(db, 3000);
            db.backups().write(backup, PASSPHRASE);
        }
        return backup;
    }

    private static List<Integer> range(int n) {
        return java.util.stream.IntStream.range(0, n).boxed().toList();
    }
}
