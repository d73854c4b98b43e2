package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Blob;
import dev.tandem.engine.Change;
import dev.tandem.engine.Db;
import dev.tandem.engine.Table;
import dev.tandem.engine.testing.SyncFixture;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Attachments' bytes through sync: uploaded before the batch that names them, fetched when asked, checked on arrival. */
@Tag("unit")
class BlobSyncTest {
    static final List<String> SCHEMA = List.of("CREATE TABLE files(id TEXT PRIMARY KEY, name TEXT, blob TEXT)");

    @Table("files")
    record File(String id, String name, String blob) {
    }

    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path tmp;

    private Db device(String name) {
        Db db = fixture.closeAfter(Db.builder().file(tmp.resolve(name + ".db")).blobs("files", "blob").build());
        db.migrate(SCHEMA);
        return db;
    }

    private SyncEngine encrypted() {
        return fixture.closeAfter(SyncEngine.builder().storage(fixture.remote()).encrypted("correct horse").build());
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static Blob attach(Db db, byte[] content, String name) {
        Blob blob = db.blobs().add(new ByteArrayInputStream(content), Long.MAX_VALUE);
        db.save(new File(UUID.randomUUID().toString(), name, blob.id()));
        return blob;
    }

    private List<String> remoteNames(String prefix) {
        List<String> out = new ArrayList<>(fixture.remote().list(prefix, null, 1000));
        return out;
    }

    @Test
    void fetch_afterSync_bringsTheSameBytes() throws Exception {
        SyncEngine engine = fixture.engine();
        Db a = device("a");
        Db b = device("b");
        byte[] content = bytes(9 * 1024 * 1024 + 17, 1);
        Blob blob = attach(a, content, "photo.jpg");
        engine.sync(a);
        engine.sync(b);
        assertFalse(b.blobs().has(blob.id()), "batches carry references only; nothing is downloaded until asked");
        assertEquals(RemoteBlobs.Fetch.FETCHED, engine.blobs().fetch(b, blob.id()));
        assertArrayEquals(content, Files.readAllBytes(b.blobs().file(blob.id()).orElseThrow()));
        assertEquals(RemoteBlobs.Fetch.ALREADY_HERE, engine.blobs().fetch(b, blob.id()));
        assertEquals(List.of("blobs/data/" + blob.id()), remoteNames("blobs/"));
    }

    @Test
    void sync_encrypted_namesAndBytesRevealNothing() {
        SyncEngine engine = encrypted();
        Db a = device("a");
        Db b = device("b");
        byte[] content = ("a receipt, plain text " + "x".repeat(5000)).getBytes(StandardCharsets.UTF_8);
        Blob blob = attach(a, content, "receipt.txt");
        engine.sync(a);
        List<String> data = fixture.remote().list("blobs/data/", null, 1000);
        assertEquals(1, data.size());
        assertFalse(data.get(0).contains(blob.id()), "the name is a keyed hash, not the content's hash");
        byte[] stored = fixture.remote().get(data.get(0)).orElseThrow();
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("a receipt"), "the bytes are encrypted");
        SyncEngine other = fixture.closeAfter(SyncEngine.builder().storage(fixture.remote()).encrypted("correct horse").build());
        other.sync(b);
        assertEquals(RemoteBlobs.Fetch.FETCHED, other.blobs().fetch(b, blob.id()));
        assertTrue(b.blobs().has(blob.id()));
    }

    @Test
    void sync_sameFileOnTwoDevices_storesOneObject() {
        SyncEngine engine = encrypted();
        Db a = device("a");
        Db b = device("b");
        byte[] content = bytes(100_000, 2);
        attach(a, content, "one.bin");
        attach(b, content, "same.bin");
        engine.sync(a);
        engine.sync(b);
        engine.sync(a);
        assertEquals(1, fixture.remote().list("blobs/data/", null, 1000).size());
    }

