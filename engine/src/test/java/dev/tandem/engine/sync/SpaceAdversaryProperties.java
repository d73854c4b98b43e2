package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Fixtures.TodoList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;

/**
 * A shared list among honest people and attackers, in random interleavings: Alice owns it, Carol
 * is an honest member, Bob is a member until Alice removes him (and writes on afterwards), Eve is a
 * member whose modified client writes outside the list (into Alice's private list and Inbox, and
 * moving a shared todo out), and whoever holds the storage deletes, replaces, replays and plants
 * objects in the membership log. After the attacks and one repair by the owner, with a round of
 * syncs: Alice and Carol hold the same shared list; nothing Bob wrote after his removal and
 * nothing Eve wrote outside the list reached them; Alice's private list and Inbox are as she left
 * them; the removal stands on every honest device; and no device took a key older than it had.
 */
@Tag("property")
class SpaceAdversaryProperties {
    private static final SyncScope SHARED = SyncScope.tree("list", Set.of("groceries"),
            List.of(new SyncScope.Link("item", "list_id", "list")));

    /** One step: {@code op} by actor {@code who} (0 Alice, 1 Carol, 2 Bob, 3 Eve), with {@code arg}. */
    record Step(int op, int who, int arg) {
    }

    @Provide
    Arbitrary<List<Step>> scripts() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 99)).as(Step::new);
        return step.list().ofMinSize(4).ofMaxSize(28);
    }

    /** A person's device and the engine it syncs with, rebuilt when the key changes. */
    private static final class Person implements AutoCloseable {
        final SpaceKeys keys;
        final Db db;
        final SyncStorage storage;
        final SyncScope scope;
        String passphrase;
        SyncEngine engine;

        Person(SpaceKeys keys, SyncStorage storage, SyncScope scope, String passphrase) {
            this.keys = keys;
            this.storage = storage;
            this.scope = scope;
            this.db = Db.openMemory();
            db.migrate(Fixtures.MIGRATIONS);
            use(passphrase);
        }

        void use(String pass) {
            if (engine != null) {
                engine.close();
            }
            passphrase = pass;
            engine = SyncEngine.builder().storage(storage).encrypted(pass).space(keys).scope(scope).snapshotEvery(0)
                    .build();
        }

        /** A sync as the app runs it: on a wrong passphrase, follows the newest key sealed to this person. */
        void sync() {
            try {
                engine.sync(db);
            } catch (SyncException e) {
                if (e.reason() != SyncException.Reason.WRONG_PASSPHRASE) {
                    throw e;
                }
                String fresh = keys.rekeyedPassphrase(db, storage).orElse(null);
                if (fresh == null || fresh.equals(passphrase)) {
                    throw e;
                }
                use(fresh);
                engine.sync(db);
            }
        }

        @Override
        public void close() {
            engine.close();
            db.close();
        }
    }

    @Property(tries = 25, shrinking = ShrinkingMode.BOUNDED)
    void sync_honestPeopleBesideAttackers_convergeAndNoAttackLands(@ForAll("scripts") List<Step> script) {
        SyncStorage storage = SyncStorage.memory();
        SpaceKeys aliceKeys = SpaceKeys.newSpace("Alice");
        Person alice = new Person(aliceKeys, storage, SHARED, "first");
        Person carol = new Person(SpaceKeys.joining(aliceKeys.ownerPublicKey(), "Carol"), storage, SHARED, "first");
        Person bob = new Person(SpaceKeys.joining(aliceKeys.ownerPublicKey(), "Bob"), storage, SHARED, "first");
        Person eve = new Person(SpaceKeys.joining(aliceKeys.ownerPublicKey(), "Eve"), storage, SyncScope.everything(),
                "first");
        try {
            alice.db.save(new TodoList("groceries", "Groceries"));
            alice.db.save(new Item("milk", "groceries", "milk", false, null, null));
            alice.db.save(new TodoList("alice-private", "Diary"));
            alice.db.save(new Item("secret", "alice-private", "see the doctor", false, null, null));
            alice.db.save(new Item("inbox", null, "call mum", false, null, null));
            alice.sync();
            for (Person p : List.of(carol, bob, eve)) {
                alice.engine.members(alice.db).admit(new JoinRequest("0123456789abcdef", p.keys.memberName(),
                        p.keys.fingerprint(), p.keys.memberPublicKey(), p.keys.agreementPublicKey()));
            }
            for (Person p : List.of(carol, bob, eve)) {
                p.sync();
            }
            eve.db.save(new TodoList("alice-private", "Diary")); // Eve's own database wants the list for its key
            Set<String> afterRemoval = new HashSet<>();
            boolean removed = false;
            String keyBefore = null;
            int n = 0;
            for (Step s : script) {
                n++;
                Person who = List.of(alice, carol, bob, eve).get(s.who());
                switch (s.op()) {
                    case 0 -> {
                        String title = who.keys.memberName().toLowerCase() + "-" + n;
                        who.db.save(new Item(title, "groceries", title, false, null, null));
                        if (who == bob && removed) {
                            afterRemoval.add(title);
                        }
                    }
                    case 1 -> syncQuietly(who, who == bob && removed);
                    case 2 -> {
                        switch (s.arg() % 3) {
                            case 0 -> eve.db.save(new Item("outside-" + n, null, "outside: eve in the inbox", false, null, null));
                            case 1 -> eve.db.save(new Item("secret", "groceries", "outside: eve pulls it in", false, null, null));
                            default -> eve.db.save(new TodoList("alice-private", "eve was here"));
                        }
                        syncQuietly(eve, false);
                    }
                    case 3 -> {
                        if (!removed) {
                            keyBefore = alice.passphrase;
                            String fresh = alice.engine.members(alice.db).removeAndRotate(alice.db, "Bob", null);
                            alice.use(fresh);
                            removed = true;
                        }
                    }
                    case 4 -> attackLog(storage, s.arg());
                    default -> {
                        // Eve moves a shared todo out of the list, into a list of her own.
                        eve.db.save(new TodoList("eve-list", "Eve's"));
                        eve.db.save(new Item("milk", "eve-list", "milk", false, null, null));
                        syncQuietly(eve, false);
                    }
                }
            }
            alice.engine.members(alice.db).repair();
            for (int round = 0; round < 3; round++) {
                alice.sync();
                carol.sync();
            }

            // Eve's todo under the id of Alice's private one is, to Carol, a new todo in the list: her
            // device cannot know better. Alice's refuses it and names it; the rest is the same.
            TreeMap<String, String> carolSees = shared(carol.db);
            if (carolSees.remove("secret") != null) {
                assertTrue(alice.engine.setAside(alice.db).stream().anyMatch(a -> a.problem().contains("item secret")
                        && a.problem().contains("Eve")), alice.engine.setAside(alice.db).toString());
            }
            assertEquals(shared(alice.db), carolSees, "honest devices hold the same shared list");
            for (Person p : List.of(alice, carol)) {
                // (Carol cannot tell Eve's todo under the id of Alice's private one from any other: see above.)
                Set<String> titles = p.db.query(Item.class, "SELECT * FROM item").stream()
                        .filter(i -> p == alice || !i.id().equals("secret")).map(Item::title).collect(Collectors.toSet());
                for (String t : afterRemoval) {
                    assertFalse(titles.contains(t), "Bob's write after his removal reached " + p.keys.memberName());
                }
                assertFalse(titles.stream().anyMatch(t -> t.startsWith("outside")), "Eve's writes outside the list: " + titles);
                assertEquals("groceries", p.db.get(Item.class, "milk").orElseThrow().listId());
                if (removed) {
                    assertTrue(p.engine.members(p.db).list().stream()
                            .anyMatch(m -> m.name().equals("Bob") && m.removed()), "the removal stands");
                }
            }
            assertEquals("Diary", alice.db.get(TodoList.class, "alice-private").orElseThrow().name());
            Item secret = alice.db.get(Item.class, "secret").orElseThrow();
            assertEquals(List.of("alice-private", "see the doctor"), List.of(secret.listId(), secret.title()));
            assertEquals(null, alice.db.get(Item.class, "inbox").orElseThrow().listId());
            assertEquals(alice.passphrase, carol.passphrase, "Carol holds the owner's newest key");
            assertTrue(keyBefore == null || !keyBefore.equals(carol.passphrase), "and not the one Bob holds");
        } finally {
            for (Person p : List.of(alice, carol, bob, eve)) {
                p.close();
            }
        }
    }

    /**
     * A case the property found: the removal's entry overwritten with junk after the owner synced, Bob
     * syncing, his admission replayed under a new number, junk planted, then Carol (who never read the
     * removal) syncing: after the owner's repair the removal must stand everywhere.
     */
    @Example
    void sync_removalJunkedAndAdmissionReplayedBeforeAMemberReadIt_removalStandsAfterRepair() {
        sync_honestPeopleBesideAttackers_convergeAndNoAttackLands(List.of(new Step(3, 2, 4), new Step(1, 0, 7),
                new Step(4, 3, 9), new Step(1, 2, 2), new Step(4, 1, 42), new Step(4, 3, 55), new Step(0, 1, 29),
                new Step(1, 1, 21)));
    }

    /** A sync whose failure is expected where the person is removed or a client misbehaves; an honest one must not fail. */
    private static void syncQuietly(Person p, boolean removed) {
        try {
            p.sync();
        } catch (SyncException e) {
            if (!removed && p.scope == SHARED && e.reason() != SyncException.Reason.WRONG_PASSPHRASE) {
                throw e;
            }
        }
    }

    /** Whoever holds the storage, on the membership log: delete, junk over, replay elsewhere, or plant junk. */
    private static void attackLog(SyncStorage storage, int arg) {
        List<String> log = storage.list("members/", null, 1000);
        if (log.isEmpty()) {
            return;
        }
        String target = log.get(arg % log.size());
        long next = Long.parseLong(log.get(log.size() - 1).substring("members/".length())) + 1;
        switch (arg % 4) {
            case 0 -> storage.delete(target);
            case 1 -> storage.overwrite(target, new byte[] {7, 7, 7});
            case 2 -> storage.createIfAbsent(String.format("members/%012d", next), storage.get(target).orElseThrow());
            default -> storage.createIfAbsent(String.format("members/%012d", next), new byte[] {1});
        }
    }

    private static TreeMap<String, String> shared(Db db) {
        TreeMap<String, String> out = new TreeMap<>();
        db.query(Item.class, "SELECT * FROM item WHERE list_id = 'groceries'").forEach(i -> out.put(i.id(), i.title()));
        return out;
    }
}
