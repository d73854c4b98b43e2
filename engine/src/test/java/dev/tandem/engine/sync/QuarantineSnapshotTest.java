package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.testing.Canonical;
import dev.tandem.engine.testing.ForgedRemote;
import dev.tandem.engine.testing.ForwardingStorage;
import dev.tandem.engine.testing.ManualClock;
import dev.tandem.engine.testing.SyncFixture;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Set-aside batches and snapshots. A device missing a set-aside batch must not write a snapshot
 * (its cursors pass the batch, its state lacks it: cleanup could then delete the batch and new
 * devices would bootstrap without it). A batch damaged at rest is healed by its author's snapshot:
 * cleanup deletes the damaged object, and the device that set it aside rebuilds from the snapshot.
 */
@Tag("unit")
class QuarantineSnapshotTest {
    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    final SyncStorage remote = fixture.remote();
    final ManualClock clock = new ManualClock();
    final SyncEngine engine = fixture.closeAfter(SyncEngine.builder().storage(remote).snapshotEvery(0).build());

    /** On a manual clock, which the tests step past the set-aside batch's retry time. */
    Db device() {
        return fixture.device(Db.builder().memory().clock(clock));
    }

    /** a pushes an item; its batch then rots on the remote (a flipped bit); b sets it aside. */
    Item rotAndSetAside(Db a, Db b) {
        Item x = a.save(Item.of("in the damaged batch"));
        engine.sync(a);
        String key = ForgedRemote.batchKey(UUID.fromString(a.deviceId()), 1);
        byte[] damaged = remote.get(key).orElseThrow();
        damaged[damaged.length - 2] ^= 4;
        remote.delete(key);
        remote.createIfAbsent(key, damaged);
        b.save(Item.of("b's own"));
        SyncReport r = engine.sync(b);
        assertEquals(1, r.skipped(), r.toString());
        assertTrue(b.get(Item.class, x.id()).isEmpty());
        return x;
    }

    @Test
    void compact_batchesSetAside_snapshotStopsBeforeThem() {
        Db a = device();
        Db b = device();
        rotAndSetAside(a, b);
        CompactionReport r = engine.compact(b);
        assertTrue(r.snapshotWritten(), "b still snapshots its own batches");
        assertEquals(0, r.batchesDeleted(), "b's snapshot does not claim the batch it lacks, so it stays: " + r);
        assertEquals(1, Canonical.setAside(b).size());
        Db fresh = device();
        SyncReport boot = engine.sync(fresh);
        assertEquals(1, boot.setAside().size(), "a new device still meets the damaged batch, so it knows it lacks it");
    }

    @Test
    void sync_setAsideBatchStillDamaged_recoveredFromTheAuthorsSnapshotWithoutCleanup() {
        Db a = device();
        Db b = device();
        Item x = rotAndSetAside(a, b);
        SyncEngine noCleanup = fixture.closeAfter(SyncEngine.builder().storage(new ForwardingStorage(remote) {
            @Override
            public void delete(String key) {
                // A store where nothing can be deleted: the damaged batch stays for good.
            }
        }).snapshotEvery(0).build());
        assertTrue(noCleanup.compact(a).snapshotWritten());
        clock.millis.addAndGet(61_000);
        SyncReport r = noCleanup.sync(b);
        assertEquals(List.of(), r.setAside(), r.toString());
        assertEquals("in the damaged batch", b.get(Item.class, x.id()).orElseThrow().title());
        assertEquals(Canonical.userTables(a), Canonical.userTables(b));
    }

    @Test
    void sync_setAsideBatchCleanedUp_rebuiltFromTheAuthorsSnapshot() {
        Db a = device();
        Db b = device();
        Item x = rotAndSetAside(a, b);
        engine.sync(a);
        CompactionReport compacted = engine.compact(a);
        assertTrue(compacted.snapshotWritten(), compacted.toString());
        assertTrue(compacted.batchesDeleted() >= 1, "every device's cursor passed the damaged batch: " + compacted);
        clock.millis.addAndGet(61_000);
        SyncReport r = engine.sync(b);
        assertEquals(0, r.skipped(), r.toString());
        assertEquals("in the damaged batch", b.get(Item.class, x.id()).orElseThrow().title());
        assertEquals(Canonical.userTables(a), Canonical.userTables(b));
        assertEquals(List.of(), Canonical.setAside(b), "the quarantine ends");
    }
}
