package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Fixtures.TodoList;
import dev.tandem.engine.internal.keys.Secret;
import dev.tandem.engine.internal.space.MemberEntry;
import dev.tandem.engine.internal.space.SpaceCrypto;
import dev.tandem.engine.internal.storage.EncryptedStorage;
import dev.tandem.engine.testing.SyncFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the membership itself by people who can write to the storage: a removed member who
 * deletes their removal or puts back an old copy of the whole folder, a member who plants junk or
 * an entry signed with their own key in the log, and an invite changed to name another list. Each
 * engine here is new for the step, as each `tandem` command is a new process: what protects the
 * devices is what their databases remember.
 */
@Tag("unit")
class SpaceLogAttackTest {
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
    final SpaceKeys carol = SpaceKeys.joining(alice.ownerPublicKey(), "Carol");
    Db a1;
    Db b1;
    Db c1;

    Db device(String name) {
        return fixture.device(Db.builder().file(dir.resolve(name + ".db")));
    }

    SyncEngine engine(SpaceKeys keys) {
        return engine(keys, PASSPHRASE, SHARED);
    }

    SyncEngine engine(SpaceKeys keys, String passphrase, SyncScope scope) {
        return fixture.closeAfter(SyncEngine.builder().storage(storage).encrypted(passphrase).space(keys).scope(scope)
                .snapshotEvery(0).build());
    }

    /** What a member holding the passphrase writes straight into the space, past every check of the engine's. */
    SyncStorage asMember() {
        return fixture.closeAfter(new EncryptedStorage(storage, Secret.passphrase(PASSPHRASE), "bob", Clock.systemUTC()));
    }

    @BeforeEach
    void share() {
        a1 = device("a1");
        b1 = device("b1");
        c1 = device("c1");
        a1.save(new TodoList("groceries", "Groceries"));
        a1.save(new Item("milk", "groceries", "milk", false, null, null));
        engine(alice).sync(a1);
        engine(alice).members(a1).admit("Bob", bob.memberPublicKey());
        engine(alice).members(a1).admit("Carol", carol.memberPublicKey());
        engine(bob).sync(b1);
        engine(carol).sync(c1);
    }

    private static Map<String, Boolean> removed(SyncEngine engine, Db db) {
        Map<String, Boolean> out = new HashMap<>();
        engine.members(db).list().forEach(m -> out.put(m.name(), m.removed()));
        return out;
    }

    @Test
    void members_removedMemberDeletesTheirRemoval_ownerStillSeesItAndItIsWrittenBack() {
        engine(alice).members(a1).remove("Bob");
        engine(carol).sync(c1);
        List<String> log = storage.list("members/", null, 100);
        storage.delete(log.get(log.size() - 1)); // Bob's removal, the last entry

        assertEquals(true, removed(engine(alice), a1).get("Bob"), "the owner's device does not forget it");
        SpaceKeys dan = SpaceKeys.joining(alice.ownerPublicKey(), "Dan");
        engine(alice).members(a1).admit("Dan", dan.memberPublicKey());
        assertEquals(log, storage.list("members/", null, 100).subList(0, log.size()), "the removal is back in its place");

        // A device that never read the log sees Bob removed, and refuses what he writes now.
        b1.save(new Item("bread", "groceries", "bread", false, null, null));
        SyncException own = assertThrows(SyncException.class, () -> engine(bob).sync(b1));
        assertTrue(own.getMessage().contains("after Bob was removed"), own.getMessage());
        assertEquals(1, storage.list("batches/" + b1.deviceId() + "/", null, 10).size(), "his batch is there");
        Db c2 = device("c2");
        engine(carol).sync(c2);
        assertEquals(true, removed(engine(carol), c2).get("Bob"));
        assertEquals("milk", c2.get(Item.class, "milk").orElseThrow().title());
        assertFalse(c2.get(Item.class, "bread").isPresent());
    }

