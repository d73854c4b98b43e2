package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.TodoList;
import dev.tandem.engine.testing.ForgedRemote;
import dev.tandem.engine.testing.Remotes;
import dev.tandem.engine.testing.S3ProxyServer;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Hostile objects that only some backends can hold: links, pipes and huge files in a shared folder,
 * half-written temp files and sync clients' conflicted copies, an object encrypted under another
 * key, a damaged object on S3. Each is set aside by name or ignored, and never read as data.
 */
@Tag("server")
class HostileFolderRemoteTest {
    @TempDir
    Path dir;
    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    Db device() {
        Db db = Db.openMemory();
        db.migrate(Fixtures.MIGRATIONS);
        open.add(db);
        return db;
    }

    Path folder() throws Exception {
        return Files.createDirectories(dir.resolve("Dropbox/Tandem"));
    }

    static List<TodoList> lists(Db db) {
        return db.query(TodoList.class, "SELECT * FROM list ORDER BY id");
    }

    @Test
    void sync_folderBatchIsASymbolicLink_setAsideAndNotFollowed() throws Exception {
        Path root = folder();
        SyncStorage storage = SyncStorage.folder(root);
        ForgedRemote other = new ForgedRemote(storage);
        Path outside = Files.createDirectories(dir.resolve("outside"));
        // Even a perfectly valid batch behind the link is not read: the link could point anywhere.
        Files.write(outside.resolve("valid"), other.encode(1, other.change("list", "smuggled", "name", "via link")));
        Path key = root.resolve(other.batchKey(1));
        Files.createDirectories(key.getParent());
        Files.createSymbolicLink(key, outside.resolve("valid"));
        other.batch(2, other.change("list", "real", "name", "Real"));
        other.head(2);
        Db b = device();
        SyncReport r = SyncEngine.builder().folder(root).build().sync(b);
        assertEquals(1, r.skipped(), r.toString());
        assertTrue(r.warnings().get(0).contains(other.batchKey(1)) && r.warnings().get(0).contains("symbolic link"),
                r.warnings().toString());
        assertEquals(List.of(new TodoList("real", "Real")), lists(b));
    }

    @Test
    void sync_folderDeviceDirectoryIsALink_everyBatchSetAsideNothingRead() throws Exception {
        Path root = folder();
        UUID device = UUID.randomUUID();
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        ForgedRemote planted = new ForgedRemote(SyncStorage.folder(outside), device);
        planted.batch(1, planted.change("list", "smuggled", "name", "via a linked folder"));
        Files.createDirectories(root.resolve("batches"));
        Files.createSymbolicLink(root.resolve("batches/" + device), outside.resolve(ForgedRemote.batchKey(device, 1)).getParent());
        new ForgedRemote(SyncStorage.folder(root), device).head(1);
        Db b = device();
        SyncReport r = SyncEngine.builder().folder(root).build().sync(b);
        assertEquals(1, r.skipped(), r.toString());
        assertTrue(lists(b).isEmpty());
    }

