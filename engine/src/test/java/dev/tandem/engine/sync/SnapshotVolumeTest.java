package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.testing.SyncFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot policy's volume trigger (docs/SYNC_FORMAT.md, "Snapshots"): many changes in few
 * batches get a snapshot, few do not, a large state waits for a quarter of its size, devices taking
 * turns write about one per volume, and a device that just bootstrapped writes none. The batch
 * count is set out of reach, so only the volume decides.
 */
@Tag("unit")
class SnapshotVolumeTest {
    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path dir;
    final SyncStorage remote = fixture.remote();

    Db device(String name) {
        return fixture.device(Db.builder().file(dir.resolve(name + ".db")));
    }

    SyncEngine engine(int changes) {
        return fixture.closeAfter(SyncEngine.builder().storage(remote).snapshotEvery(1000).snapshotChanges(changes).build());
    }

    /** Ids of the complete snapshots on the remote now. */
    Set<String> snapshots() {
        Set<String> ids = new LinkedHashSet<>();
        for (String key : remote.list("snapshots/", null, 1000)) {
            if (key.endsWith("/manifest")) {
                ids.add(key.substring("snapshots/".length(), key.length() - "/manifest".length()));
            }
        }
        return ids;
    }

    static List<String> add(Db db, String prefix, int n) {
        List<String> ids = new ArrayList<>();
        db.transaction(tx -> {
            for (int i = 0; i < n; i++) {
                ids.add(tx.save(Item.of(prefix + i)).id());
            }
        });
        return ids;
    }

    static void rename(Db db, List<String> ids, int from, int n, String title) {
        db.transaction(tx -> {
            for (int i = from; i < from + n; i++) {
                tx.save(tx.get(Item.class, ids.get(i % ids.size())).orElseThrow().withTitle(title + i));
            }
        });
    }

    @Test
    void sync_manyChangesInOneBatch_writesSnapshotANewDeviceLoads() {
        SyncEngine engine = engine(50);
        Db a = device("a");
        add(a, "a", 60);
        engine.sync(a);
        assertEquals(1, snapshots().size(), "60 changes in one batch pass the volume of 50");
        Db n = device("n");
        SyncReport boot = engine.sync(n);
        assertEquals(60, boot.pulled());
        assertEquals(SyncFixture.items(a), SyncFixture.items(n));
    }

    @Test
    void sync_fewerChangesThanTheVolume_writesNone() {
        SyncEngine engine = engine(50);
        Db a = device("a");
        add(a, "a", 49);
        engine.sync(a);
        assertTrue(snapshots().isEmpty());
    }

    @Test
    void sync_volumeOff_onlyBatchesCount() {
        SyncEngine engine = engine(0);
        Db a = device("a");
        add(a, "a", 500);
        engine.sync(a);
        assertTrue(snapshots().isEmpty());
    }

    @Test
    void sync_largeState_waitsForAQuarterOfItsSize() {
        SyncEngine engine = engine(10);
        Db a = device("a");
        List<String> ids = add(a, "a", 200);
        engine.sync(a);
        Set<String> first = snapshots();
        assertEquals(1, first.size());
        rename(a, ids, 0, 45, "x");
        engine.sync(a);
        assertEquals(first, snapshots(), "45 changes are past 10 but not a quarter of a 200-change snapshot");
        rename(a, ids, 45, 10, "y");
        engine.sync(a);
        assertTrue(!snapshots().equals(first) && snapshots().size() == 1, "55 changes are past it: a new one, the old one cleaned up");
    }

    @Test
    void sync_devicesTakingTurns_aboutOneSnapshotPerVolume() {
        SyncEngine engine = engine(100);
        List<Db> devices = List.of(device("a"), device("b"), device("c"));
        List<String> ids = add(devices.get(0), "a", 30);
        SyncFixture.syncEach(engine, devices.toArray(new Db[0]));
        Set<String> written = new LinkedHashSet<>(snapshots());
        int before = written.size();
        for (int round = 0; round < 24; round++) {
            Db d = devices.get(round % 3);
            rename(d, ids, round * 25, 25, "r" + round + " ");
            engine.sync(d);
            written.addAll(snapshots());
        }
        int count = written.size() - before;
        // 600 changes, a volume of 100: six snapshots if one device wrote them all; every device
        // counts every change, yet learning of the others' snapshots keeps them from tripling that.
        assertTrue(count >= 4 && count <= 9, count + " snapshots for 600 changes in 24 syncs: " + written);
        Db n = device("n");
        engine.sync(n);
        engine.sync(devices.get(0));
        assertEquals(SyncFixture.items(devices.get(0)), SyncFixture.items(n));
    }

    @Test
    void sync_bootstrapThenReplayPastTheVolume_newDeviceWritesNoSnapshot() {
        SyncEngine engine = engine(50);
        Db a = device("a");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.addAll(add(a, "a" + i + " ", 10));
            engine.sync(a); // the fifth writes a snapshot of five batches
        }
        assertEquals(1, snapshots().size());
        for (int i = 0; i < 10; i++) {
            rename(a, ids, i * 4, 4, "e" + i + " ");
            SyncEngine quiet = fixture.closeAfter(SyncEngine.builder().storage(remote).snapshotEvery(0).build());
            quiet.sync(a); // ten batches of 4 more past the snapshot, which a's own policy leaves alone
        }
        Set<String> before = snapshots();
        Db n = device("n");
        SyncReport boot = engine.sync(n);
        assertTrue(boot.pulled() >= 50 + 10 + 40, "the snapshot and the 50 changes after it: " + boot.pulled());
        assertEquals(before, snapshots(), "the new device replayed 50 changes but leaves snapshots to the others");
        assertEquals(SyncFixture.items(a), SyncFixture.items(n));
    }
}
