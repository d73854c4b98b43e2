package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.testing.ManualClock;
import dev.tandem.engine.testing.SyncFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot id ({@code <writer millis>-<writer device>}) is never reused, and a writer's ids sort
 * in the order it wrote them, whatever its clock reads: a second snapshot in the same millisecond,
 * or after the clock was set back, takes the millisecond after the writer's newest id on the remote\n * (up to a day ahead of its clock: one further ahead is not taken as its own).
 */
@Tag("unit")
class SnapshotIdTest {
    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path dir;
    final SyncStorage remote = fixture.remote();
    final ManualClock clock = new ManualClock(1_800_000_000_000L);

    Db device(String name) {
        return fixture.device(Db.builder().file(dir.resolve(name + ".db")).clock(clock));
    }

    SyncEngine engine() {
        return fixture.closeAfter(SyncEngine.builder().storage(remote).snapshotEvery(0).build());
    }

    /** Snapshot ids on the remote that have a manifest, oldest first. */
    List<String> snapshots() {
        TreeSet<String> ids = new TreeSet<>();
        for (String name : remote.list("snapshots/", null, 1000)) {
            if (name.endsWith("/manifest")) {
                ids.add(name.substring("snapshots/".length(), name.length() - "/manifest".length()));
            }
        }
        return List.copyOf(ids);
    }

    @Test
    void compact_twiceInOneMillisecond_secondTakesTheNextMillisecond() {
        secondSnapshot_afterClockStep_takesTheMillisecondAfterTheFirst(0);
    }

    @Test
    void compact_clockSetBack_newSnapshotStillSortsNewest() {
        secondSnapshot_afterClockStep_takesTheMillisecondAfterTheFirst(-3_600_000L);
    }

    /** Two snapshots with {@code step} on the clock between them; a new device bootstraps from the second. */
    private void secondSnapshot_afterClockStep_takesTheMillisecondAfterTheFirst(long step) {
        SyncEngine engine = engine();
        Db a = device("a");
        a.save(Item.of("first"));
        assertTrue(engine.compact(a).snapshotWritten());
        clock.millis.addAndGet(step);
        a.save(Item.of("second"));

        assertTrue(engine.compact(a).snapshotWritten());

        List<String> ids = snapshots();
        assertTrue(ids.get(ids.size() - 1).startsWith("1800000000001-" + a.deviceId()), ids.toString());
        Db n = device("n");
        engine.sync(n);
        assertEquals(2, SnapshotTest.count(n, "item"));
    }

    @Test
    void compact_anIdUnderThisWriterADayAhead_notFollowed() {
        SyncEngine engine = engine();
        Db a = device("a");
        a.save(Item.of("first"));
        // Anyone who can write the folder (a member of a shared space) can name any writer.
        remote.createIfAbsent("snapshots/2800000000000-" + a.deviceId() + "/part-000001", new byte[] {1});

        assertTrue(engine.compact(a).snapshotWritten());

        assertEquals(List.of("1800000000000-" + a.deviceId()), snapshots());
    }
}
