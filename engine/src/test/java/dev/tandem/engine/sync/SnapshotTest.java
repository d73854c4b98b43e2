package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Fixtures.Tag;
import dev.tandem.engine.Fixtures.TodoList;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.sync.DbChangelog;
import dev.tandem.engine.internal.sync.RemoteChangelog;
import dev.tandem.engine.internal.sync.Synchronizer;
import dev.tandem.engine.testing.SyncFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots: bootstrap equals full replay, cleanup keeps what devices need, rebuild keeps local edits. */
@org.junit.jupiter.api.Tag("unit")
class SnapshotTest {
    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path dir;
    final SyncStorage remote = fixture.remote();

    /** On a file, not in memory: snapshots are written from and bootstrapped into what the app opens. */
    Db device(String name) {
        return fixture.device(Db.builder().file(dir.resolve(name + ".db")));
    }

    /** The automatic policy off, so each test says when a snapshot is written. */
    SyncEngine engine(SyncStorage storage) {
        return fixture.closeAfter(SyncEngine.builder().storage(storage).snapshotEvery(0).build());
    }

    /** Every user table, sorted: two databases with equal hashes show the same data. */
    static String stateHash(Db db) {
        return db.query(TodoList.class, "SELECT * FROM list ORDER BY id") + "|"
                + db.query(Item.class, "SELECT * FROM item ORDER BY id") + "|"
                + db.query(Tag.class, "SELECT * FROM tag ORDER BY id");
    }

    /** Conflicts without local ids and times: what was kept and what was lost, by change. */
    static List<String> conflicts(Db db) {
        return db.conflicts().list().stream().map(c -> c.kind() + " " + c.table() + "/" + c.entity() + "." + c.field()
                + " kept " + c.keptValue() + "@" + c.keptChange() + " lost " + c.lostValue() + "@" + c.lostChange())
                .sorted().collect(Collectors.toList());
    }

    static String lostPart(String conflict) {
        return conflict.substring(0, conflict.indexOf(" kept ")) + conflict.substring(conflict.indexOf(" lost "));
    }

    static long count(Db db, String table) {
        record N(String id, long n) {
        }
        return db.query(N.class, "SELECT 'x' AS id, count(*) AS n FROM " + table).get(0).n();
    }

    /** Syncs the old way, replaying every batch (no snapshot hooks). */
    static void replay(SyncEngine engine, Db db, SyncStorage storage) {
        SyncPort d = SyncPort.of(db);
        Synchronizer.sync(new DbChangelog(d, engine.describe(), 5000), new RemoteChangelog(storage, d.deviceUuid()),
                d.deviceUuid(), SyncProgress.NONE);
    }

