package dev.tandem.engine.sync;

import static dev.tandem.engine.sync.SnapshotTest.stateHash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.testing.ForwardingStorage;
import dev.tandem.engine.testing.ManualClock;
import dev.tandem.engine.testing.SyncFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Retired devices: unseen for too long, or forgotten by hand; cleanup stops waiting, and one that comes back re-joins. */
@Tag("unit")
class RetirementTest {
    private static final long DAY = 24L * 3600 * 1000;

    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path dir;
    /** The folders cleanup asked the remote to remove (it has none: memory). */
    final List<String> removedFolders = new CopyOnWriteArrayList<>();
    final SyncStorage remote = new ForwardingStorage(fixture.remote()) {
        @Override
        public void removeFolder(String folder) {
            removedFolders.add(folder);
            super.removeFolder(folder);
        }
    };
    final ManualClock clock = new ManualClock();

    /** All devices share one manual clock: "unseen for 91 days" is the clock moving on while one stays away. */
    Db device(String name) {
        return fixture.device(Db.builder().file(dir.resolve(name + ".db")).clock(clock));
    }

    /** The automatic snapshot policy off: each test compacts when it means to; retirement at its default. */
    SyncEngine engine() {
        return fixture.closeAfter(SyncEngine.builder().storage(remote).snapshotEvery(0).build());
    }

    List<String> keys(String prefix) {
        return remote.list(prefix, null, 1000);
    }

    /** Three devices that have all read each other's first batch; then {@code away} stops syncing. */
    private void setUp(SyncEngine engine, Db a, Db b, Db away) {
        a.save(Item.of("a0"));
        b.save(Item.of("b0"));
        away.save(Item.of("s0"));
        for (Db d : List.of(a, b, away, a, b, away)) {
            engine.sync(d);
        }
    }

    /** While {@code away} stays away for {@code days}, a and b edit and sync every few days. */
    private void liveOn(SyncEngine engine, Db a, Db b, int days) {
        for (int day = 0; day < days; day += 5) {
            clock.millis.addAndGet(5 * DAY);
            a.save(Item.of("a day " + day));
            b.save(Item.of("b day " + day));
            engine.sync(a);
            engine.sync(b);
        }
        engine.sync(a);
    }

    @Test
    void compact_deviceUnseenPast90Days_retiredAndNothingWaitsForIt() {
        SyncEngine engine = engine();
        Db a = device("a");
        Db b = device("b");
        Db away = device("away");
        setUp(engine, a, b, away);
        liveOn(engine, a, b, 60);
        engine.compact(a);
        assertFalse(keys("heads/").contains("heads/" + away.deviceId() + "/retired"), "60 days away is not retired");
        int kept = keys("batches/").size();
        assertTrue(kept > 20, "the away device's cursors hold back what it has not read: " + kept + " batches kept");

        liveOn(engine, a, b, 35);
        engine.sync(b);
        engine.compact(a);
        assertTrue(keys("heads/").contains("heads/" + away.deviceId() + "/retired"), keys("heads/").toString());
        List<String> left = keys("batches/");
        assertTrue(left.size() <= 2, "only what a live device has not read stays: " + left);
        assertTrue(left.stream().noneMatch(k -> k.contains(away.deviceId())), left.toString());
        assertEquals(List.of("heads/" + away.deviceId() + "/retired"), keys("heads/" + away.deviceId() + "/"),
                "its heads go once its batches are gone; the retirement stays");
        assertTrue(removedFolders.contains("batches/" + away.deviceId() + "/"),
                "its batches' folder goes with its last batch: " + removedFolders);
        assertTrue(removedFolders.stream().noneMatch(f -> f.startsWith("batches/") && !f.contains(away.deviceId())),
                "no live device's batches folder: " + removedFolders);
        List<RemoteDevice> devices = engine.devices(a);
        assertEquals(3, devices.size(), devices.toString());
        RemoteDevice gone = devices.stream().filter(d -> d.id().toString().equals(away.deviceId())).findFirst().orElseThrow();
        assertTrue(gone.retired() && !gone.thisDevice(), gone.toString());
        assertTrue(devices.stream().filter(d -> !d.id().equals(gone.id())).noneMatch(RemoteDevice::retired));
    }

