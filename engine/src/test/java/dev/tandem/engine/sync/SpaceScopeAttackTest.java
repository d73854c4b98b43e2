package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Fixtures.TodoList;
import dev.tandem.engine.testing.SyncFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member who writes outside the shared list, with a modified client: Bob's own keys, through the
 * engine's own classes, but a scope that takes everything, so his device signs and pushes changes
 * to whatever ids he names. Alice's device lets in only what lies inside the shared list, names
 * the rest by author, and merges the rest of each batch.
 */
@Tag("unit")
class SpaceScopeAttackTest {
    private static final String PASSPHRASE = "groceries passphrase";
    private static final SyncScope SHARED = SyncScope.tree("list", Set.of("groceries"),
            List.of(new SyncScope.Link("item", "list_id", "list")));

    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path dir;
    final SyncStorage storage = SyncStorage.memory();
    final SpaceKeys alice = SpaceKeys.newSpace("Alice");
    final SpaceKeys bob = SpaceKeys.joining(alice.ownerPublicKey(), "Bob");
    Db a1;
    Db b1;
    SyncEngine aliceSync;
    /** Bob's modified client: his real keys, a scope that pushes everything his database holds. */
    SyncEngine bobModified;

    Db device(String name) {
        return fixture.device(Db.builder().file(dir.resolve(name + ".db")));
    }

    SyncEngine engine(SpaceKeys keys, SyncScope scope) {
        return fixture.closeAfter(SyncEngine.builder().storage(storage).encrypted(PASSPHRASE).space(keys).scope(scope)
                .snapshotEvery(0).build());
    }

    @BeforeEach
    void share() {
        a1 = device("a1");
        b1 = device("b1");
        a1.save(new TodoList("groceries", "Groceries"));
        a1.save(new Item("milk", "groceries", "milk", false, null, null));
        a1.save(new TodoList("alice-private", "Diary"));
        a1.save(new Item("secret", "alice-private", "see the doctor", false, null, null));
        a1.save(new Item("inbox-todo", null, "call mum", false, null, null));
        aliceSync = engine(alice, SHARED);
        aliceSync.sync(a1);
        aliceSync.members(a1).admit("Bob", bob.memberPublicKey());
        bobModified = engine(bob, SyncScope.everything());
        bobModified.sync(b1);
        assertEquals("milk", b1.get(Item.class, "milk").orElseThrow().title());
    }

    private static String title(Db db, String id) {
        return db.get(Item.class, id).map(Item::title).orElse(null);
    }

    private SyncReport aliceSyncsAndNamesBob() {
        SyncReport r = aliceSync.sync(a1);
        List<String> problems = aliceSync.setAside(a1).stream().map(SetAside::problem).toList();
        assertTrue(problems.stream().anyMatch(p -> p.contains("A change by Bob")), problems.toString());
        assertEquals(aliceSync.setAside(a1), r.setAside(), "the report lists what the device keeps listing");
        return r;
    }

    @Test
    void sync_memberAddsTodoToOwnersInbox_setAsideAndTheRestOfTheBatchMerges() {
        b1.save(new Item("planted", null, "wire money to Bob", false, null, null));
        b1.save(new Item("bread", "groceries", "bread", false, null, null));
        bobModified.sync(b1);

        aliceSyncsAndNamesBob();
        assertEquals(null, title(a1, "planted"), "nothing lands in Alice's Inbox");
        assertEquals("bread", title(a1, "bread"), "the change inside the list, in the same batch, merges");
    }

    @Test
    void sync_memberMovesSharedTodoIntoOwnersPrivateList_setAsideAndTheTodoStays() {
        b1.save(new TodoList("alice-private", "Diary")); // his database's foreign key wants the list
        b1.save(new Item("milk", "alice-private", "milk", false, null, null));
        bobModified.sync(b1);

        aliceSyncsAndNamesBob();
        assertEquals("groceries", a1.get(Item.class, "milk").orElseThrow().listId());
    }

    @Test
    void sync_memberRenamesPrivateListAndAddsToIt_neitherIsMerged() {
        b1.save(new TodoList("alice-private", "Pwned"));
        b1.save(new Item("planted", "alice-private", "planted", false, null, null));
        bobModified.sync(b1);

        aliceSyncsAndNamesBob();
        assertEquals("Diary", a1.get(TodoList.class, "alice-private").orElseThrow().name());
        assertEquals(null, title(a1, "planted"));
        assertEquals(2, aliceSync.setAside(a1).size(), aliceSync.setAside(a1).toString());
    }

    @Test
    void sync_memberPullsPrivateTodoIntoSharedList_itStaysPrivateAndIsNeverPushedToTheSpace() {
        b1.save(new Item("secret", "groceries", "shared now?", false, null, null));
        b1.save(new Item("inbox-todo", "groceries", "and this", false, null, null));
        bobModified.sync(b1);

        aliceSyncsAndNamesBob();
        a1.save(a1.get(Item.class, "secret").orElseThrow().withTitle("see the doctor on Friday"));
        aliceSync.sync(a1);
        assertEquals("alice-private", a1.get(Item.class, "secret").orElseThrow().listId());
        assertEquals(null, a1.get(Item.class, "inbox-todo").orElseThrow().listId());
        // What Alice's device pushed holds nothing of her private todo: a fresh member sees none of it.
        SpaceKeys carol = SpaceKeys.joining(alice.ownerPublicKey(), "Carol");
        aliceSync.members(a1).admit("Carol", carol.memberPublicKey());
        Db c1 = device("c1");
        engine(carol, SHARED).sync(c1);
        assertEquals("shared now?", title(c1, "secret"), "Carol gets Bob's own writes, which only he made");
        assertFalse(a1.query(Item.class, "SELECT * FROM item").stream()
                .anyMatch(i -> "shared now?".equals(i.title())), "and Alice never took them");
        for (String key : storage.list("batches/" + a1.deviceId() + "/", null, 100)) {
            byte[] plain = storage.get(key).orElseThrow();
            assertFalse(new String(plain, StandardCharsets.ISO_8859_1).contains("doctor"), key);
        }
    }

    @Test
    void sync_memberSnapshotHoldsOtherLists_newDeviceLoadsOnlyTheSharedList() {
        b1.save(new Item("bread", "groceries", "bread", false, null, null));
        b1.save(new TodoList("carol-private", "Pwned"));
        b1.save(new Item("planted", "carol-private", "planted", false, null, null));
        bobModified.sync(b1);
        bobModified.compact(b1);
        SpaceKeys carol = SpaceKeys.joining(alice.ownerPublicKey(), "Carol");
        aliceSync.sync(a1);
        aliceSync.members(a1).admit("Carol", carol.memberPublicKey());
        Db c1 = device("c1");
        c1.save(new TodoList("carol-private", "Carol's diary"));

        engine(carol, SHARED).sync(c1);
        assertEquals("Carol's diary", c1.get(TodoList.class, "carol-private").orElseThrow().name());
        assertEquals(null, title(c1, "planted"));
        assertEquals("bread", title(c1, "bread"));
        assertEquals("milk", title(c1, "milk"));
    }
}