    /** Three devices, many syncs: inserts, edits, concurrent edits (conflicts), deletes, parents and children. */
    static List<Item> history(SyncEngine engine, Db a, Db b, Db c) {
        TodoList home = a.save(new TodoList(null, "home"));
        engine.sync(a);
        List<Item> items = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            items.add(a.save(Item.of("a" + round).withList(home.id())));
            items.add(b.save(Item.of("b" + round)));
            c.save(new Tag(null, "tag" + round));
            engine.sync(a);
            engine.sync(b);
            engine.sync(c);
        }
        engine.sync(a);
        engine.sync(b);
        // concurrent edits of one field, and an edit concurrent with a delete
        a.save(items.get(0).withTitle("from a"));
        b.save(b.get(Item.class, items.get(0).id()).orElseThrow().withTitle("from b"));
        b.delete(Item.class, items.get(1).id());
        a.save(a.get(Item.class, items.get(1).id()).orElseThrow().withNotes("edited while deleted"));
        c.save(c.get(Item.class, items.get(2).id()).orElseThrow().withDone(true));
        for (Db d : List.of(a, b, c, a, b, c)) {
            engine.sync(d);
        }
        return items;
    }

    @Test
    void bootstrap_fromSnapshot_sameStateAsFullReplay() {
        runBootstrap(remote);
    }

    @Test
    void bootstrap_encryptedRemote_sameStateAsFullReplay() {
        runBootstrap(SyncStorage.encrypted(SyncStorage.memory(), "correct horse"));
    }

    private void runBootstrap(SyncStorage storage) {
        SyncEngine engine = engine(storage);
        Db a = device("a");
        Db b = device("b");
        Db c = device("c");
        List<Item> items = history(engine, a, b, c);
        Db full = device("full");
        replay(engine, full, storage); // before cleanup removes the batches it replays
        CompactionReport compacted = engine.compact(a);
        assertTrue(compacted.snapshotWritten());
        assertTrue(compacted.batchesDeleted() > 0);
        Db snap = device("snap");
        SyncReport boot = engine.sync(snap);
        assertTrue(count(snap, "_tandem_change") < count(full, "_tandem_change"),
                "the snapshot device holds only winning changes, so it did bootstrap");
        assertTrue(boot.pulled() > 0);
        assertEquals(stateHash(full), stateHash(snap));
        assertEquals(stateHash(a), stateHash(snap));
        assertNotEquals("", stateHash(snap));

        // Later concurrent edits resolve identically on both, including the conflicts recorded.
        List<String> fullBefore = conflicts(full);
        assertTrue(conflicts(snap).isEmpty());
        Item first = items.get(0);
        full.save(full.get(Item.class, first.id()).orElseThrow().withTitle("from full"));
        snap.save(snap.get(Item.class, first.id()).orElseThrow().withTitle("from snap"));
        a.save(a.get(Item.class, items.get(2).id()).orElseThrow().withTitle("from a, later"));
        b.save(b.get(Item.class, items.get(2).id()).orElseThrow().withTitle("from b, later"));
        c.delete(Item.class, items.get(3).id());
        b.save(b.get(Item.class, items.get(3).id()).orElseThrow().withNotes("b edits while c deletes"));
        for (Db d : List.of(a, b, c, full, snap, a, b, c, full, snap)) {
            engine.sync(d);
        }
        assertEquals(stateHash(full), stateHash(snap));
        assertEquals(stateHash(a), stateHash(snap));
        // The replayed device also holds the conflicts of the original history (the snapshot device
        // starts without them: conflicts are local findings); those found since must be identical.
        List<String> sinceOnFull = new ArrayList<>(conflicts(full));
        sinceOnFull.removeIf(k -> fullBefore.stream().anyMatch(old -> lostPart(old).equals(lostPart(k))));
        assertFalse(sinceOnFull.isEmpty());
        assertEquals(sinceOnFull, conflicts(snap));
    }

    /** Device "a" saves {@code n} items, syncing after each, then compacts: a snapshot and little else. */
    private Db compactedAfterSaves(SyncEngine engine, int n) {
        Db a = device("a");
        for (int i = 0; i < n; i++) {
            a.save(Item.of("item " + i));
            engine.sync(a);
        }
        engine.compact(a);
        return a;
    }

    @Test
    void bootstrap_newDevice_readsSnapshotNotBatches() {
        SyncEngine engine = engine(remote);
        Db a = compactedAfterSaves(engine, 20);
        Db n = device("n");
        SyncReport r = engine.sync(n);
        // list heads, list snapshots, manifest, one part, one ack: not 20 batches
        assertTrue(r.requests() <= 6, "requests " + r.requests());
        assertEquals(20, r.pulled());
        assertEquals(stateHash(a), stateHash(n));
    }

    @Test
    void bootstrap_newDevice_reportsTheSnapshotPhaseWithItsChanges() {
        SyncEngine engine = engine(remote);
        Db a = compactedAfterSaves(engine, 20);
        List<String> phases = new ArrayList<>();
        SyncProgress record = (phase, done, total) -> {
            if (!phase.equals("pull") && !phase.equals("push")) {
                phases.add(phase + " " + done + "/" + total);
            }
        };
        engine.sync(device("n"), record);
        assertEquals(List.of("snapshot 0/20", "snapshot 20/20"), phases, "a bootstrap says so, with its size");
        phases.clear();
        a.save(Item.of("one more"));
        engine.sync(a, record);
        assertEquals(List.of(), phases, "an ordinary sync reads no snapshot");
    }

    @Test
    void bootstrap_subscribersSeeTheNewRows() throws Exception {
        SyncEngine engine = engine(remote);
        Db a = compactedAfterSaves(engine, 12);
        Db n = device("n");
        BlockingQueue<List<Item>> results = new LinkedBlockingQueue<>();
        n.querySubscribe(Item.class, "SELECT * FROM item ORDER BY title", List.of(), results::add);
        assertEquals(List.of(), results.poll(5, TimeUnit.SECONDS));
        BlockingQueue<List<ChangeEvent>> events = new LinkedBlockingQueue<>();
        n.subscribe(events::add);
        SyncReport r = engine.sync(n);
        assertTrue(r.requests() <= 6, "bootstrapped from the snapshot: " + r.requests() + " requests");
        List<ChangeEvent> inserted = events.poll(5, TimeUnit.SECONDS);
        assertEquals(12, inserted.size(), inserted.toString());
        assertTrue(inserted.stream().allMatch(e -> e.kind() == ChangeEvent.Kind.INSERT && e.table().equals("item")));
        List<Item> seen = results.poll(5, TimeUnit.SECONDS);
        assertEquals(a.query(Item.class, "SELECT * FROM item ORDER BY title"), seen);
    }

    @Test
    void bootstrap_deviceWithLocalChanges_mergesKeepingThem() {
        SyncEngine engine = engine(remote);
        Db a = device("a");
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(a.save(Item.of("item " + i)));
            engine.sync(a);
        }
        a.save(items.get(0).withTitle("edited on a"));
        engine.sync(a);
        engine.compact(a);
        // a device that worked offline before its first sync: its changelog is not empty, so the
        // snapshot goes through the normal merge
        Db n = device("n");
        Item mine = n.save(Item.of("made offline"));
        n.save(mine.withNotes("and edited"));
        SyncReport r = engine.sync(n);
        assertTrue(r.requests() < 20, "read the snapshot, not 21 batches: " + r.requests());
        assertEquals(21, r.pulled());
        assertEquals(2, r.pushed(), "its two changes");
        assertEquals("and edited", n.get(Item.class, mine.id()).orElseThrow().notes());
        assertEquals("edited on a", n.get(Item.class, items.get(0).id()).orElseThrow().title());
        engine.sync(a);
        assertEquals(stateHash(a), stateHash(n));
        assertEquals("and edited", a.get(Item.class, mine.id()).orElseThrow().notes());
    }

    @Test
    void cleanup_offlineKnownDevice_keepsWhatItStillNeeds() {
        SyncEngine engine = engine(remote);
        Db a = device("a");
        Db b = device("b");
        Db sleeper = device("sleeper");
        a.save(Item.of("a0"));
        b.save(Item.of("b0"));
        sleeper.save(Item.of("s0"));
        for (Db d : List.of(a, b, sleeper, a, b)) {
            engine.sync(d);
        }
        // sleeper has read a:1 and b:1 and published that in its head; now it sleeps
        for (int i = 1; i <= 5; i++) {
            a.save(Item.of("a" + i));
            b.save(Item.of("b" + i));
            engine.sync(a);
            engine.sync(b);
        }
        engine.sync(a);
        CompactionReport r = engine.compact(a);
        assertTrue(r.snapshotWritten());
        assertEquals(3, r.batchesDeleted(), "only a:1, b:1 and sleeper:1, which every device has read");
        List<String> left = remote.list("batches/", null, 1000);
        assertEquals(2 * 5, left.size(), left.toString());
        Item offline = sleeper.save(Item.of("made while asleep"));
        SyncReport back = engine.sync(sleeper);
        assertTrue(back.warnings().isEmpty(), back.warnings().toString());
        engine.sync(a);
        assertEquals(stateHash(a), stateHash(sleeper));
        assertTrue(a.get(Item.class, offline.id()).isPresent());
    }

    @Test
    void cleanup_deviceSleptPastCleanup_rebuiltKeepingLocalEdits() {
        SyncEngine engine = engine(remote);
        Db a = device("a");
        Db b = device("b");
        Db reader = device("reader");
        Item shared = a.save(Item.of("shared"));
        b.save(Item.of("b0"));
        engine.sync(a);
        engine.sync(b);
        engine.sync(a);
        engine.sync(reader); // reads a:1, b:1 and, having pushed nothing, publishes only an ack
        // The ack never stays: lost by the store, or removed by hand. Cleanup no longer knows the
        // reader, as for a device that cannot write at all.
        List<String> acks = remote.list("acks/" + reader.deviceId() + "/", null, 100);
        assertEquals(1, acks.size(), acks.toString());
        remote.delete(acks.get(0));
        // offline edits on the reader: a new item, and a later edit of an item a edits too
        a.save(a.get(Item.class, shared.id()).orElseThrow().withNotes("older, from a"));
        Item mine = reader.save(Item.of("made offline"));
        reader.save(reader.get(Item.class, shared.id()).orElseThrow().withNotes("newer, from reader"));
        engine.sync(a);
        b.save(Item.of("b1"));
        engine.sync(b);
        CompactionReport r = engine.compact(a);
        assertTrue(r.batchesDeleted() >= 3, "cleaned " + r.batchesDeleted());

        SyncReport back = engine.sync(reader);
        assertTrue(back.notes().stream().anyMatch(w -> w.contains("too far behind")), back.notes().toString());
        assertEquals(2, back.pushed(), "its offline changes are kept and pushed");
        engine.sync(a);
        engine.sync(b);
        engine.sync(reader);
        assertEquals(stateHash(a), stateHash(reader));
        assertEquals(stateHash(b), stateHash(reader));
        assertTrue(a.get(Item.class, mine.id()).isPresent());
        assertEquals("newer, from reader", a.get(Item.class, shared.id()).orElseThrow().notes());
    }

    @Test
    void cleanup_knownDeviceNeverReadADevice_deletesNoneOfThatDevice() {
        SyncEngine engine = engine(remote);
        Db a = device("a");
        Db b = device("b");
        b.save(Item.of("b0"));
        engine.sync(b); // b's head says it has read nothing of a
        for (int i = 0; i < 4; i++) {
            a.save(Item.of("a" + i));
            engine.sync(a);
        }
        CompactionReport r = engine.compact(a);
        assertTrue(r.snapshotWritten());
        assertEquals(4, remote.list("batches/" + a.deviceId() + "/", null, 1000).size(), "b still needs them");
        engine.sync(b);
        assertEquals(stateHash(a), stateHash(b));
    }

    @Test
    void policy_manyBatchesPastSnapshot_writesSnapshotAndCleansUp() {
        SyncEngine engine = fixture.closeAfter(SyncEngine.builder().storage(remote).snapshotEvery(6).build());
        Db a = device("a");
        Db b = device("b");
        for (int i = 0; i < 8; i++) {
            a.save(Item.of("a" + i));
            b.save(Item.of("b" + i));
            engine.sync(a);
            engine.sync(b);
        }
        assertFalse(remote.list("snapshots/", null, 1000).isEmpty());
        assertTrue(remote.list("batches/", null, 1000).size() < 16, remote.list("batches/", null, 1000).toString());
        engine.sync(a);
        Db n = device("n");
        engine.sync(n);
        assertEquals(stateHash(a), stateHash(n));
    }

    @Test
    void compact_nothingNew_writesNoSecondSnapshot() {
        SyncEngine engine = engine(remote);
        Db a = device("a");
        a.save(Item.of("x"));
        assertTrue(engine.compact(a).snapshotWritten());
        assertFalse(engine.compact(a).snapshotWritten());
    }
}
