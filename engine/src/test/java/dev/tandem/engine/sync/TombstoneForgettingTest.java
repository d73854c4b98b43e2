package dev.tandem.engine.sync;

import static dev.tandem.engine.sync.SnapshotTest.stateHash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.testing.ManualClock;
import dev.tandem.engine.testing.SyncFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deleted items are forgotten whole (tombstone and history, locally and in later snapshots) once
 * every live device has seen them deleted, and never while a device that has not may still send an
 * edit made before the delete.
 */
@Tag("unit")
class TombstoneForgettingTest {
    private static final long DAY = 24L * 3600 * 1000;

    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path dir;
    final SyncStorage remote = fixture.remote();
    final ManualClock clock = new ManualClock();

    Db device(String name) {
        return fixture.device(Db.builder().file(dir.resolve(name + ".db")).clock(clock));
    }

    /** The automatic snapshot policy off: each test compacts when it means to. */
    SyncEngine engine() {
        return fixture.closeAfter(SyncEngine.builder().storage(remote).snapshotEvery(0).build());
    }

    private void liveOn(SyncEngine engine, List<Db> live, int days) {
        liveOn(engine, clock, live, days);
    }

    /** Every device in {@code live} writes and syncs every five days for {@code days}; each publishes a head. */
    static void liveOn(SyncEngine engine, ManualClock clock, List<Db> live, int days) {
        for (int day = 0; day < days; day += 5) {
            clock.millis.addAndGet(5 * DAY);
            for (Db d : live) {
                d.save(Item.of(d.deviceId().substring(0, 4) + " day " + day));
                engine.sync(d);
            }
        }
        for (Db d : live) {
            engine.sync(d);
        }
    }

    @Test
    void compact_deleteEveryDeviceHasSeen_forgottenWholeHereAndInLaterSnapshots() {
        SyncEngine engine = engine();
        Db a = device("a");
        Db b = device("b");
        Db c = device("c");
        Item kept = a.save(Item.of("kept"));
        Item gone = a.save(Item.of("to be deleted"));
        a.save(gone.withTitle("to be deleted, renamed"));
        liveOn(engine, List.of(a, b, c), 5);
        a.transaction(tx -> tx.delete(Item.class, gone.id()));
        liveOn(engine, List.of(a, b, c), 10);
        CompactionReport first = engine.compact(a);
        assertEquals(0, first.deletedForgotten(), "the first cleanup only records where everyone is");
        assertFalse(a.history().changes("item", gone.id()).isEmpty());

        liveOn(engine, List.of(a, b, c), 10);
        CompactionReport young = engine.compact(a);
        assertEquals(0, young.deletedForgotten(), "deleted 20 days ago: Undo and restores still find it");
        assertFalse(a.history().changes("item", gone.id()).isEmpty());

        liveOn(engine, List.of(a, b, c), 15);
        CompactionReport old = engine.compact(a);
        assertEquals(1, old.deletedForgotten(), "seen deleted everywhere, 35 days ago");
        assertEquals(List.of(), a.history().changes("item", gone.id()), "tombstone and history are gone");
        assertFalse(a.history().changes("item", kept.id()).isEmpty(), "a live item keeps its history");

        // The next snapshot no longer carries it: a device built from it never sees the item.
        liveOn(engine, List.of(a, b, c), 10);
        engine.compact(a);
        Db fresh = device("fresh");
        SyncReport boot = engine.sync(fresh);
        assertTrue(boot.pulled() > 0);
        assertEquals(List.of(), fresh.history().changes("item", gone.id()));
        assertEquals(stateHash(a), stateHash(fresh));
        liveOn(engine, List.of(a, b, c, fresh), 5);
        assertEquals(List.of(), b.history().changes("item", gone.id()), "devices that write no snapshot forget it too, weekly");
        assertEquals(List.of(), c.history().changes("item", gone.id()));
        assertEquals(stateHash(a), stateHash(b));
        assertEquals(stateHash(a), stateHash(c));
        assertEquals(stateHash(a), stateHash(fresh));
    }

    Db a;
    Db b;
    Db away;

    /** Three devices share a todo; away edits it offline, then a deletes it. */
    private Item awayEditsThenADeletes(SyncEngine engine) {
        a = device("a");
        b = device("b");
        away = device("away");
        Item it = a.save(Item.of("shared"));
        liveOn(engine, List.of(a, b, away), 5);
        away.save(away.get(Item.class, it.id()).orElseThrow().withNotes("edited on holiday"));
        clock.millis.addAndGet(DAY);
        a.transaction(tx -> tx.delete(Item.class, it.id()));
        return it;
    }

    /** Away back with its edit: the todo stays deleted everywhere, nothing comes back half made. */
    private void assertGoneEverywhere(Item it) {
        assertTrue(a.get(Item.class, it.id()).isEmpty(), "back on a: " + a.get(Item.class, it.id()));
        assertTrue(away.get(Item.class, it.id()).isEmpty(), "back on away: " + away.get(Item.class, it.id()));
        assertEquals(stateHash(a), stateHash(away));
        assertEquals(stateHash(a), stateHash(b));
    }

    @Test
    void compact_deviceAwayWithAnEditMadeBeforeTheDelete_keepsTheTombstoneAndTheItemStaysDeleted() {
        SyncEngine engine = engine();
        Item it = awayEditsThenADeletes(engine);
        // Away stays away for 60 days, not long enough to be retired.
        for (int round = 0; round < 4; round++) {
            liveOn(engine, List.of(a, b), 15);
            CompactionReport r = engine.compact(a);
            assertEquals(0, r.deletedForgotten(), "away has not seen the delete, round " + round);
            assertFalse(a.history().changes("item", it.id()).isEmpty());
        }

        liveOn(engine, List.of(away, a, b), 5);
        assertGoneEverywhere(it);
    }

    @Test
    void compact_deviceRetiredWithAnOfflineEditOfAnItemForgottenSince_itemStaysGoneEverywhere() {
        SyncEngine engine = engine();
        Item it = awayEditsThenADeletes(engine);
        // Away stays away long enough to be retired, and a and b forget the delete meanwhile.
        long forgotten = 0;
        for (int round = 0; round < 8; round++) {
            liveOn(engine, List.of(a, b), 15);
            forgotten += engine.compact(a).deletedForgotten();
        }
        assertTrue(forgotten > 0, "a forgot the deleted item");
        assertTrue(a.history().changes("item", it.id()).isEmpty());

        // Away comes back, is told it was retired, re-joins from the snapshot and says what it did not keep.
        clock.millis.addAndGet(DAY);
        SyncReport back = engine.sync(away);
        String said = back.notes() + " " + back.warnings();
        assertTrue(said.contains("retired") && said.contains("1 change(s) this device made while away"), said);
        liveOn(engine, List.of(away, a, b), 5);
        assertGoneEverywhere(it);
    }
}