    @Test
    void sync_retiredDeviceComesBack_toldSoAndRejoinsUnderANewIdWithItsOfflineEdits() {
        SyncEngine engine = engine();
        Db a = device("a");
        Db b = device("b");
        Db away = device("away");
        setUp(engine, a, b, away);
        Item s0 = away.query(Item.class, "SELECT * FROM item WHERE title = 's0'").get(0);
        // Offline on the away device, early: a new todo and a title a changes again later.
        Item offline = away.save(Item.of("written on holiday"));
        away.save(away.get(Item.class, s0.id()).orElseThrow().withNotes("holiday notes"));
        clock.millis.addAndGet(DAY);
        a.save(a.get(Item.class, s0.id()).orElseThrow().withTitle("s0, renamed on a"));
        liveOn(engine, a, b, 95);
        engine.compact(a);
        String oldId = away.deviceId();
        assertTrue(keys("heads/").contains("heads/" + oldId + "/retired"));

        SyncReport back = engine.sync(away);
        assertNotEquals(oldId, away.deviceId(), "a new id");
        assertTrue(back.notes().stream().anyMatch(n -> n.contains("retired") && n.contains("re-joined")),
                back.notes().toString());
        assertEquals(2, back.pushed(), "both offline changes go out under the new id");
        engine.sync(a);
        engine.sync(b);
        engine.sync(away);
        assertEquals(stateHash(a), stateHash(away));
        assertEquals(stateHash(b), stateHash(away));
        assertTrue(a.get(Item.class, offline.id()).isPresent());
        Item merged = a.get(Item.class, s0.id()).orElseThrow();
        assertEquals("s0, renamed on a", merged.title());
        assertEquals("holiday notes", merged.notes(), "a different field of the same todo survives");
        assertFalse(keys("heads/").contains("heads/" + away.deviceId() + "/retired"), "the new id is live");
    }

    @Test
    void compact_deviceThatOnlyReadsEveryFewWeeks_saysItIsAliveAndIsNotRetired() {
        SyncEngine engine = engine();
        Db a = device("a");
        Db b = device("b");
        Db reader = device("reader");
        setUp(engine, a, b, reader);
        for (int i = 0; i < 6; i++) { // 120 days; the reader syncs every 20 and writes nothing
            liveOn(engine, a, b, 20);
            engine.sync(reader);
        }
        engine.compact(a);
        assertFalse(keys("heads/").contains("heads/" + reader.deviceId() + "/retired"), keys("heads/").toString());
        assertTrue(keys("acks/").stream().anyMatch(k -> k.contains(reader.deviceId())), keys("acks/").toString());
    }

    @Test
    void forget_anotherDevice_retiresItAndItRejoinsOnItsNextSync() {
        SyncEngine engine = engine();
        Db a = device("a");
        Db b = device("b");
        Db lost = device("lost");
        setUp(engine, a, b, lost);
        UUID lostId = UUID.fromString(lost.deviceId());
        assertTrue(engine.forget(a, lostId));
        assertFalse(engine.forget(b, lostId), "already forgotten");
        assertTrue(engine.devices(b).stream().anyMatch(d -> d.id().equals(lostId) && d.retired()));
        IllegalArgumentException self = assertThrows(IllegalArgumentException.class,
                () -> engine.forget(a, UUID.fromString(a.deviceId())));
        assertTrue(self.getMessage().startsWith("device: "), self.getMessage());

        Item note = lost.save(Item.of("the phone was in a drawer"));
        SyncReport back = engine.sync(lost);
        assertTrue(back.notes().stream().anyMatch(n -> n.contains("forgot this device") && n.contains(a.deviceId())),
                back.notes().toString());
        engine.sync(a);
        assertTrue(a.get(Item.class, note.id()).isPresent());
    }

    @Test
    void build_retireAfterUnderADay_refusedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SyncEngine.builder().inMemory().retireAfter(Duration.ofHours(12)));
        assertTrue(e.getMessage().startsWith("retireAfter: "), e.getMessage());
        SyncEngine.builder().inMemory().retireAfter(Duration.ZERO).build().close();
    }
}
