package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Fixtures.TodoList;
import dev.tandem.engine.testing.SyncFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a remote's scope holds changes between a push and the sync that reads the push back (the
 * own-batch check, which tells a copied profile by what its slots hold): a list shared after its
 * todos went to the personal remote, a todo moved into a shared list. The check compares the slots
 * with what was pushed then, so neither looks like another installation; a slot a copy really
 * replaced still does.
 */
@Tag("unit")
class ScopeChangeSyncTest {
    private static final String GROCERIES = "groceries";
    private static final SyncScope.Tree SHARED = (SyncScope.Tree) SyncScope.tree("list", Set.of(GROCERIES),
            List.of(new SyncScope.Link("item", "list_id", "list")));

    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path dir;
    final SyncStorage personal = SyncStorage.memory();

    private Db device(String name) {
        return fixture.device(Db.builder().file(dir.resolve(name + ".db")));
    }

    private SyncEngine engine(SyncStorage storage, SyncScope scope) {
        return fixture.closeAfter(SyncEngine.builder().storage(storage).scope(scope).snapshotEvery(0).build());
    }

    private static void assertQuiet(SyncReport r, Db db, String before) {
        assertEquals(List.of(), r.notes(), "nothing to say");
        assertEquals(before, db.deviceId(), "the device keeps its id");
    }

    @Test
    void sync_listSharedAfterItsTodosWerePushed_noNoteAndSameDeviceId() {
        Db a = device("a");
        a.save(new TodoList(GROCERIES, "Groceries"));
        a.save(Item.of("milk").withList(GROCERIES));
        a.save(Item.of("call the bank"));
        engine(personal, SyncScope.everything()).sync(a);
        String id = a.deviceId();

        // The list is shared now: the personal remote's scope leaves it out from here on.
        SyncEngine scoped = engine(personal, SyncScope.except(List.of(SHARED)));
        assertQuiet(scoped.sync(a), a, id);
        a.save(Item.of("pay rent"));
        assertQuiet(scoped.sync(a), a, id);
        assertQuiet(scoped.sync(a), a, id);
    }

    @Test
    void sync_todoMovedIntoASharedListAfterItsPush_noNoteAndSameDeviceId() {
        Db a = device("a");
        SyncEngine scoped = engine(personal, SyncScope.except(List.of(SHARED)));
        a.save(new TodoList(GROCERIES, "Groceries"));
        a.save(new TodoList("home", "Home"));
        Item bulbs = a.save(Item.of("light bulbs").withList("home"));
        scoped.sync(a);
        String id = a.deviceId();

        a.save(bulbs.withList(GROCERIES));
        assertQuiet(scoped.sync(a), a, id);
        assertQuiet(scoped.sync(a), a, id);
    }

    @Test
    void sync_databaseFromBeforeTheTallyWithAPushUnread_noNoteAndLaterPushesChecked() throws Exception {
        Db a = device("a");
        a.save(new TodoList(GROCERIES, "Groceries"));
        a.save(Item.of("milk").withList(GROCERIES));
        SyncEngine whole = engine(personal, SyncScope.everything());
        whole.sync(a);
        a.save(Item.of("call the bank"));
        whole.sync(a);
        String id = a.deviceId();
        a.close();
        // As a database written before pushes were tallied: it has a confirmed push and no tally.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("a.db"));
             java.sql.Statement st = c.createStatement()) {
            assertEquals(1, st.executeUpdate("DELETE FROM _tandem_meta WHERE key LIKE 'unconfirmed_push %'"));
        }
        a = device("a");
        SyncEngine scoped = engine(personal, SyncScope.except(List.of(SHARED)));
        assertQuiet(scoped.sync(a), a, id);
        a.save(Item.of("pay rent"));
        assertQuiet(scoped.sync(a), a, id);
        assertQuiet(scoped.sync(a), a, id);
    }

    @Test
    void sync_scopedSlotReplacedByACopyAfterADroppedPush_takesANewId() throws Exception {
        CopiedProfileTest.DroppingServer server = new CopiedProfileTest.DroppingServer(personal);
        SyncEngine scoped = engine(server, SyncScope.except(List.of(SHARED)));
        Db a = device("a");
        a.save(new TodoList(GROCERIES, "Groceries"));
        a.save(Item.of("milk").withList(GROCERIES));
        a.save(Item.of("one"));
        scoped.sync(a);
        a.close();
        java.nio.file.Files.copy(dir.resolve("a.db"), dir.resolve("c.db"));
        a = device("a");
        Db c = device("c");
        a.save(Item.of("original, push dropped"));
        server.dropping = true;
        scoped.sync(a);
        server.dropping = false;
        c.save(Item.of("made on the copy"));
        scoped.sync(c);

        SyncReport noticed = scoped.sync(a);
        assertTrue(noticed.notes().stream().anyMatch(n -> n.startsWith("Another installation syncs under this device's id")),
                noticed.notes().toString());
        assertNotEquals(a.deviceId(), c.deviceId());
        scoped.sync(c);
        scoped.sync(a);
        Db fresh = device("fresh");
        engine(personal, SyncScope.everything()).sync(fresh);
        assertEquals(Set.of("one", "original, push dropped", "made on the copy"), Set.copyOf(
                fresh.query(Item.class, "SELECT * FROM item").stream().map(Item::title).toList()));
    }
}
