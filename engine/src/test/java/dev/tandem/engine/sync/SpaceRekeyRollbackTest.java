package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Fixtures.TodoList;
import dev.tandem.engine.testing.SyncFixture;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * After two removals, the person removed second puts back the copy of the shared folder they kept
 * from before their removal: its keyring opens with the passphrase they hold, and its newest re-key
 * grant is the older one, which the owner really signed. No device takes it: each remembers the
 * newer epoch it took, and says the storage was put back.
 */
@Tag("unit")
class SpaceRekeyRollbackTest {
    private static final SyncScope SHARED = SyncScope.tree("list", Set.of("groceries"),
            List.of(new SyncScope.Link("item", "list_id", "list")));

    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path dir;
    final SyncStorage storage = SyncStorage.memory();

    SyncEngine engine(SpaceKeys keys, String passphrase) {
        return fixture.closeAfter(SyncEngine.builder().storage(storage).encrypted(passphrase).space(keys).scope(SHARED)
                .snapshotEvery(0).build());
    }

    Db device(String name) {
        return fixture.device(Db.builder().file(dir.resolve(name + ".db")));
    }

    private Map<String, byte[]> copy() {
        Map<String, byte[]> all = new HashMap<>();
        for (String k : storage.list("", null, 100_000)) {
            storage.get(k).ifPresent(v -> all.put(k, v));
        }
        return all;
    }

    private void putBack(Map<String, byte[]> kept) {
        for (String k : storage.list("", null, 100_000)) {
            if (!kept.containsKey(k)) {
                storage.delete(k);
            }
        }
        kept.forEach(storage::overwrite);
    }

    /** A sync as the app runs it: on a wrong passphrase, the newest key sealed to this member. */
    private String follow(SpaceKeys keys, Db db, String passphrase) {
        try {
            engine(keys, passphrase).sync(db);
            return passphrase;
        } catch (SyncException e) {
            assertEquals(SyncException.Reason.WRONG_PASSPHRASE, e.reason(), e.getMessage());
            String fresh = keys.rekeyedPassphrase(db, storage).orElseThrow();
            engine(keys, fresh).sync(db);
            return fresh;
        }
    }

    @Test
    void rekeyedPassphrase_storagePutBackToBeforeTheLastRemoval_noDeviceTakesTheOlderKey() {
        SpaceKeys alice = SpaceKeys.newSpace("Alice");
        Db a1 = device("a1");
        a1.save(new TodoList("groceries", "Groceries"));
        a1.save(new Item("milk", "groceries", "milk", false, null, null));
        engine(alice, "first").sync(a1);
        Map<String, SpaceKeys> people = new HashMap<>();
        Map<String, Db> dbs = new HashMap<>();
        for (String name : List.of("Bob", "Carol", "Kim")) {
            SpaceKeys k = SpaceKeys.joining(alice.ownerPublicKey(), name);
            people.put(name, k);
            engine(alice, "first").members(a1).admit(new JoinRequest("0123456789abcdef", name, k.fingerprint(),
                    k.memberPublicKey(), k.agreementPublicKey()));
            dbs.put(name, device(name));
            engine(k, "first").sync(dbs.get(name));
        }
        String second = engine(alice, "first").members(a1).removeAndRotate(a1, "Kim", null);
        String carolKey = follow(people.get("Carol"), dbs.get("Carol"), "first");
        String bobKey = follow(people.get("Bob"), dbs.get("Bob"), "first");
        assertEquals(second, carolKey);
        assertEquals(second, bobKey);
        Map<String, byte[]> bobsCopy = copy();

        String third = engine(alice, second).members(a1).removeAndRotate(a1, "Bob", null);
        a1.save(new Item("cake", "groceries", "birthday cake for Bob", false, null, null));
        engine(alice, third).sync(a1);
        carolKey = follow(people.get("Carol"), dbs.get("Carol"), carolKey);
        assertEquals(third, carolKey);

        putBack(bobsCopy);

        for (Map.Entry<SpaceKeys, Db> device : Map.of(alice, a1, people.get("Carol"), dbs.get("Carol")).entrySet()) {
            SyncException stale = assertThrows(SyncException.class, () -> engine(device.getKey(), third).sync(device.getValue()));
            assertEquals(SyncException.Reason.WRONG_PASSPHRASE, stale.reason());
            SyncException refused = assertThrows(SyncException.class,
                    () -> device.getKey().rekeyedPassphrase(device.getValue(), storage));
            assertEquals(SyncException.Reason.CORRUPT, refused.reason());
            assertTrue(refused.getMessage().contains("put back to an older copy"), refused.getMessage());
        }
    }

    @Test
    void sync_keyringPutBackToAnOlderGenerationTheSamePassphraseOpens_refusedBeforeAnythingIsPushed() {
        SpaceKeys alice = SpaceKeys.newSpace("Alice");
        Db a1 = device("a1");
        a1.save(new TodoList("groceries", "Groceries"));
        engine(alice, "first").sync(a1);
        SpaceKeys bob = SpaceKeys.joining(alice.ownerPublicKey(), "Bob");
        engine(alice, "first").members(a1).admit(new JoinRequest("0123456789abcdef", "Bob", bob.fingerprint(),
                bob.memberPublicKey(), bob.agreementPublicKey()));
        Db b1 = device("b1");
        engine(bob, "first").sync(b1);
        Map<String, byte[]> before = copy();
        engine(alice, "first").keys().newRecoveryKey(); // a newer keyring generation, same passphrase
        engine(bob, "first").sync(b1);

        putBack(before);
        b1.save(new Item("eggs", "groceries", "eggs", false, null, null));
        long objects = storage.list("", null, 100_000).size();
        SyncException refused = assertThrows(SyncException.class, () -> engine(bob, "first").sync(b1));
        assertEquals(SyncException.Reason.CORRUPT, refused.reason());
        assertTrue(refused.getMessage().contains("put back to an older copy"), refused.getMessage());
        assertEquals(objects, storage.list("", null, 100_000).size(), "nothing is written under the older keyring");
    }
}
