package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Fixtures.TodoList;
import dev.tandem.engine.sync.KeyChangeFaultsTest.CutAfter;
import dev.tandem.engine.testing.SyncFixture;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Removing a member and changing a shared list's key, cut short at every write it makes (before or
 * after the write lands; every one up to the key change, then a sample), as a crash or a lost
 * connection would. The owner keeps the new passphrase
 * before calling, as the app does, and calls again after the cut: never is the space left under a
 * key no member can open, the remaining member follows, and the removed one reads nothing new.
 */
@Tag("unit")
class SpaceRemovalFaultsTest {
    private static final String OLD = "groceries passphrase";
    private static final String NEW = "the list's next passphrase, kept before the change";
    private static final SyncScope SHARED = SyncScope.tree("list", Set.of("groceries"),
            List.of(new SyncScope.Link("item", "list_id", "list")));

    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();

    private SyncEngine engine(SyncStorage storage, String passphrase, SpaceKeys keys) {
        return fixture.closeAfter(SyncEngine.builder().storage(storage).encrypted(passphrase).space(keys).scope(SHARED)
                .snapshotEvery(0).build());
    }

    private static List<String> titles(Db db) {
        return db.query(Item.class, "SELECT * FROM item ORDER BY title").stream().map(Item::title).toList();
    }

    /** The passphrase that opens the space for {@code keys}: the one kept, else the newest sealed to them. */
    private Optional<String> opening(SyncStorage storage, SpaceKeys keys, Db db, String kept) {
        for (String p : List.of(kept, keys.rekeyedPassphrase(db, storage).orElse(kept))) {
            try {
                engine(storage, p, keys).sync(db);
                return Optional.of(p);
            } catch (SyncException e) {
                assertEquals(SyncException.Reason.WRONG_PASSPHRASE, e.reason(), e.getMessage());
            }
        }
        return Optional.empty();
    }

    @Test
    void removeAndRotate_cutShort_callingAgainFinishesItAndNoOneIsLockedOut() {
        // Every write up to the key change and just past it (the removal, the grants, the new keyring,
        // the first of the compaction), then every seventh: each cut costs a dozen passphrase stretchings.
        for (boolean landed : List.of(false, true)) {
            for (int cut = 1; ; cut += cut < (landed ? 6 : 9) ? 1 : 7) {
                String at = "cut at write " + cut + (landed ? " (landed)" : "");
                SyncStorage storage = SyncStorage.memory();
                SpaceKeys alice = SpaceKeys.newSpace("Alice");
                SpaceKeys bob = SpaceKeys.joining(alice.ownerPublicKey(), "Bob");
                SpaceKeys carol = SpaceKeys.joining(alice.ownerPublicKey(), "Carol");
                Db a1 = fixture.device();
                Db b1 = fixture.device();
                Db c1 = fixture.device();
                a1.save(new TodoList("groceries", "Groceries"));
                a1.save(Item.of("milk").withList("groceries"));
                SyncEngine aliceSync = engine(storage, OLD, alice);
                aliceSync.sync(a1);
                for (SpaceKeys k : List.of(bob, carol)) {
                    aliceSync.members().admit(new JoinRequest("0123456789abcdef", k.memberName(), k.fingerprint(),
                            k.memberPublicKey(), k.agreementPublicKey()));
                }
                engine(storage, OLD, bob).sync(b1);
                engine(storage, OLD, carol).sync(c1);

                CutAfter cutting = new CutAfter(storage, cut, landed);
                boolean finished;
                try {
                    engine(cutting, OLD, alice).members().removeAndRotate(a1, "Bob", NEW, SyncProgress.NONE);
                    finished = true;
                } catch (SyncException e) {
                    finished = false;
                }
                if (!finished) {
                    // After the crash: the owner's device opens the space with what it kept, then calls again.
                    String open = opening(storage, alice, a1, OLD).orElseThrow(() -> new AssertionError(
                            at + ": the owner is locked out of her own list"));
                    engine(storage, open, alice).members().removeAndRotate(a1, "Bob", NEW, SyncProgress.NONE);
                }
                a1.save(Item.of("birthday cake").withList("groceries"));
                engine(storage, NEW, alice).sync(a1);

                String carolHas = opening(storage, carol, c1, OLD).orElseThrow(() -> new AssertionError(
                        at + ": Carol cannot follow the new key"));
                assertEquals(NEW, carolHas, at);
                assertEquals(List.of("birthday cake", "milk"), titles(c1), at);
                assertEquals(Optional.empty(), opening(storage, bob, b1, OLD), at + ": Bob must open nothing");
                assertEquals(List.of("milk"), titles(b1), at);
                assertTrue(engine(storage, NEW, alice).members().list().stream()
                        .anyMatch(m -> m.name().equals("Bob") && m.removed()), at);
                if (finished) {
                    assertTrue(cut > 3, "a removal with a key change makes more than a few writes");
                    break;
                }
                assertTrue(cut < 200, "the removal ends");
            }
        }
    }

    @Test
    void removeAndRotate_noSuchMember_refusedAndNothingChanges() {
        SyncStorage storage = SyncStorage.memory();
        SpaceKeys alice = SpaceKeys.newSpace("Alice");
        Db a1 = fixture.device();
        a1.save(new TodoList("groceries", "Groceries"));
        engine(storage, OLD, alice).sync(a1);
        assertThrows(IllegalArgumentException.class,
                () -> engine(storage, OLD, alice).members().removeAndRotate(a1, "Nobody", NEW, SyncProgress.NONE));
        engine(storage, OLD, alice).sync(a1);
    }
}
