package dev.tandem.engine.sync;

import static dev.tandem.engine.sync.SnapshotTest.stateHash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.internal.wire.Frame;
import dev.tandem.engine.internal.wire.PartLayout1;
import dev.tandem.engine.internal.wire.Snapshot;
import dev.tandem.engine.internal.wire.SnapshotCodec;
import dev.tandem.engine.testing.SyncFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A remote whose snapshot an older Tandem wrote (part layout 1) still brings a new device to the
 * same state, and the next snapshot is written in layout 2 and does too (docs/SYNC_FORMAT.md, "Part
 * body"). The batches the snapshots cover are deleted first, so the new devices can only have read
 * the snapshot.
 */
@Tag("unit")
class SnapshotPartLayoutTest {
    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    final SyncStorage remote = fixture.remote();
    final SyncEngine engine = fixture.closeAfter(SyncEngine.builder().storage(remote).snapshotEvery(0).build());

    /** The newest snapshot's manifest key. */
    private String newestManifest() {
        List<String> manifests = new ArrayList<>();
        for (String key : remote.list("snapshots/", null, 1000)) {
            if (key.endsWith("/manifest")) {
                manifests.add(key);
            }
        }
        manifests.sort(null);
        return manifests.get(manifests.size() - 1);
    }

    /** The keys of the newest snapshot's parts, after checking each is at {@code version}. */
    private List<String> parts(int version) {
        String manifestKey = newestManifest();
        String id = manifestKey.substring("snapshots/".length(), manifestKey.length() - "/manifest".length());
        Snapshot.Manifest m = SnapshotCodec.decodeManifest(remote.get(manifestKey).orElseThrow(), manifestKey, id);
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= m.parts(); i++) {
            String key = String.format("snapshots/%s/part-%06d", id, i);
            assertEquals(version, Frame.version(remote.get(key).orElseThrow()), key);
            keys.add(key);
        }
        return keys;
    }

    /** Rewrites the newest snapshot's parts as an older Tandem wrote them. */
    private void rewriteAsLayout1() {
        for (String key : parts(Frame.PART_VERSION)) {
            String id = key.substring("snapshots/".length(), key.lastIndexOf('/'));
            int index = Integer.parseInt(key.substring(key.lastIndexOf('-') + 1));
            Snapshot.Part part = SnapshotCodec.decodePart(remote.get(key).orElseThrow(), key, id, index);
            remote.delete(key);
            assertTrue(remote.createIfAbsent(key, PartLayout1.encode(part)));
        }
        parts(1);
    }

    private void deleteBatches() {
        List<String> batches = remote.list("batches/", null, 10_000);
        assertFalse(batches.isEmpty());
        batches.forEach(remote::delete);
    }

    /** Todos of several changes each, from two devices, some deleted. */
    private static void edit(Db a, Db b, int round) {
        for (int i = 0; i < 30; i++) {
            Item item = a.save(Item.of("todo " + round + "." + i));
            item = a.save(item.withNotes("notes of " + i));
            if (i % 3 == 0) {
                b.save(item.withTitle("renamed on b " + i));
            }
            if (i % 7 == 0) {
                a.delete(Item.class, item.id());
            }
        }
    }

    @Test
    void sync_snapshotInLayout1_newDeviceBuiltFromItAndTheNextSnapshotInLayout2() {
        Db a = fixture.device();
        Db b = fixture.device();
        edit(a, b, 1);
        SyncFixture.syncEach(engine, a, b, a);
        edit(b, a, 2);
        SyncFixture.syncEach(engine, b, a, b);
        engine.compact(a);
        rewriteAsLayout1();
        deleteBatches();

        Db fresh = fixture.device();
        engine.sync(fresh);
        assertEquals(stateHash(a), stateHash(fresh), "built from the layout 1 snapshot alone");

        edit(fresh, b, 3);
        SyncFixture.syncEach(engine, fresh, b, a, fresh);
        engine.compact(a);
        parts(Frame.PART_VERSION);
        deleteBatches();
        Db another = fixture.device();
        engine.sync(another);
        assertEquals(stateHash(a), stateHash(another), "built from the layout 2 snapshot alone");
        assertEquals(stateHash(a), stateHash(fresh));
    }
}