    @Test
    void sync_memberPlantsJunkAndSelfSignedEntriesInTheLog_everyoneSyncsAndTheOwnerStillAdmitsAndRemoves() {
        long next = storage.list("members/", null, 100).size() + 1;
        SyncStorage member = asMember();
        member.createIfAbsent(MemberEntry.key(next), new byte[] {1, 2, 3});
        // An admission of Mallory, well formed, but signed with Bob's member key, not the owner's.
        SpaceKeys mallory = SpaceKeys.joining(alice.ownerPublicKey(), "Mallory");
        member.createIfAbsent(MemberEntry.key(next + 1), MemberEntry.chained(MemberEntry.ADD, "Mallory",
                mallory.memberPublicKey(), Map.of(), mallory.agreementPublicKey(), new byte[32], null)
                .encode(next + 1, SpaceCrypto.privateKey(bob.memberPrivateKey())));
        storage.createIfAbsent(MemberEntry.key(next + 2), new byte[] {9}); // the storage's own junk: not even encrypted

        a1.save(new Item("eggs", "groceries", "eggs", false, null, null));
        SyncReport a = engine(alice).sync(a1);
        assertEquals(3, a.warnings().stream().filter(w -> w.contains("set aside")).count(), a.warnings().toString());
        SyncReport c = engine(carol).sync(c1);
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains(MemberEntry.key(next))), c.warnings().toString());
        assertTrue(c1.get(Item.class, "eggs").isPresent());
        assertFalse(removed(engine(carol), c1).containsKey("Mallory"));

        engine(alice).members(a1).remove("Bob");
        SpaceKeys dan = SpaceKeys.joining(alice.ownerPublicKey(), "Dan");
        engine(alice).members(a1).admit("Dan", dan.memberPublicKey());
        engine(carol).sync(c1);
        Map<String, Boolean> seen = removed(engine(carol), c1);
        assertEquals(true, seen.get("Bob"));
        assertEquals(false, seen.get("Dan"));
        // The owner mends the log: the junk goes, and syncs stop naming it.
        List<String> done = engine(alice).members(a1).repair();
        assertEquals(3, done.stream().filter(d -> d.startsWith("deleted junk")).count(), done.toString());
        assertEquals(List.of(), engine(carol).sync(c1).warnings().stream().filter(w -> w.contains("Membership")).toList());
    }

    @Test
    void sync_logReplacedByAnOlderCopy_devicesThatReadItWriteItBack() {
        Map<String, byte[]> before = new HashMap<>();
        for (String k : storage.list("members/", null, 100)) {
            before.put(k, storage.get(k).orElseThrow());
        }
        engine(alice).members(a1).remove("Bob");
        engine(carol).sync(c1);
        // Bob puts back the log as it was before his removal, and plants his own entry over it too.
        for (String k : storage.list("members/", null, 100)) {
            if (!before.containsKey(k)) {
                storage.delete(k);
            }
        }
        SyncReport r = engine(carol).sync(c1);
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("wrote back the copy it trusts")), r.warnings().toString());
        Db c3 = device("c3");
        engine(carol).sync(c3);
        assertEquals(true, removed(engine(carol), c3).get("Bob"), "a new device reads the log Carol's put back");
    }

    @Test
    void sync_inviteChangedToNameAPrivateList_joinerRefusesAndWritesNothing() {
        Db d1 = device("d1");
        d1.save(new TodoList("dan-private", "Dan's diary"));
        d1.save(new Item("secret", "dan-private", "secret", false, null, null));
        SpaceKeys dan = SpaceKeys.joining(alice.ownerPublicKey(), "Dan");
        engine(alice).members(a1).admit("Dan", dan.memberPublicKey());
        SyncScope forged = SyncScope.tree("list", Set.of("dan-private"),
                List.of(new SyncScope.Link("item", "list_id", "list")));

        SyncException e = assertThrows(SyncException.class, () -> engine(dan, PASSPHRASE, forged).sync(d1));
        assertTrue(e.getMessage().contains("invite was changed"), e.getMessage());
        assertEquals(List.of(), storage.list("batches/" + d1.deviceId() + "/", null, 10));
        assertEquals(List.of(), storage.list("heads/" + d1.deviceId() + "/", null, 10));
    }
}
