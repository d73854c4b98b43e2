package dev.tandem.engine.sync;

import static dev.tandem.engine.testing.SyncFixture.syncEach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Fixtures.TodoList;
import dev.tandem.engine.testing.Canonical;
import dev.tandem.engine.testing.SyncFixture;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rows a merge holds back because their parent is missing must show as soon as the parent row
 * appears, whichever way it appears. Found by {@link ConcurrentConvergenceProperties}: a parent
 * brought back by a local restore or save left its held children hidden on that one replica.
 */
@Tag("unit")
class HeldRowsSyncTest {
    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    final SyncEngine engine = fixture.engine();

    /** a deletes the list while b files a new item into it; r merges both and holds the item. */
    Db replicaHoldingAnItemForDeletedList(Db a, Db b) {
        a.save(new TodoList("work", "Work"));
        engine.sync(a);
        engine.sync(b);
        a.delete(TodoList.class, "work");
        b.save(new Item("report", "work", "report", false, null, null));
        engine.sync(a);
        engine.sync(b);
        Db r = fixture.device();
        engine.sync(r);
        assertTrue(r.get(TodoList.class, "work").isEmpty());
        assertTrue(r.get(Item.class, "report").isEmpty(), "held: its list is deleted");
        assertEquals(List.of("item/report"), Canonical.pending(r));
        return r;
    }

    @Test
    void restore_parentOfHeldChild_childShowsAtOnce() {
        Db a = fixture.device();
        Db b = fixture.device();
        Db r = replicaHoldingAnItemForDeletedList(a, b);
        r.restore(TodoList.class, "work");
        assertEquals("work", r.get(Item.class, "report").orElseThrow().listId());
        assertEquals(List.of(), Canonical.pending(r));
        syncEach(engine, r, a, b, r);
        assertEquals(Canonical.userTables(r), Canonical.userTables(a));
        assertEquals(Canonical.userTables(r), Canonical.userTables(b));
    }

    @Test
    void save_parentOfHeldChild_childShowsAtOnce() {
        Db a = fixture.device();
        Db b = fixture.device();
        Db r = replicaHoldingAnItemForDeletedList(a, b);
        r.save(new TodoList("work", "Work again"));
        assertEquals("work", r.get(Item.class, "report").orElseThrow().listId());
        syncEach(engine, r, a, b, r);
        assertEquals(Canonical.userTables(r), Canonical.userTables(a));
        assertEquals(Canonical.userTables(r), Canonical.userTables(b));
        assertEquals(Canonical.pending(r), Canonical.pending(a));
    }

    @Test
    void save_heldEntityWrittenAgainLocally_noLongerHeld() {
        Db a = fixture.device();
        Db b = fixture.device();
        Db r = replicaHoldingAnItemForDeletedList(a, b);
        r.save(new Item("report", null, "report, filed nowhere", false, null, null));
        assertEquals(List.of(), Canonical.pending(r), "the row shows, so it is not held");
        syncEach(engine, r, a, b, r);
        assertEquals(Canonical.userTables(r), Canonical.userTables(a));
        assertEquals(Canonical.pending(r), Canonical.pending(a));
        assertEquals(Canonical.pending(r), Canonical.pending(b));
    }
}
