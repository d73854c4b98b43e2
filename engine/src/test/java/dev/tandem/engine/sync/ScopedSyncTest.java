package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
 * Scoped remotes: one list synced through a remote of its own with other people, every other list
 * through each person's own remote. Two people with two devices each; a device that syncs only a
 * personal remote shows what that remote holds.
 */
@Tag("unit")
class ScopedSyncTest {
    private static final String GROCERIES = "groceries";
    private static final SyncScope.Tree SHARED = (SyncScope.Tree) SyncScope.tree("list", Set.of(GROCERIES),
            List.of(new SyncScope.Link("item", "list_id", "list")));

    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path dir;
    final SyncStorage space = SyncStorage.memory();
    final SyncStorage alicePersonal = SyncStorage.memory();
    final SyncStorage bobPersonal = SyncStorage.memory();

    Db device(String name) {
        return fixture.device(Db.builder().file(dir.resolve(name + ".db")));
    }

    SyncEngine engine(SyncStorage storage, SyncScope scope) {
        return fixture.closeAfter(SyncEngine.builder().storage(storage).scope(scope).snapshotEvery(0).build());
    }

    private static List<String> titles(Db db) {
        return db.query(Item.class, "SELECT * FROM item ORDER BY title").stream().map(Item::title).toList();
    }

    private static List<String> lists(Db db) {
        return db.query(TodoList.class, "SELECT * FROM list ORDER BY id").stream().map(TodoList::id).toList();
    }

    @Test
    void sync_listInASpace_membersShareItAndTheirOtherListsNeverLeaveTheirRemote() {
        SyncEngine spaceSync = engine(space, SHARED);
        SyncEngine alice = engine(alicePersonal, SyncScope.except(List.of(SHARED)));
        SyncEngine bob = engine(bobPersonal, SyncScope.except(List.of(SHARED)));
        Db a1 = device("a1");
        Db a2 = device("a2");
        Db b1 = device("b1");
        Db b2 = device("b2");

        a1.save(new TodoList(GROCERIES, "Groceries"));
        a1.save(new TodoList("alice-private", "Presents"));
        Item milk = a1.save(Item.of("milk").withList(GROCERIES));
        Item present = a1.save(Item.of("present for bob").withList("alice-private"));
        // Interleaved with shared edits, in one batch window.
        a1.save(milk.withNotes("oat"));
        a1.save(present.withNotes("a book"));
        Item inbox = a1.save(Item.of("call the bank").withList(null));
        for (Db d : List.of(a1, a2)) {
            alice.sync(d);
            spaceSync.sync(d);
        }
        b1.save(new TodoList("bob-private", "Surprise party"));
        b1.save(Item.of("invite friends").withList("bob-private"));
        for (Db d : List.of(b1, b2)) {
            bob.sync(d);
            spaceSync.sync(d);
        }
        assertEquals(List.of("invite friends", "milk"), titles(b1), "bob sees the shared list and his own");
        assertEquals(List.of("bob-private", GROCERIES), lists(b2));
        assertEquals(List.of("call the bank", "milk", "present for bob"), titles(a2));

        // Everyone edits: bob adds and renames, alice's second device edits too.
        b2.save(Item.of("bread").withList(GROCERIES));
        b2.save(b2.get(Item.class, milk.id()).orElseThrow().withTitle("oat milk"));
        a2.save(a2.get(Item.class, milk.id()).orElseThrow().withNotes("two litres"));
        a2.save(a2.get(Item.class, inbox.id()).orElseThrow().withTitle("call the bank today"));
        for (int round = 0; round < 2; round++) {
            for (Db d : List.of(a1, a2)) {
                alice.sync(d);
                spaceSync.sync(d);
            }
            for (Db d : List.of(b1, b2)) {
                bob.sync(d);
                spaceSync.sync(d);
            }
        }
        Item merged = b1.get(Item.class, milk.id()).orElseThrow();
        assertEquals("oat milk", merged.title());
        assertEquals("two litres", merged.notes());
        assertEquals(List.of("bread", "call the bank today", "oat milk", "present for bob"), titles(a1));
        assertEquals(List.of("bread", "invite friends", "oat milk"), titles(b1));

        // Bob deletes bread; alice's devices see it gone.
        b1.transaction(tx -> tx.delete(Item.class, b1.query(Item.class, "SELECT * FROM item WHERE title = 'bread'")
                .get(0).id()));
        spaceSync.sync(b1);
        spaceSync.sync(a1);
        assertEquals(List.of("call the bank today", "oat milk", "present for bob"), titles(a1));

        // What each personal remote holds: a device syncing only it.
        Db aliceOnly = device("alice-only");
        Db bobOnly = device("bob-only");
        engine(alicePersonal, SyncScope.everything()).sync(aliceOnly);
        engine(bobPersonal, SyncScope.everything()).sync(bobOnly);
        assertEquals(List.of("call the bank today", "present for bob"), titles(aliceOnly));
        assertEquals(List.of("alice-private"), lists(aliceOnly));
        assertEquals(List.of("invite friends"), titles(bobOnly));
        assertEquals(List.of("bob-private"), lists(bobOnly));
        assertEquals(List.of(), aliceOnly.history().changes("item", milk.id()), "nothing of the shared list, not even its history");

        // Snapshots are scoped too: a device built from the space's snapshot gets the list alone.
        spaceSync.compact(a1);
        alice.compact(a1);
        for (SyncStorage remote : List.of(space, alicePersonal)) {
            // As if cleanup had run: only the snapshot holds the state now.
            remote.list("batches/", null, 10_000).forEach(remote::delete);
        }
        Db b3 = device("b3");
        spaceSync.sync(b3);
        assertEquals(List.of("oat milk"), titles(b3));
        Db aliceSnapshot = device("alice-snapshot");
        engine(alicePersonal, SyncScope.everything()).sync(aliceSnapshot);
        assertEquals(List.of("call the bank today", "present for bob"), titles(aliceSnapshot));
    }

