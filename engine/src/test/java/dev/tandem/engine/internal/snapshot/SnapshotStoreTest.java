package dev.tandem.engine.internal.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.clock.HybridClock;
import dev.tandem.engine.internal.wire.FormatException;
import dev.tandem.engine.internal.wire.Snapshot.Manifest;
import dev.tandem.engine.internal.wire.Snapshot.Part;
import dev.tandem.engine.internal.wire.SnapshotCodec;
import dev.tandem.engine.internal.wire.SnapshotEntry;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.testing.ForwardingStorage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Reading a snapshot of several parts: fetched in order, decoded while the next part downloads. */
@Tag("unit")
class SnapshotStoreTest {
    final HybridClock clock = new HybridClock(Clock.systemUTC());
    final UUID writer = UUID.randomUUID();
    final String id = SnapshotStore.newId(1_700_000_000_000L, writer);
    final SyncStorage storage = SyncStorage.memory();
    final SnapshotStore store = new SnapshotStore(storage);

    Manifest write(int partCount) {
        List<byte[]> parts = new ArrayList<>();
        for (int p = 1; p <= partCount; p++) {
            List<SnapshotEntry> entries = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                entries.add(new SnapshotEntry(writer, new ChangeData(clock.next(), "item", "e" + p + "-" + i,
                        List.of(new FieldData("title", "part " + p + " item " + i, null), new FieldData("done", (long) i, null)))));
            }
            parts.add(SnapshotCodec.encodePart(new Part(id, p, entries)));
        }
        Manifest m = new Manifest(id, writer, 1L, Map.of(writer, 3L), partCount, 50L * partCount);
        store.write(m, parts);
        return m;
    }

    @Test
    void parts_several_allInOrder() {
        Manifest m = write(5);
        List<Part> parts = store.parts(m).orElseThrow();
        assertEquals(5, parts.size());
        for (int p = 1; p <= 5; p++) {
            assertEquals(p, parts.get(p - 1).index());
            assertEquals("part " + p + " item 49", parts.get(p - 1).entries().get(49).change().fields().get(0).value());
        }
    }

    @Test
    void delete_snapshot_manifestFirstThenPartsThenItsFolder() {
        List<String> calls = new ArrayList<>();
        SyncStorage recording = new ForwardingStorage(storage) {
            @Override
            public void delete(String key) {
                calls.add("delete " + key);
                super.delete(key);
            }

            @Override
            public void removeFolder(String folder) {
                calls.add("removeFolder " + folder);
                super.removeFolder(folder);
            }
        };
        write(2);
        new SnapshotStore(recording).delete(id, storage.list("snapshots/", null, 100));
        assertEquals(List.of("delete " + SnapshotStore.manifestKey(id), "delete " + SnapshotStore.partKey(id, 1),
                "delete " + SnapshotStore.partKey(id, 2), "removeFolder snapshots/" + id + "/"), calls);
        assertEquals(List.of(), storage.list("", null, 10));
    }

    @Test
    void parts_oneMissing_empty() {
        Manifest m = write(4);
        storage.delete(SnapshotStore.partKey(id, 3));
        assertEquals(Optional.empty(), store.parts(m));
    }

    @Test
    void parts_oneCorrupt_formatException() {
        Manifest m = write(4);
        String key = SnapshotStore.partKey(id, 2);
        byte[] bytes = storage.get(key).orElseThrow();
        bytes[bytes.length - 3] ^= 4;
        storage.delete(key);
        storage.createIfAbsent(key, bytes);
        FormatException e = assertThrows(FormatException.class, () -> store.parts(m));
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }
}
