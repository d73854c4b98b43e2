package dev.tandem.engine.internal.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Blob;
import dev.tandem.engine.sync.ObjectBody;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.testing.ForwardingStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload to an encrypted remote, streamed through the cipher into the remote's write: it comes
 * back as the same bytes, and a write that fails midway or an interrupt fails the whole upload and
 * leaves nothing on the remote, nor the blob marked as there.
 */
@Tag("unit")
class BlobUploadFailureTest {
    @TempDir
    Path tmp;

    private Path file(int size, long seed) throws IOException {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return Files.write(tmp.resolve("f-" + seed), b);
    }

    @Test
    void upload_encrypted_downloadsToTheSameBytes() throws Exception {
        Path f = file(5 * 64 * 1024 * 4 + 13, 3);
        SyncStorage remote = SyncStorage.memory();
        BlobTransfer transfer = new BlobTransfer(remote, new BlobKeys(SyncStorage.memory()), () -> 1);
        LocalBlobs a = new LocalBlobs(tmp.resolve("a"));
        Blob blob = a.add(f, Long.MAX_VALUE);
        assertTrue(transfer.upload(a, blob.id()));
        assertTrue(a.onRemote(blob.id()));
        LocalBlobs b = new LocalBlobs(tmp.resolve("b"));
        assertEquals(BlobTransfer.Fetched.FETCHED, transfer.download(b, blob.id(), blob.size()));
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.file(blob.id()).orElseThrow()));
    }

    @Test
    void upload_writingStageFailsMidway_failsAndLeavesNothing() throws Exception {
        Path f = file(4 * 1024 * 1024, 4);
        SyncStorage remote = SyncStorage.memory();
        SyncStorage failing = new ForwardingStorage(remote) {
            @Override
            public boolean createIfAbsent(String name, ObjectBody body) {
                try (InputStream in = body.open()) {
                    in.readNBytes(1024 * 1024);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                throw new SyncException(Reason.IO, "the disk is full");
            }
        };
        BlobTransfer transfer = new BlobTransfer(failing, new BlobKeys(SyncStorage.memory()), () -> 1);
        LocalBlobs local = new LocalBlobs(tmp.resolve("a"));
        Blob blob = local.add(f, Long.MAX_VALUE);
        SyncException e = assertThrows(SyncException.class, () -> transfer.upload(local, blob.id()));
        assertEquals(Reason.IO, e.reason());
        assertFalse(local.onRemote(blob.id()));
        assertEquals(List.of(), remote.list("blobs/", null, 10));
    }

    @Test
    void upload_interruptedToFolder_failsLeavesNothingAndKeepsTheInterruptFlag() throws Exception {
        Path f = file(2 * 1024 * 1024, 5);
        Path folder = Files.createDirectories(tmp.resolve("remote"));
        BlobTransfer transfer = new BlobTransfer(SyncStorage.folder(folder), new BlobKeys(SyncStorage.memory()), () -> 1);
        LocalBlobs local = new LocalBlobs(tmp.resolve("a"));
        Blob blob = local.add(f, Long.MAX_VALUE);
        Thread.currentThread().interrupt();
        try {
            assertThrows(SyncException.class, () -> transfer.upload(local, blob.id()));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
        assertFalse(local.onRemote(blob.id()));
        assertEquals(List.of(), SyncStorage.folder(folder).list("blobs/", null, 10));
        try (Stream<Path> left = Files.walk(folder)) {
            assertEquals(List.of(), left.filter(Files::isRegularFile).toList(), "no partial copy on the remote");
        }
    }
}