    @Test
    void sync_onlyOtherScopesChanged_pushesNothingAndPassesThemOnce() {
        SyncEngine spaceSync = engine(space, SHARED);
        Db a1 = device("a1");
        a1.save(new TodoList(GROCERIES, "Groceries"));
        spaceSync.sync(a1);
        for (int i = 0; i < 1200; i++) {
            a1.save(Item.of("private " + i));
        }
        SyncReport r = spaceSync.sync(a1);
        assertEquals(0, r.pushed());
        SyncReport again = spaceSync.sync(a1);
        assertEquals(0, again.pushed());
        a1.save(Item.of("eggs").withList(GROCERIES));
        assertEquals(1, spaceSync.sync(a1).pushed());
        Db b1 = device("b1");
        spaceSync.sync(b1);
        assertEquals(List.of("eggs"), titles(b1));
    }

    @Test
    void build_treeWithUnknownParent_namesTheScope() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyncEngine.builder().inMemory()
                .scope(SyncScope.tree("list", Set.of("x"), List.of(new SyncScope.Link("tag", "item_id", "item"))))
                .build());
        assertTrue(e.getMessage().startsWith("scope: "), e.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> SyncEngine.builder()
                .inMemory().scope(SyncScope.tree("list", Set.of(), List.of())).build());
        assertTrue(empty.getMessage().startsWith("scope: "), empty.getMessage());
    }

    @Test
    void sync_firstSyncOfASpaceOnADeviceThatOnlyReadItsOwnRemote_keepsWhatThatRemoteBrought() {
        SyncEngine spaceSync = engine(space, SHARED);
        SyncEngine alice = engine(alicePersonal, SyncScope.except(List.of(SHARED)));
        Db a1 = device("a1");
        Db a2 = device("a2");
        a1.save(new TodoList("alice-private", "Presents"));
        a1.save(Item.of("present for bob").withList("alice-private"));
        alice.sync(a1);
        alice.sync(a2); // a2 reads, and has pushed nothing anywhere
        a1.save(new TodoList(GROCERIES, "Groceries"));
        a1.save(Item.of("milk").withList(GROCERIES));
        spaceSync.compact(a1);
        spaceSync.sync(a2); // new to the space: starts from its snapshot
        assertEquals(List.of("milk", "present for bob"), titles(a2),
                "the snapshot of one remote must not replace what another remote brought");
    }

    @Test
    void sync_deviceOnlyInASpaceFallsFarBehind_keepsWhatIsOutsideTheSpace() {
        SyncEngine spaceSync = engine(space, SHARED);
        Db a1 = device("a1");
        Db c = device("c");
        a1.save(new TodoList(GROCERIES, "Groceries"));
        Item milk = a1.save(Item.of("milk").withList(GROCERIES));
        spaceSync.sync(a1);
        // c syncs nothing but the space; its own lists stay on it alone.
        c.save(new TodoList("c-private", "Mine"));
        Item mine = c.save(Item.of("only on c").withList("c-private"));
        spaceSync.sync(c);
        for (String ack : space.list("acks/" + c.deviceId() + "/", null, 100)) {
            space.delete(ack); // unknown to cleanup, as a device whose ack never landed
        }
        for (int i = 0; i < 4; i++) {
            a1.save(milk.withNotes("round " + i));
            spaceSync.sync(a1);
        }
        CompactionReport r = spaceSync.compact(a1);
        assertTrue(r.batchesDeleted() > 0, "cleaned " + r.batchesDeleted());
        c.save(c.get(Item.class, mine.id()).orElseThrow().withNotes("edited"));
        SyncReport back = spaceSync.sync(c);
        assertTrue(c.get(Item.class, mine.id()).isPresent(), "c's own todo outside the space: " + back.notes());
        assertEquals("edited", c.get(Item.class, mine.id()).orElseThrow().notes());
        assertTrue(c.get(TodoList.class, "c-private").isPresent());
        assertEquals("round 3", c.get(Item.class, milk.id()).orElseThrow().notes());
    }
}
