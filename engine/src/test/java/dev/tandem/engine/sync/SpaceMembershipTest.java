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
 * Only members write: two people with two devices each share a list through a space; a person
 * who knows the passphrase but was never admitted, and objects nobody signed, are set aside on
 * every device, by name; a removed member's later writes are refused everywhere, their own other
 * device included, while what they wrote before stays.
 */
@Tag("unit")
class SpaceMembershipTest {
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

    Db device(String name) {
        return fixture.device(Db.builder().file(dir.resolve(name + ".db")));
    }

    SyncEngine engine(SpaceKeys keys) {
        return fixture.closeAfter(SyncEngine.builder().storage(storage).encrypted(PASSPHRASE).space(keys).scope(SHARED)
                .snapshotEvery(0).build());
    }

    private static List<String> titles(Db db) {
        return db.query(Item.class, "SELECT * FROM item ORDER BY title").stream().map(Item::title).toList();
    }

    private static boolean mentions(SyncReport r, String text) {
        return r.warnings().stream().anyMatch(w -> w.contains(text));
    }

    @Test
    void sync_membersAndStrangers_onlyAdmittedMembersAreRead() {
        SyncEngine aliceSync = engine(alice);
        SyncEngine bobSync = engine(bob);
        Db a1 = device("a1");
        Db a2 = device("a2");
        Db b1 = device("b1");
        Db b2 = device("b2");
        a1.save(new TodoList("groceries", "Groceries"));
        a1.save(Item.of("milk").withList("groceries"));
        aliceSync.sync(a1);
        aliceSync.members().admit("Bob", bob.memberPublicKey());
        for (Db d : List.of(a2, b1, b2)) {
            (d == a2 ? aliceSync : bobSync).sync(d);
        }
        assertEquals(List.of("milk"), titles(b2));
        b1.save(Item.of("bread").withList("groceries"));
        a2.save(Item.of("eggs").withList("groceries"));
        for (int round = 0; round < 2; round++) {
            aliceSync.sync(a1);
            aliceSync.sync(a2);
            bobSync.sync(b1);
            bobSync.sync(b2);
        }
        assertEquals(List.of("bread", "eggs", "milk"), titles(a1));
        assertEquals(List.of("bread", "eggs", "milk"), titles(b2));
        assertEquals(List.of("Alice", "Bob"), bobSync.members().list().stream().map(SpaceMember::name).toList());
        assertTrue(bobSync.members().list().get(0).owner());

        // Mallory read the passphrase off a chat log and was never admitted.
        SpaceKeys mallory = SpaceKeys.joining(alice.ownerPublicKey(), "Mallory");
        Db m1 = device("m1");
        SyncEngine mallorySync = engine(mallory);
        mallorySync.sync(m1);
        m1.save(Item.of("buy me a yacht").withList("groceries"));
        SyncException own = assertThrows(SyncException.class, () -> mallorySync.sync(m1),
                "her own device reads back her batch, and refuses it too");
        assertTrue(own.getMessage().contains("belongs to no member"), own.getMessage());
        // A modified client would tell the others about it anyway.
        storage.createIfAbsent("heads/" + m1.deviceId() + "/000000000001", new byte[] {1});
        // And a program that signs nothing writes straight into the space's storage.
        Db stranger = device("stranger");
        stranger.save(new TodoList("groceries", "Groceries"));
        stranger.save(Item.of("unsigned").withList("groceries"));
        fixture.closeAfter(SyncEngine.builder().storage(storage).encrypted(PASSPHRASE).scope(SHARED).snapshotEvery(0)
                .build()).sync(stranger);

        SyncReport seen = aliceSync.sync(a1);
        assertTrue(mentions(seen, "belongs to no member of this shared space"), seen.warnings().toString());
        assertTrue(mentions(seen, "is not signed by any member"), seen.warnings().toString());
        assertEquals(List.of("bread", "eggs", "milk"), titles(a1));
        assertEquals(2, aliceSync.setAside(a1).size(), "lastingly listed: " + aliceSync.setAside(a1));
        bobSync.sync(b2);
        assertEquals(List.of("bread", "eggs", "milk"), titles(b2));
        assertEquals(2, bobSync.setAside(b2).size());
        assertThrows(IllegalStateException.class, () -> bobSync.members().admit("Mallory", mallory.memberPublicKey()),
                "only the owner admits");
        // Whose each device is, for history: Mallory's device vouched for itself and names no one.
        java.util.Map<java.util.UUID, String> devices = bobSync.members().devices();
        assertEquals(java.util.Map.of(java.util.UUID.fromString(a1.deviceId()), "Alice",
                java.util.UUID.fromString(a2.deviceId()), "Alice", java.util.UUID.fromString(b1.deviceId()), "Bob",
                java.util.UUID.fromString(b2.deviceId()), "Bob"), devices);
    }

