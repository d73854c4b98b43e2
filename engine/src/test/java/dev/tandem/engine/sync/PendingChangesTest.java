package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.testing.SyncFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("unit")
class PendingChangesTest {
    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    private final SyncEngine engine = fixture.engine();

    private Db device() {
        return fixture.device();
    }

    private static void save(Db db, int n, String title) {
        for (int i = 0; i < n; i++) {
            db.save(Item.of(title + " " + i));
        }
    }

    @Test
    void pendingChanges_freshDatabase_isZero() {
        assertEquals(0, engine.pendingChanges(device()));
    }

    @Test
    void pendingChanges_beforeAnySync_countsEveryLocalChange() {
        Db a = device();
        save(a, 4, "a");
        Item x = a.save(Item.of("x"));
        a.save(x.withTitle("x2"));
        a.delete(Item.class, x.id());
        assertEquals(7, engine.pendingChanges(a), "4 + 1 inserts, 1 edit, 1 delete");
    }

    @Test
    void pendingChanges_afterSync_isZero() {
        Db a = device();
        save(a, 5, "a");
        SyncReport report = engine.sync(a);
        assertEquals(5, report.pushed());
        assertEquals(0, engine.pendingChanges(a));
    }

    @Test
    void pendingChanges_savesAfterSync_countOnlyThose() {
        Db a = device();
        save(a, 5, "a");
        engine.sync(a);
        save(a, 3, "later");
        assertEquals(3, engine.pendingChanges(a));
        engine.sync(a);
        assertEquals(0, engine.pendingChanges(a));
    }

    @Test
    void pendingChanges_pulledRemoteChanges_doNotCount() {
        Db a = device();
        Db b = device();
        save(a, 6, "a");
        engine.sync(a);
        save(b, 2, "b");
        SyncReport pulled = engine.sync(b);
        assertEquals(6, pulled.pulled());
        assertEquals(0, engine.pendingChanges(b));
        save(b, 1, "b after");
        assertEquals(1, engine.pendingChanges(b), "the 6 merged changes of a stay out of b's count");
    }

    @Test
    void pendingChanges_otherRemote_countsFromItsOwnCursor() {
        Db a = device();
        save(a, 3, "a");
        engine.sync(a);
        SyncEngine other = SyncEngine.builder().storage(fixture.remote()).prefix("elsewhere").build();
        assertEquals(3, other.pendingChanges(a), "nothing pushed under the other prefix yet");
        assertEquals(0, engine.pendingChanges(a));
    }
}