    @Test
    void fetch_tamperedObject_isCorruptAndLeavesNoCopy() {
        SyncEngine engine = encrypted();
        Db a = device("a");
        Db b = device("b");
        Blob blob = attach(a, bytes(5 * 1024 * 1024, 3), "big.bin");
        engine.sync(a);
        engine.sync(b);
        String name = fixture.remote().list("blobs/data/", null, 10).get(0);
        byte[] stored = fixture.remote().get(name).orElseThrow();
        stored[stored.length / 2] ^= 1;
        fixture.remote().delete(name);
        fixture.remote().createIfAbsent(name, stored);
        SyncException e = assertThrows(SyncException.class, () -> engine.blobs().fetch(b, blob.id()));
        assertEquals(SyncException.Reason.CORRUPT, e.reason());
        assertFalse(b.blobs().has(blob.id()), "no half or forged file is shown as complete");
    }

    @Test
    void fetch_truncatedAtChunkBoundary_isCorrupt() {
        SyncEngine engine = encrypted();
        Db a = device("a");
        Db b = device("b");
        Blob blob = attach(a, bytes(9 * 1024 * 1024, 4), "big.bin");
        engine.sync(a);
        engine.sync(b);
        String name = fixture.remote().list("blobs/data/", null, 10).get(0);
        byte[] stored = fixture.remote().get(name).orElseThrow();
        byte[] cut = Arrays.copyOf(stored, 9 + 2 * (64 * 1024 + 16));
        fixture.remote().delete(name);
        fixture.remote().createIfAbsent(name, cut);
        SyncException e = assertThrows(SyncException.class, () -> engine.blobs().fetch(b, blob.id()));
        assertEquals(SyncException.Reason.CORRUPT, e.reason());
        assertFalse(b.blobs().has(blob.id()));
    }

    @Test
    void fetch_plantedGiant_refusedOnceLongerThanTheRowSaysAndLeavesNothing() throws Exception {
        SyncEngine engine = fixture.engine();
        Db a = device("a");
        Db b = device("b");
        Blob blob = attach(a, bytes(1000, 7), "x.bin");
        engine.sync(a);
        engine.sync(b);
        // 8 MiB in place of 1,000 bytes: read no further than the 1,000 the row names.
        fixture.remote().delete("blobs/data/" + blob.id());
        fixture.remote().createIfAbsent("blobs/data/" + blob.id(), ObjectBody.of(new byte[8 * 1024 * 1024]));
        SyncException e = assertThrows(SyncException.class, () -> engine.blobs().fetch(b, blob.id(), blob.size()));
        assertEquals(SyncException.Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("larger than the attachment"), e.getMessage());
        assertFalse(b.blobs().has(blob.id()));
        try (var left = Files.walk(b.blobs().directory())) {
            assertFalse(left.anyMatch(Files::isRegularFile), "nothing of it stays on disk");
        }
    }

    @Test
    void fetch_plantedGiantPastTheDiskFlushes_refusedAndLeavesNothingThenTheRealFileComes() throws Exception {
        SyncEngine engine = fixture.engine();
        Db a = device("a");
        Db b = device("b");
        // Past the 16 MiB at which a download starts going to the disk behind the writer.
        byte[] content = bytes(20 * 1024 * 1024, 8);
        Blob blob = attach(a, content, "video.mp4");
        engine.sync(a);
        engine.sync(b);
        String name = "blobs/data/" + blob.id();
        fixture.remote().delete(name);
        fixture.remote().createIfAbsent(name, ObjectBody.of(bytes(48 * 1024 * 1024, 9)));
        SyncException e = assertThrows(SyncException.class, () -> engine.blobs().fetch(b, blob.id(), blob.size()));
        assertEquals(SyncException.Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("larger than the attachment"), e.getMessage());
        try (var left = Files.walk(b.blobs().directory())) {
            assertFalse(left.anyMatch(Files::isRegularFile), "nothing of it stays on disk");
        }
        fixture.remote().delete(name);
        fixture.remote().createIfAbsent(name, ObjectBody.of(content));
        assertEquals(RemoteBlobs.Fetch.FETCHED, engine.blobs().fetch(b, blob.id(), blob.size()));
        assertArrayEquals(content, Files.readAllBytes(b.blobs().file(blob.id()).orElseThrow()));
    }