    @Test
    void sync_folderBatchIsANamedPipe_setAsideWithoutHanging() throws Exception {
        Path root = folder();
        SyncStorage storage = SyncStorage.folder(root);
        ForgedRemote other = new ForgedRemote(storage);
        other.batch(2, other.change("list", "after", "name", "After"));
        other.head(2);
        Path pipe = root.resolve(other.batchKey(1));
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        Db b = device();
        SyncEngine engine = SyncEngine.builder().folder(root).build();
        SyncReport r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> engine.sync(b),
                "opening a pipe with no writer would block forever");
        assertEquals(1, r.skipped(), r.toString());
        assertEquals(List.of(new TodoList("after", "After")), lists(b));
    }

    @Test
    void sync_folderBatchIsHuge_setAsideWithoutReadingIt() throws Exception {
        Path root = folder();
        ForgedRemote other = new ForgedRemote(SyncStorage.folder(root));
        Path huge = root.resolve(other.batchKey(1));
        Files.createDirectories(huge.getParent());
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(5L << 30); // sparse: 5 GiB claimed, nothing on disk
        }
        other.head(1);
        Db b = device();
        SyncReport r = SyncEngine.builder().folder(root).build().sync(b);
        assertEquals(1, r.skipped(), r.toString());
        assertTrue(r.warnings().get(0).contains("more than any Tandem object"), r.warnings().toString());
        assertTrue(r.bytesDown() < 10_000, "nothing of it was read: " + r.bytesDown());
    }

    @Test
    void sync_folderWithTempFilesConflictedCopiesAndTraversalNames_neverReadsThemAsData() throws Exception {
        Path root = folder();
        SyncStorage storage = SyncStorage.folder(root);
        ForgedRemote other = new ForgedRemote(storage);
        other.batch(1, other.change("list", "one", "name", "One"));
        other.head(1);
        byte[] later = other.encode(2, other.change("list", "two", "name", "Two"));
        Path deviceDir = root.resolve(other.batchKey(1)).getParent();
        // What a crash mid-write leaves (half a batch in a temp file), and what Dropbox and
        // Syncthing leave when two machines write one name: none of it is an object.
        Files.write(deviceDir.resolve(".tmp-0123456789abcdef01234567"), Arrays.copyOf(later, later.length / 2));
        Files.write(deviceDir.resolve("000000000002 (conflicted copy 2026-11-22)"), later);
        Files.write(deviceDir.resolve("000000000002.sync-conflict-20261122-101010-ABCDEFG"), later);
        Path heads = root.resolve(ForgedRemote.headKey(other.device, 1)).getParent();
        Files.write(heads.resolve("000000000002 (conflicted copy 2026-11-22)"), new byte[0]);
        Files.write(heads.resolve(".tmp-feedfacefeedfacefeedface"), new byte[0]);
        Files.createDirectories(root.resolve("heads/not-a-device"));
        Files.write(root.resolve("heads/not-a-device/000000000009"), new byte[0]);
        // Names that would read as path traversal if anything built a path from them: ignored.
        Files.createDirectories(root.resolve("heads/..%2F..%2Fetc"));
        Files.write(root.resolve("heads/..%2F..%2Fetc/000000000001"), later);
        Files.write(heads.resolve("..000000000003"), later);
        Files.createDirectories(root.resolve("batches/.." + other.device));
        Files.write(root.resolve("batches/.." + other.device + "/000000000002"), later);
        Db b = device();
        SyncReport r = SyncEngine.builder().folder(root).build().sync(b);
        assertEquals(0, r.skipped(), r.toString());
        assertEquals(List.of(new TodoList("one", "One")), lists(b));
        assertEquals(List.of(other.batchKey(1)), Remotes.names(storage, "batches/"));
    }

    @Test
    void sync_objectEncryptedUnderAnotherPassphrase_setAsideNamingIt() {
        SyncStorage shared = SyncStorage.memory();
        SyncStorage mine = SyncStorage.encrypted(shared, "correct horse");
        SyncStorage foreignRaw = SyncStorage.memory();
        ForgedRemote other = new ForgedRemote(mine);
        // The remote's devices set up encryption before any batch exists, as real ones do: a passphrase
        // on a remote that already holds batches but no descriptor is refused.
        mine.list("heads/", null, 1);
        ForgedRemote impostor = new ForgedRemote(SyncStorage.encrypted(foreignRaw, "battery staple"), other.device);
        impostor.batch(1, impostor.change("list", "forged", "name", "Forged"));
        shared.createIfAbsent(other.batchKey(1), foreignRaw.get(other.batchKey(1)).orElseThrow());
        other.batch(2, other.change("list", "genuine", "name", "Genuine"));
        other.head(2);
        Db b = device();
        SyncReport r = SyncEngine.builder().storage(shared).encrypted("correct horse").build().sync(b);
        assertEquals(1, r.skipped(), r.toString());
        assertTrue(r.warnings().get(0).contains(other.batchKey(1)), r.warnings().toString());
        assertEquals(List.of(new TodoList("genuine", "Genuine")), lists(b));
    }

    @Test
    void sync_s3ObjectDamaged_setAsideAndRestMerges() {
        S3ProxyServer s3 = S3ProxyServer.shared();
        String bucket = s3.newBucket();
        SyncStorage storage = SyncStorage.s3(s3.settings(bucket));
        open.add(storage);
        ForgedRemote other = new ForgedRemote(storage);
        byte[] good = other.encode(1, other.change("list", "one", "name", "One"));
        good[good.length / 2] ^= 1;
        try (S3Client raw = s3.newClient()) {
            raw.putObject(p -> p.bucket(bucket).key(other.batchKey(1)), RequestBody.fromBytes(good));
        }
        other.batch(2, other.change("list", "two", "name", "Two"));
        other.head(2);
        Db b = device();
        SyncEngine engine = SyncEngine.builder().s3(s3.endpoint(), bucket, s3.region(), s3.identity(), s3.credential()).build();
        open.add(engine);
        SyncReport r = engine.sync(b);
        assertEquals(1, r.skipped(), r.toString());
        assertTrue(r.warnings().get(0).contains("checksum"), r.warnings().toString());
        assertEquals(List.of(new TodoList("two", "Two")), lists(b));
    }
}