    @Test
    void remove_member_laterWritesRefusedOnEveryDeviceAndEarlierOnesStay() {
        SyncEngine aliceSync = engine(alice);
        SyncEngine bobSync = engine(bob);
        Db a1 = device("a1");
        Db b1 = device("b1");
        Db b2 = device("b2");
        a1.save(new TodoList("groceries", "Groceries"));
        aliceSync.sync(a1);
        aliceSync.members().admit("Bob", bob.memberPublicKey());
        bobSync.sync(b1);
        b1.save(Item.of("bread").withList("groceries"));
        bobSync.sync(b1);
        bobSync.sync(b2);
        aliceSync.sync(a1);
        assertEquals(List.of("bread"), titles(a1));

        SpaceMember removed = aliceSync.members().remove("Bob");
        assertTrue(removed.removed());
        // Bob's first device has not heard yet, and writes again.
        b1.save(Item.of("chocolate").withList("groceries"));
        bobSync.sync(b1);

        SyncReport a = aliceSync.sync(a1);
        assertTrue(mentions(a, "after Bob was removed"), a.warnings().toString());
        assertEquals(List.of("bread"), titles(a1), "what Bob wrote before stays; what he wrote after does not");
        SyncReport b = bobSync.sync(b2);
        assertTrue(mentions(b, "after Bob was removed"), b.warnings().toString());
        assertEquals(List.of("bread"), titles(b2), "his own other device refuses it too");
        assertEquals(List.of(false, true), aliceSync.members().list().stream().map(SpaceMember::removed).toList());
        assertThrows(IllegalArgumentException.class, () -> aliceSync.members().remove("Alice"));
    }

    @Test
    void removeAndRotate_member_readsNothingNewWhileTheOthersFollowTheNewKey() {
        SyncEngine aliceSync = engine(alice);
        SpaceKeys carol = SpaceKeys.joining(alice.ownerPublicKey(), "Carol");
        Db a1 = device("a1");
        Db b1 = device("b1");
        Db c1 = device("c1");
        a1.save(new TodoList("groceries", "Groceries"));
        a1.save(Item.of("milk").withList("groceries"));
        aliceSync.sync(a1);
        for (SpaceKeys k : List.of(bob, carol)) {
            aliceSync.members().admit(new JoinRequest("0123456789abcdef", k.memberName(), k.fingerprint(),
                    k.memberPublicKey(), k.agreementPublicKey()));
        }
        SyncEngine bobSync = engine(bob);
        SyncEngine carolSync = engine(carol);
        bobSync.sync(b1);
        carolSync.sync(c1);
        assertEquals(List.of("milk"), titles(b1));

        String fresh = aliceSync.members().removeAndRotate(a1, "Bob", null);
        assertTrue(!fresh.equals(PASSPHRASE) && fresh.length() >= 32, fresh);
        a1.save(Item.of("birthday cake").withList("groceries"));
        aliceSync.sync(a1);

        // Carol's device: the old passphrase no longer opens the space; the sealed one does.
        SyncException stale = assertThrows(SyncException.class, () -> carolSync.sync(c1));
        assertEquals(SyncException.Reason.WRONG_PASSPHRASE, stale.reason(), stale.getMessage());
        String followed = carol.rekeyedPassphrase(c1, storage).orElseThrow();
        assertEquals(fresh, followed);
        fixture.closeAfter(SyncEngine.builder().storage(storage).encrypted(followed).space(carol).scope(SHARED)
                .snapshotEvery(0).build()).sync(c1);
        assertEquals(List.of("birthday cake", "milk"), titles(c1));

        // Bob: nothing sealed for him, the old passphrase opens nothing, and he never sees the cake.
        assertEquals(java.util.Optional.empty(), bob.rekeyedPassphrase(b1, storage));
        SyncException out = assertThrows(SyncException.class, () -> engine(bob).sync(b1));
        assertEquals(SyncException.Reason.WRONG_PASSPHRASE, out.reason());
        assertEquals(List.of("milk"), titles(b1), "a removed member keeps what he had, and nothing more");
    }
}
