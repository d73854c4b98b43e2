package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.TodoList;
import dev.tandem.engine.testing.ForgedRemote;
import dev.tandem.engine.testing.ManualClock;
import dev.tandem.engine.testing.SyncFixture;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An object a device cannot read is reported by every sync until it has been read, not only by the
 * sync that first met it.
 */
@Tag("unit")
class SetAsideReportTest {
    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();

    @Test
    void sync_unreadableObject_reportedBySyncAfterSyncUntilItReads() {
        ManualClock clock = new ManualClock(1_800_000_000_000L);
        SyncStorage remote = fixture.remote();
        ForgedRemote other = new ForgedRemote(remote);
        byte[] good = other.encode(1, other.change("list", "one", "name", "One"));
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 1;
        other.raw(1, bad);
        other.head(1);
        Db b = fixture.device(Db.builder().memory().clock(clock));
        SyncEngine engine = fixture.engine();

        SyncReport first = engine.sync(b);
        assertEquals(1, first.skipped());
        assertEquals(List.of(other.batchKey(1)), first.setAside().stream().map(SetAside::key).toList());
        assertTrue(first.setAside().get(0).problem().contains(other.batchKey(1)), first.setAside().toString());

        SyncReport second = engine.sync(b);
        assertEquals(0, second.skipped(), "nothing newly set aside");
        assertEquals(List.of(other.batchKey(1)), second.setAside().stream().map(SetAside::key).toList(),
                "still unread, so still reported");
        assertTrue(!second.complete(), "an unread object keeps the report incomplete");
        assertEquals(second.setAside(), engine.setAside(b), "the same list without a sync");

        remote.delete(other.batchKey(1));
        remote.createIfAbsent(other.batchKey(1), good);
        clock.millis.addAndGet(61_000);
        SyncReport healed = engine.sync(b);
        assertEquals(List.of(), healed.setAside());
        assertEquals(List.of(new TodoList("one", "One")), b.query(TodoList.class, "SELECT * FROM list"));
        assertEquals(List.of(), engine.setAside(b));
    }

    @Test
    void sync_batchListedButMissing_waitsThenSetsItAsideAndReadsOn() {
        ManualClock clock = new ManualClock(1_800_000_000_000L);
        SyncStorage remote = fixture.remote();
        ForgedRemote other = new ForgedRemote(remote);
        // A server that lost batch 1 after its device published head 2.
        other.batch(2, other.change("list", "two", "name", "Two"));
        other.head(2);
        Db b = fixture.device(Db.builder().memory().clock(clock));
        SyncEngine engine = fixture.engine();

        SyncReport waiting = engine.sync(b);
        assertEquals(List.of(), waiting.setAside(), "a folder sync may still deliver it: wait");
        assertEquals(List.of(), b.query(TodoList.class, "SELECT * FROM list"));

        clock.millis.addAndGet(11 * 60_000L);
        SyncReport r = engine.sync(b);
        assertEquals(List.of(other.batchKey(1)), r.setAside().stream().map(SetAside::key).toList());
        assertTrue(r.warnings().get(0).contains(other.batchKey(1)), r.warnings().toString());
        assertEquals(List.of(new TodoList("two", "Two")), b.query(TodoList.class, "SELECT * FROM list"),
                "the device's later batches are read");
    }
}
