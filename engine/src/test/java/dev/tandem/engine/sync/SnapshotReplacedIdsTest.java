package dev.tandem.engine.sync;

import static dev.tandem.engine.sync.SnapshotTest.stateHash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Conflict;
import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.wire.Snapshot;
import dev.tandem.engine.internal.wire.SnapshotCodec;
import dev.tandem.engine.internal.wire.SnapshotEntry;
import dev.tandem.engine.testing.ManualClock;
import dev.tandem.engine.testing.SyncFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot leaves out the replaced ids of winners every live device has seen (docs/SYNC_FORMAT.md,
 * "Part body"), keeps those of newer winners, and a device built from it merges later edits with the
 * same values and the same conflicts as a device with the whole history.
 */
@Tag("unit")
class SnapshotReplacedIdsTest {
    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path dir;
    final SyncStorage remote = fixture.remote();
    final ManualClock clock = new ManualClock();

    Db device(String name) {
        return fixture.device(Db.builder().file(dir.resolve(name + ".db")).clock(clock));
    }

    SyncEngine engine() {
        return fixture.closeAfter(SyncEngine.builder().storage(remote).snapshotEvery(0).build());
    }

    private void liveOn(SyncEngine engine, List<Db> live, int days) {
        TombstoneForgettingTest.liveOn(engine, clock, live, days);
    }

    /** The newest snapshot's entries, by entity id, with only the {@code item} table's. */
    private Map<String, List<FieldData>> newestSnapshot() {
        List<String> manifests = new ArrayList<>();
        for (String key : remote.list("snapshots/", null, 1000)) {
            if (key.endsWith("/manifest")) {
                manifests.add(key);
            }
        }
        assertFalse(manifests.isEmpty(), "no snapshot on the remote");
        manifests.sort(null);
        String manifestKey = manifests.get(manifests.size() - 1);
        String id = manifestKey.substring("snapshots/".length(), manifestKey.length() - "/manifest".length());
        Snapshot.Manifest m = SnapshotCodec.decodeManifest(remote.get(manifestKey).orElseThrow(), manifestKey, id);
        Map<String, List<FieldData>> byEntity = new HashMap<>();
        for (int i = 1; i <= m.parts(); i++) {
            String key = String.format("snapshots/%s/part-%06d", id, i);
            for (SnapshotEntry e : SnapshotCodec.decodePart(remote.get(key).orElseThrow(), key, id, i).entries()) {
                if (e.change().table().equals("item")) {
                    byEntity.computeIfAbsent(e.change().entity(), k -> new ArrayList<>()).addAll(e.change().fields());
                }
            }
        }
        return byEntity;
    }

    private static FieldData field(Map<String, List<FieldData>> snapshot, String entity, String name) {
        return snapshot.get(entity).stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " of " + entity + " in " + snapshot.get(entity)));
    }

    @Test
    void compact_winnersEveryDeviceHasSeen_leavesOutTheirReplacedIdsAndDevicesBuiltFromItMergeAlike() {
        SyncEngine engine = engine();
        Db a = device("a");
        Db b = device("b");
        Db c = device("c");
        Item old = a.save(Item.of("old, 1"));
        for (int i = 2; i <= 4; i++) {
            old = a.save(old.withTitle("old, " + i));
        }
        liveOn(engine, List.of(a, b, c), 10);
        engine.compact(a);
        liveOn(engine, List.of(a, b, c), 10);
        engine.compact(a);

        // Renamed after the last cleanup's checkpoint: not every device has published that it saw it.
        clock.millis.addAndGet(60_000);
        Item recent = a.save(Item.of("recent, 1"));
        recent = a.save(recent.withTitle("recent, 2"));
        engine.sync(a);
        engine.compact(a);

        Map<String, List<FieldData>> snapshot = newestSnapshot();
        assertNull(field(snapshot, old.id(), "title").replaces(), "seen everywhere: its replaced id is left out");
        assertNotNull(field(snapshot, recent.id(), "title").replaces(), "not yet seen everywhere: kept");

        Db fresh = device("fresh");
        SyncFixture.syncEach(engine, fresh, b, c);
        assertEquals(stateHash(a), stateHash(fresh));

        // A later edit replaces the version every device has: no conflict anywhere, built from the
        // snapshot or holding the whole chain.
        fresh.save(fresh.get(Item.class, old.id()).orElseThrow().withTitle("old, renamed on fresh"));
        engine.sync(fresh);
        b.save(b.get(Item.class, recent.id()).orElseThrow().withNotes("noted on b"));
        SyncFixture.syncEach(engine, b, a, c, fresh);
        for (Db d : List.of(a, b, c, fresh)) {
            assertEquals(List.of(), d.conflicts().list(), "no clash was made, on " + d.deviceId());
        }

        // Two devices rename the same old todo without seeing each other: a real clash, kept as such.
        fresh.save(fresh.get(Item.class, old.id()).orElseThrow().withTitle("fresh's title"));
        c.save(c.get(Item.class, old.id()).orElseThrow().withTitle("c's title"));
        SyncFixture.syncEach(engine, fresh, c, a, b, fresh);
        for (Db d : List.of(a, b, c, fresh)) {
            List<Conflict> conflicts = d.conflicts().list();
            assertEquals(1, conflicts.size(), "the one clash, on " + d.deviceId() + ": " + conflicts);
            assertTrue(List.of("fresh's title", "c's title").contains(conflicts.get(0).lostValue()));
            assertEquals(stateHash(a), stateHash(d));
        }
    }
}
