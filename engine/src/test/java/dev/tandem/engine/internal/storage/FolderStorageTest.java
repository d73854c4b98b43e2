package dev.tandem.engine.internal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.testing.Await;
import dev.tandem.engine.testing.GeneratedBody;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a real directory, plus what a shared folder throws at us. */
@Tag("unit")
class FolderStorageTest extends SyncStorageContract {
    @TempDir
    Path temp;
    private Path dir;

    @Override
    protected SyncStorage newStorage() throws IOException {
        dir = Files.createDirectory(temp.resolve("sync"));
        return new FolderStorage(dir);
    }

    @Test
    void createIfAbsent_name_isAFileAtThatPathAndNoTempFileRemains() throws IOException {
        storage.createIfAbsent("devices/alice/head", bytes("v"));
        assertArrayEquals(bytes("v"), Files.readAllBytes(dir.resolve("devices/alice/head")));
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList());
        }
    }

    @Test
    void list_tempHiddenAndConflictedCopies_areIgnored() throws IOException {
        storage.createIfAbsent("notes/1", bytes("real"));
        write("notes/.tmp-4f2a9c", "half written");
        write("notes/.hidden", "x");
        write("notes/1 (Alice's conflicted copy 2024-01-01)", "dropbox");
        write("notes/1 (conflicted copy 2024-01-01 120000)", "dropbox, older style");
        write("notes/1.sync-conflict-20240101-120000-ABCDEFG", "syncthing");
        write(".stfolder/marker", "syncthing folder marker");
        write(".dropbox.cache/notes/2", "cache");
        write("Icon\r", "macOS");
        assertEquals(List.of("notes/1"), storage.list("", null, 100));
        assertEquals(List.of("notes/1"), storage.list("notes/", null, 100));
    }

    @Test
    void createIfAbsentStreamed_failingBodies_leaveNoFileAtAll() throws IOException {
        int size = 200_003;
        List<GeneratedBody> bad = List.of(GeneratedBody.of(size, 1).declaring(size + 1),
                GeneratedBody.of(size, 2).declaring(size - 1), GeneratedBody.of(size, 3).failingAfter(size / 2));
        for (GeneratedBody body : bad) {
            assertThrows(SyncException.class, () -> storage.createIfAbsent("blobs/ab/k", body));
        }
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(List.of(), all.filter(Files::isRegularFile).toList(), "neither object nor temp file");
        }
    }

    @Test
    void createIfAbsentStreamed_largeObject_streamsInBoundedMemory() throws IOException {
        assertLargeObjectStreamsInBoundedMemory();
    }

    @Test
    void crashLeftTempFile_isInvisibleAndDoesNotBlockWrites() throws IOException {
        write("batches/.tmp-0011223344556677", "the first 100 bytes of an object whose writer cras");
        assertEquals(List.of(), storage.list("", null, 10));
        assertTrue(storage.get("batches/0001").isEmpty());
        assertTrue(storage.createIfAbsent("batches/0001", bytes("complete")));
        assertArrayEquals(bytes("complete"), storage.get("batches/0001").orElseThrow());
        assertEquals(List.of("batches/0001"), storage.list("batches/", null, 10));
    }

    @Test
    void missingRoot_everyOperation_throwsNotFoundAndDoesNotCreateIt() {
        Path missing = temp.resolve("typo");
        SyncStorage s = new FolderStorage(missing);
        assertEveryOperationFails(s, Reason.NOT_FOUND, SyncException.Diagnosis.FOLDER_MISSING, missing.toString());
        assertFalse(Files.exists(missing), "the root must never be created silently");
    }

    /** A drive taken away after sync worked: said as a missing folder, which a retry can fix once it is back. */
    @Test
    void missingRoot_removedAfterUse_folderMissingAndRetryable() throws IOException {
        Path drive = Files.createDirectories(temp.resolve("usb"));
        SyncStorage s = new FolderStorage(Files.createDirectories(drive.resolve("Tandem")));
        assertTrue(s.createIfAbsent("a/b", bytes("v")));
        Path away = Files.move(drive, temp.resolve("usb-unplugged"));

        SyncException e = assertThrows(SyncException.class, () -> s.createIfAbsent("a/c", bytes("w")));
        assertEquals(SyncException.Diagnosis.FOLDER_MISSING, e.diagnosis(), e.getMessage());
        assertTrue(e.retryable(), "connecting the drive again fixes it");
        assertFalse(Files.exists(drive), "neither the folder nor the one above it is made again");

        Files.move(away, drive);
        assertArrayEquals(bytes("v"), s.get("a/b").orElseThrow());
    }

    @Test
    void rootIsAFile_everyOperation_throwsNotFound() throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "not a folder");
        assertEveryOperationFails(new FolderStorage(file), Reason.NOT_FOUND, SyncException.Diagnosis.NONE,
                file.toString());
    }

    @Test
    void rootIsASymbolicLink_works() throws IOException {
        Path link = Files.createSymbolicLink(temp.resolve("link-to-sync"), dir);
        SyncStorage viaLink = new FolderStorage(link);
        assertTrue(viaLink.createIfAbsent("a/b", bytes("v")));
        assertArrayEquals(bytes("v"), storage.get("a/b").orElseThrow());
        assertEquals(List.of("a/b"), viaLink.list("", null, 10));
    }

    @Test
    void symbolicLinkBelowRoot_isNeverFollowed() throws IOException {
        Path outside = Files.createDirectory(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "private");
        Files.createSymbolicLink(dir.resolve("evil"), outside);
        Files.createSymbolicLink(dir.resolve("evil-file"), outside.resolve("secret"));
        assertEquals(List.of(), storage.list("", null, 10));
        // Reads refuse links as CORRUPT: sync sets the object aside and goes on (HostileRemoteTest).
        assertEquals(Reason.CORRUPT, assertThrows(SyncException.class, () -> storage.get("evil/secret")).reason());
        assertEquals(Reason.CORRUPT, assertThrows(SyncException.class, () -> storage.get("evil-file")).reason());
        assertEquals(Reason.CORRUPT, assertThrows(SyncException.class, () -> storage.open("evil/secret")).reason());
        assertEquals(Reason.CORRUPT, assertThrows(SyncException.class, () -> storage.open("evil-file")).reason());
        assertEquals(Reason.CORRUPT, assertThrows(SyncException.class, () -> storage.size("evil-file")).reason());
        assertThrows(SyncException.class, () -> storage.createIfAbsent("evil/planted", bytes("x")));
        assertThrows(SyncException.class, () -> storage.createIfAbsent("evil/streamed", GeneratedBody.of(10, 1)));
        assertThrows(SyncException.class, () -> storage.delete("evil/secret"));
        assertFalse(Files.exists(outside.resolve("planted")));
        assertFalse(Files.exists(outside.resolve("streamed")));
        assertTrue(Files.exists(outside.resolve("secret")));
    }

    @Test
    void createIfAbsent_parentIsAnObject_throwsIoNamingTheObject() {
        storage.createIfAbsent("a", bytes("file"));
        SyncException e = assertThrows(SyncException.class, () -> storage.createIfAbsent("a/b", bytes("x")));
        assertEquals(Reason.IO, e.reason());
        assertTrue(e.getMessage().contains("'a/b'"), e.getMessage());
        assertTrue(storage.get("a/b").isEmpty());
    }

    @Test
    void createIfAbsent_nameIsADirectoryOfOtherObjects_throwsIoInsteadOfClaimingItTaken() {
        storage.createIfAbsent("a/b", bytes("x"));
        SyncException e = assertThrows(SyncException.class, () -> storage.createIfAbsent("a", bytes("y")));
        assertEquals(Reason.IO, e.reason());
        assertTrue(e.getMessage().contains("'a'"), e.getMessage());
    }

    @Test
    void createIfAbsent_readOnlyFolder_throwsIo() throws IOException {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root ignores file permissions");
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            SyncException e = assertThrows(SyncException.class, () -> storage.createIfAbsent("k", bytes("v")));
            assertEquals(Reason.IO, e.reason());
            assertTrue(e.getMessage().contains("'k'"), e.getMessage());
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void list_manyNamesInManyDirectories_pagesInByteOrder() {
        List<String> expected = new ArrayList<>();
        for (int d = 0; d < 12; d++) {
            for (int f = 0; f < 12; f++) {
                String name = "dev-" + Integer.toString(d, 36) + "/" + (f % 2 == 0 ? "b" : "b/") + f;
                storage.createIfAbsent(name, bytes(name));
                expected.add(name);
            }
        }
        expected.sort(String::compareTo);
        assertEquals(expected, pageThrough("", 7));
        assertEquals(expected.subList(12, 24), pageThrough("dev-1/", 5));
    }

    @Test
    void delete_lastObjectsOfFolders_removesTheFoldersLeftEmptyButNeverTheRoot() throws IOException {
        storage.createIfAbsent("snapshots/0001-a/part-0", bytes("p0"));
        storage.createIfAbsent("snapshots/0001-a/part-1", bytes("p1"));
        storage.createIfAbsent("batches/a/0001", bytes("b"));
        storage.delete("snapshots/0001-a/part-0");
        assertTrue(Files.isDirectory(dir.resolve("snapshots/0001-a")), "still holds part-1");
        storage.delete("snapshots/0001-a/part-1");
        assertFalse(Files.exists(dir.resolve("snapshots")), "both folders were left empty");
        storage.delete("batches/a/0001");
        assertTrue(Files.isDirectory(dir));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList());
        }
        assertTrue(storage.createIfAbsent("batches/a/0002", bytes("again")));
        assertEquals(List.of("batches/a/0002"), storage.list("", null, 10));
    }

    @Test
    void removeFolder_leftEmptyEarlier_removesItAndTheEmptyFoldersAbove() throws IOException {
        Files.createDirectories(dir.resolve("snapshots/0001-a"));
        storage.createIfAbsent("batches/a/0001", bytes("b"));
        storage.removeFolder("snapshots/0001-a/");
        assertFalse(Files.exists(dir.resolve("snapshots")));
        storage.removeFolder("batches/a/");
        assertArrayEquals(bytes("b"), storage.get("batches/a/0001").orElseThrow());
    }

    @Test
    void watch_foldersMadeAndRemovedAtOnce_keepsWatching() throws Exception {
        // Deletes remove the folders they empty, often before the watch thread registers them.
        java.util.concurrent.Semaphore changes = new java.util.concurrent.Semaphore(0);
        try (AutoCloseable watch = storage.watch("", changes::release)) {
            for (int i = 0; i < 300; i++) {
                storage.createIfAbsent("batches/d" + i + "/a/0001", bytes("b"));
                storage.delete("batches/d" + i + "/a/0001");
            }
            Await.quietFor(Duration.ofMillis(200),
                    "the changes of the 300 folders arrive before the drain, so the check counts only a later one");
            changes.drainPermits();
            storage.createIfAbsent("heads/late/0001", bytes("h"));
            assertTrue(changes.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS), "still watching");
        }
    }

    @Test
    void delete_folderHoldsAWritersTempFile_keepsTheFolder() throws IOException {
        storage.createIfAbsent("batches/a/0001", bytes("b"));
        write("batches/a/.tmp-00112233", "a writer's object, half written");
        storage.delete("batches/a/0001");
        assertTrue(Files.exists(dir.resolve("batches/a/.tmp-00112233")));
    }

    @Test
    void createIfAbsent_whileAnotherDeleteEmptiesTheFolder_neverFails() throws Exception {
        // One writer keeps emptying the folder while another writes into it: a folder removed
        // between being made and receiving the temp file is made again.
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread emptier = new Thread(() -> {
            while (!stop.get()) {
                storage.createIfAbsent("race/x/a", bytes("a"));
                storage.delete("race/x/a");
            }
        });
        emptier.start();
        try {
            for (int i = 0; i < 3_000; i++) {
                String name = "race/x/b" + i;
                assertTrue(storage.createIfAbsent(name, bytes("b")), name);
                storage.delete(name);
            }
        } finally {
            stop.set(true);
            emptier.join();
        }
        assertEquals(List.of(), storage.list("race/", null, 10));
    }

    private void write(String relative, String content) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private static void assertEveryOperationFails(SyncStorage s, Reason reason, SyncException.Diagnosis diagnosis,
                                                  String named) {
        List<Executable> calls = List.of(
                () -> s.list("", null, 1),
                () -> s.get("k"),
                () -> s.get("a/b"),
                () -> s.createIfAbsent("a/b", bytes("v")),
                () -> s.createIfAbsent("a/c", GeneratedBody.of(10, 1)),
                () -> s.open("a/b"),
                () -> s.size("k"),
                () -> s.delete("k"));
        for (Executable call : calls) {
            SyncException e = assertThrows(SyncException.class, call);
            assertEquals(reason, e.reason(), e.getMessage());
            assertEquals(diagnosis, e.diagnosis(), e.getMessage());
            assertTrue(e.getMessage().contains(named), e.getMessage());
        }
    }
}