    @Test
    void fetch_plainRemoteWithOtherBytes_isCorrupt() {
        SyncEngine engine = fixture.engine();
        Db a = device("a");
        Db b = device("b");
        Blob blob = attach(a, bytes(1000, 5), "x.bin");
        engine.sync(a);
        engine.sync(b);
        fixture.remote().delete("blobs/data/" + blob.id());
        fixture.remote().createIfAbsent("blobs/data/" + blob.id(), bytes(1000, 6));
        SyncException e = assertThrows(SyncException.class, () -> engine.blobs().fetch(b, blob.id()));
        assertEquals(SyncException.Reason.CORRUPT, e.reason());
        assertFalse(b.blobs().has(blob.id()));
    }

    @Test
    void fetch_deletedObject_isNotOnRemote() {
        SyncEngine engine = fixture.engine();
        Db a = device("a");
        Db b = device("b");
        Blob blob = attach(a, bytes(1000, 7), "x.bin");
        engine.sync(a);
        engine.sync(b);
        fixture.remote().delete("blobs/data/" + blob.id());
        assertEquals(RemoteBlobs.Fetch.NOT_ON_REMOTE, engine.blobs().fetch(b, blob.id()));
    }

    @Test
    void sync_withoutBlobChanges_costsNoMoreRequests() {
        SyncEngine engine = fixture.engine();
        Db a = device("a");
        attach(a, bytes(1000, 8), "x.bin");
        engine.sync(a);
        a.save(new File(UUID.randomUUID().toString(), "no attachment", null));
        long before = engine.requestsSoFar();
        engine.sync(a);
        long withBlobsConfigured = engine.requestsSoFar() - before;

        Db plain = fixture.closeAfter(Db.builder().file(tmp.resolve("plain.db")).build());
        plain.migrate(SCHEMA);
        SyncEngine other = fixture.engine(SyncStorage.memory());
        plain.save(new File(UUID.randomUUID().toString(), "first", null));
        other.sync(plain);
        plain.save(new File(UUID.randomUUID().toString(), "no attachment", null));
        long before2 = other.requestsSoFar();
        other.sync(plain);
        assertEquals(other.requestsSoFar() - before2, withBlobsConfigured);
    }

    @Test
    void sweep_referencedInHistoryOrTrash_keepsEverything() {
        SyncEngine engine = fixture.engine();
        Db a = device("a");
        Blob kept = attach(a, bytes(1000, 9), "x.bin");
        File row = a.query(File.class, "SELECT * FROM files").get(0);
        a.save(new File(row.id(), row.name(), null));
        engine.sync(a);
        BlobSweep sweep = engine.blobs().sweep(a, Duration.ZERO, true);
        assertEquals(0, sweep.unreferenced(), "the older version still names it");
        assertTrue(fixture.remote().get("blobs/data/" + kept.id()).isPresent());
    }

    @Test
    void sweep_unreferencedPastGrace_deletesOnlyThat() {
        SyncEngine engine = fixture.engine();
        Db a = device("a");
        Blob kept = attach(a, bytes(1000, 10), "kept.bin");
        engine.sync(a);
        // An object nobody names: what a device leaves when the change naming it is gone from every history.
        fixture.remote().createIfAbsent("blobs/data/" + "0".repeat(64), new byte[] {1, 2, 3});
        BlobSweep first = engine.blobs().sweep(a, Duration.ofDays(30), true);
        assertEquals(1, first.unreferenced());
        assertEquals(0, first.deleted(), "inside the grace period");
        BlobSweep second = engine.blobs().sweep(a, Duration.ZERO, false);
        assertEquals(1, second.deletable());
        assertEquals(3, second.deletableBytes());
        assertEquals(0, second.deleted(), "a dry run deletes nothing");
        BlobSweep third = engine.blobs().sweep(a, Duration.ZERO, true);
        assertEquals(1, third.deleted());
        assertFalse(fixture.remote().get("blobs/data/" + "0".repeat(64)).isPresent());
        assertTrue(fixture.remote().get("blobs/data/" + kept.id()).isPresent());
    }

