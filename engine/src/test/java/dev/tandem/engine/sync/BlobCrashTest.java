package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Blob;
import dev.tandem.engine.Db;
import dev.tandem.engine.testing.BlobCrashChild;
import dev.tandem.engine.testing.BlobCrashChild.File;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a device half way through an attachment's bytes ({@link BlobCrashChild}), on an
 * encrypted folder remote: mid-upload, the remote holds no object under the blob's name (a reader
 * never sees part of one), and the next sync stores exactly one whole copy that another device
 * fetches byte for byte; mid-download, the device never shows the half file as present, and the
 * next fetch completes.
 */
@Tag("server")
class BlobCrashTest {
    private static final String PASSPHRASE = "correct horse battery staple";
    /** Many of the cipher's 64 KiB chunks, so the kill lands inside the stream, not before it. */
    private static final int SIZE = 12 * 1024 * 1024 + 12345;

    @TempDir
    Path dir;

    @Test
    void sync_killedMidUpload_noPartialObjectAndOneCopyAfterResume() throws Exception {
        Path remoteDir = Files.createDirectories(dir.resolve("remote"));
        Path source = dir.resolve("big.bin");
        byte[] bytes = randomBytes(SIZE, 1);
        Files.write(source, bytes);
        Path file = dir.resolve("a.db");
        Path blobs = dir.resolve("a.blobs");

        List<String> out = runUntilKilled("upload", file, blobs, remoteDir, source.toString(), "AT upload");
        String id = out.stream().filter(l -> l.startsWith("ACK ")).findFirst().orElseThrow().substring(4);
        SyncStorage remote = SyncStorage.folder(remoteDir);
        assertTrue(remote.list("blobs/data/", null, 10).isEmpty(), "a killed upload leaves no object under the name");

        try (Db a = open(file, blobs); SyncEngine engine = engine(remoteDir)) {
            assertArrayEquals(bytes, Files.readAllBytes(a.blobs().file(id).orElseThrow()), "the local copy is whole");
            engine.sync(a);
            assertEquals(1, remote.list("blobs/data/", null, 10).size(), "the resumed upload stores one copy");
            engine.sync(a);
            assertEquals(1, remote.list("blobs/data/", null, 10).size());
            try (Db b = open(dir.resolve("b.db"), dir.resolve("b.blobs"))) {
                engine.sync(b);
                assertEquals(RemoteBlobs.Fetch.FETCHED, engine.blobs().fetch(b, id));
                assertArrayEquals(bytes, Files.readAllBytes(b.blobs().file(id).orElseThrow()));
            }
        }
    }

    @Test
    void fetch_killedMidDownload_halfFileNeverShownAndNextFetchCompletes() throws Exception {
        Path remoteDir = Files.createDirectories(dir.resolve("remote"));
        byte[] bytes = randomBytes(SIZE, 2);
        String id;
        try (Db a = open(dir.resolve("a.db"), dir.resolve("a.blobs")); SyncEngine engine = engine(remoteDir)) {
            Blob blob = a.blobs().add(new java.io.ByteArrayInputStream(bytes), Long.MAX_VALUE);
            a.save(new File(UUID.randomUUID().toString(), "big.bin", blob.id()));
            engine.sync(a);
            id = blob.id();
        }
        Path file = dir.resolve("b.db");
        Path blobs = dir.resolve("b.blobs");
        runUntilKilled("download", file, blobs, remoteDir, id, "AT download");
        try (Stream<Path> left = Files.walk(blobs)) {
            assertTrue(left.anyMatch(p -> Files.isRegularFile(p)), "the kill left a partial download behind");
        }

        try (Db b = open(file, blobs); SyncEngine engine = engine(remoteDir)) {
            assertFalse(b.blobs().has(id), "no half file is shown as complete");
            assertTrue(b.blobs().file(id).isEmpty());
            try (Stream<Path> left = Files.walk(blobs)) {
                assertFalse(left.anyMatch(Files::isRegularFile), "opening the store cleared the partial download");
            }
            assertEquals(RemoteBlobs.Fetch.FETCHED, engine.blobs().fetch(b, id));
            assertArrayEquals(bytes, Files.readAllBytes(b.blobs().file(id).orElseThrow()));
        }
    }

    private static Db open(Path file, Path blobs) {
        Db db = Db.builder().file(file).blobs("files", "blob").blobDirectory(blobs).build();
        db.migrate(BlobCrashChild.SCHEMA);
        return db;
    }

    private static SyncEngine engine(Path remoteDir) {
        return SyncEngine.builder().storage(SyncStorage.folder(remoteDir)).encrypted(PASSPHRASE).build();
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Runs the child until it prints {@code point}, then kills it with SIGKILL; its output lines. */
    private static List<String> runUntilKilled(String mode, Path file, Path blobs, Path remote, String arg, String point)
            throws Exception {
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), BlobCrashChild.class.getName(), mode, file.toString(),
                blobs.toString(), remote.toString(), PASSPHRASE, arg);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        boolean reached = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.equals(point)) {
                    reached = true;
                    break;
                }
            }
            new ProcessBuilder("kill", "-9", Long.toString(child.pid())).inheritIO().start().waitFor();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
        }
        assertTrue(reached, "the child never reached " + point + ": " + lines);
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        return lines;
    }
}