    @Test
    void sweep_deviceNotAnswered_waits() {
        SyncEngine engine = fixture.engine();
        Db a = device("a");
        Db b = device("b");
        attach(a, bytes(1000, 11), "x.bin");
        engine.sync(a);
        engine.sync(b);
        fixture.remote().createIfAbsent("blobs/data/" + "1".repeat(64), new byte[] {1});
        engine.blobs().sweep(a, Duration.ZERO, true);
        BlobSweep waiting = engine.blobs().sweep(a, Duration.ZERO, true);
        assertEquals(0, waiting.deleted(), "b has not answered since the blob was first seen unreferenced");
        assertEquals(1, engine.blobs().answer(b));
        BlobSweep after = engine.blobs().sweep(a, Duration.ZERO, true);
        assertEquals(1, after.deleted());
    }

    @Test
    void sweep_replacedAndHistoryPruned_deletesOnceEveryDeviceForgotIt() {
        SyncEngine engine = fixture.engine();
        Db a = device("a");
        Db b = device("b");
        Blob old = attach(a, bytes(1000, 12), "old.bin");
        File row = a.query(File.class, "SELECT * FROM files").get(0);
        engine.sync(a);
        engine.sync(b);
        List<Blob> replacements = new ArrayList<>();
        // History keeps the last Db.HISTORY_VERSIONS versions of a field whatever their age, and
        // the row's first change (it holds the name's only version), so the first replacement is
        // the one file no version names once history is pruned.
        for (int i = 0; i <= Db.HISTORY_VERSIONS; i++) {
            Blob replacement = a.blobs().add(new ByteArrayInputStream(bytes(1000, 13 + i)), Long.MAX_VALUE);
            replacements.add(replacement);
            a.save(new File(row.id(), row.name(), replacement.id()));
            engine.sync(a);
        }
        engine.sync(b);
        BlobSweep kept = engine.blobs().sweep(a, Duration.ZERO, true);
        assertEquals(0, kept.unreferenced(), "history still names every file");
        a.pruneHistory(Duration.ZERO);
        BlobSweep first = engine.blobs().sweep(a, Duration.ZERO, true);
        assertEquals(1, first.unreferenced(), "the first replacement, once a's history forgot it");
        assertEquals(0, first.deleted(), "b has not answered");

        // b keeps history on its own schedule: it still names the file, so it stays.
        assertEquals(1, engine.blobs().answer(b));
        BlobSweep stillNamed = engine.blobs().sweep(a, Duration.ZERO, true);
        assertEquals(0, stillNamed.deleted(), "b's history still names it");
        assertEquals(RemoteBlobs.Fetch.FETCHED, engine.blobs().fetch(b, replacements.get(0).id()),
                "b can still show that version");

        b.pruneHistory(Duration.ZERO);
        assertEquals(1, engine.blobs().answer(b), "an answer that kept something is given again");
        BlobSweep second = engine.blobs().sweep(a, Duration.ZERO, true);
        assertEquals(1, second.deleted());
        Set<String> named = new HashSet<>();
        for (Change c : a.history().changes("files", row.id())) {
            c.fields().stream().filter(f -> f.field().equals("blob")).forEach(f -> named.add((String) f.value()));
        }
        assertTrue(named.contains(old.id()), "the row's first change names the first file");
        assertFalse(named.contains(replacements.get(0).id()), "history forgot the first replacement");
        Set<String> stored = new HashSet<>();
        fixture.remote().list("blobs/data/", null, 1000).forEach(n -> stored.add(n.substring("blobs/data/".length())));
        assertEquals(named, stored, "the remote keeps exactly what history names");
    }
}
