package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Table;
import dev.tandem.engine.testing.GoldenOut;
import dev.tandem.engine.testing.MiniJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list shared by an engine owner with a member whose device is the JavaScript core (through its test
 * driver): the JavaScript device asks with the invite code, the owner admits the fingerprint it reads
 * out, the JavaScript device opens the grant, follows the membership log and reads the list and
 * nothing else of the owner's; its own changes to the list reach the owner, whose engine checks their
 * signatures and judges them as any member's, and its changes outside the list stay on it. An engine
 * member changed to write outside the list is refused by the JavaScript device, its good change merged.
 */
@Tag("process")
class JsSpaceCrossTest {
    static final String LIST = "0193433e-a800-7000-8000-00000000aaaa";
    static final String PASS = "k3v9-random-space-secret";
    static final SyncScope SHARED = SyncScope.tree("lists", Set.of(LIST),
            List.of(new SyncScope.Link("items", "listId", "lists")));
    static final List<String> COLUMNS = List.of("title", "notes", "done", "listId");

    @Table("lists")
    record TodoList(String id, String name) {
    }

    @Table("items")
    record Item(String id, String title, String notes, Long done, String listId) {
    }

    @TempDir
    Path tmp;

    static Db db() {
        Db db = Db.builder().memory().build();
        db.migrate(List.of("CREATE TABLE lists(id TEXT PRIMARY KEY, name TEXT)",
                "CREATE TABLE items(id TEXT PRIMARY KEY, title TEXT, notes TEXT, done INTEGER, listId TEXT)"));
        return db;
    }

    static Map<?, ?> answer(JsDriver js, Object command) {
        return (Map<?, ?>) MiniJson.parse(js.send(GoldenOut.json(command)));
    }

    static Map<String, Object> str(String s) {
        return GoldenOut.obj("str", s);
    }

    @Test
    void sharedList_javaScriptMemberJoins_readsTheListAndItsChangesReachTheOwner() throws Exception {
        Path remote = tmp.resolve("space");
        Files.createDirectories(remote);
        SpaceKeys alice = SpaceKeys.newSpace("Alice");
        try (Db owner = db(); SyncEngine aliceSync = SyncEngine.builder().folder(remote).encrypted(PASS).space(alice)
                .scope(SHARED).snapshotEvery(0).build(); JsDriver js = JsDriver.start()) {
            owner.save(new TodoList(LIST, "Groceries"));
            owner.save(new Item("i1", "Milk", null, 0L, LIST));
            owner.save(new Item("diary", "Diary", null, 0L, null));
            owner.save(new TodoList("work", "Work"));
            owner.save(new Item("w1", "Tax return", null, 0L, "work"));
            aliceSync.sync(owner);
            String code = aliceSync.members().invite("list:" + LIST + ":folder:" + remote).code();

            Object folder = GoldenOut.obj("kind", "folder", "dir", remote.toString());
            Map<?, ?> joined = answer(js, GoldenOut.obj("op", "join", "device", "sam", "deviceId", UUID.randomUUID().toString(),
                    "remote", folder, "code", code, "name", "Sam"));
            assertEquals(LIST, joined.get("list"));
            assertEquals(false, answer(js, GoldenOut.obj("op", "spaceSync", "device", "sam")).get("admitted"),
                    "no grant before the owner admits");
            JoinRequest asked = aliceSync.members().requests().stream()
                    .filter(r -> r.fingerprint().equals(joined.get("fingerprint"))).findFirst().orElseThrow();
            assertEquals("Sam", asked.name());
            aliceSync.members().admit(asked);

            Map<?, ?> first = answer(js, GoldenOut.obj("op", "spaceSync", "device", "sam"));
            assertEquals(true, first.get("admitted"));
            assertEquals(List.of(), first.get("problems"));
            assertEquals(List.of(), first.get("refused"));
            assertEquals(Map.of("i1", "Milk"), titles(js, "sam"));

            Map<String, Object> butter = new java.util.HashMap<>();
            butter.put("title", str("Butter"));
            butter.put("notes", null);
            butter.put("done", GoldenOut.obj("int", "0"));
            butter.put("listId", str(LIST));
            answer(js, GoldenOut.obj("op", "save", "device", "sam", "table", "items", "id", "s1", "record", butter,
                    "columns", COLUMNS));
            answer(js, GoldenOut.obj("op", "save", "device", "sam", "table", "items", "id", "i1", "record",
                    GoldenOut.obj("done", GoldenOut.obj("int", "1")), "columns", COLUMNS));
            Map<String, Object> home = new java.util.HashMap<>(butter);
            home.put("title", str("Sam's own"));
            home.put("listId", null);
            answer(js, GoldenOut.obj("op", "save", "device", "sam", "table", "items", "id", "sams-own", "record", home,
                    "columns", COLUMNS));
            Map<?, ?> pushed = answer(js, GoldenOut.obj("op", "spaceSync", "device", "sam"));
            assertEquals(2L, ((Number) pushed.get("pushed")).longValue(), "the item kept at home is not pushed");

            SyncReport report = aliceSync.sync(owner);
            assertEquals(List.of(), report.setAside(), "every object the JavaScript member wrote is accepted");
            assertEquals("Butter", owner.get(Item.class, "s1").orElseThrow().title());
            assertEquals(1L, owner.get(Item.class, "i1").orElseThrow().done());
            assertTrue(owner.get(Item.class, "sams-own").isEmpty());
            assertEquals("Diary", owner.get(Item.class, "diary").orElseThrow().title(), "the owner's own item untouched");
            assertNull(owner.get(Item.class, "diary").orElseThrow().listId());
            assertTrue(aliceSync.members().list().stream().anyMatch(m -> m.name().equals("Sam")));

            // Another device of Sam's joins later and starts from the snapshot the owner wrote, signed by the owner's device.
            aliceSync.compact(owner);
            String second = aliceSync.members().invite("list:" + LIST + ":folder:" + remote).code();
            Map<?, ?> laptop = answer(js, GoldenOut.obj("op", "join", "device", "laptop", "deviceId",
                    UUID.randomUUID().toString(), "remote", folder, "code", second, "name", "Sam"));
            aliceSync.members().admit(aliceSync.members().requests().stream()
                    .filter(r -> r.fingerprint().equals(laptop.get("fingerprint"))).findFirst().orElseThrow());
            Map<?, ?> fresh = answer(js, GoldenOut.obj("op", "spaceSync", "device", "laptop"));
            assertTrue(fresh.get("bootstrapped") instanceof String, "started from the owner's snapshot: " + fresh);
            assertEquals(List.of(), fresh.get("problems"));
            assertEquals(List.of(), fresh.get("refused"));
            assertEquals(Map.of("i1", "Milk", "s1", "Butter"), titles(js, "laptop"));
        }
    }

    /**
     * A member whose engine was changed to push everything it holds (no scope) writes to an item the
     * JavaScript member keeps outside the list and then adds one to the list: the JavaScript device
     * sets the first aside, naming Bob, and merges the second.
     */
    @Test
    void sharedList_engineMemberWritingOutsideTheList_refusedByTheJavaScriptMemberTheRestMerged() throws Exception {
        Path remote = tmp.resolve("space");
        Files.createDirectories(remote);
        SpaceKeys alice = SpaceKeys.newSpace("Alice");
        try (Db owner = db(); Db bobDb = db(); SyncEngine aliceSync = SyncEngine.builder().folder(remote).encrypted(PASS)
                .space(alice).scope(SHARED).snapshotEvery(0).build(); JsDriver js = JsDriver.start()) {
            owner.save(new TodoList(LIST, "Groceries"));
            owner.save(new Item("i1", "Milk", null, 0L, LIST));
            aliceSync.sync(owner);
            Object folder = GoldenOut.obj("kind", "folder", "dir", remote.toString());
            String code = aliceSync.members().invite("list:" + LIST + ":folder:" + remote).code();
            Map<?, ?> joined = answer(js, GoldenOut.obj("op", "join", "device", "sam", "deviceId", UUID.randomUUID().toString(),
                    "remote", folder, "code", code, "name", "Sam"));
            aliceSync.members().admit(aliceSync.members().requests().stream()
                    .filter(r -> r.fingerprint().equals(joined.get("fingerprint"))).findFirst().orElseThrow());
            Map<String, Object> own = new java.util.HashMap<>();
            own.put("title", str("Sam's own"));
            own.put("notes", null);
            own.put("done", GoldenOut.obj("int", "0"));
            own.put("listId", null);
            answer(js, GoldenOut.obj("op", "save", "device", "sam", "table", "items", "id", "sams-own", "record", own,
                    "columns", COLUMNS));
            answer(js, GoldenOut.obj("op", "spaceSync", "device", "sam"));

            SpaceInvite invite = SpaceInvite.parse(aliceSync.members().invite("list:" + LIST + ":folder:" + remote).code());
            SpaceKeys bob = SpaceKeys.joining(invite.ownerPublicKey(), "Bob");
            SyncStorage raw = SyncStorage.folder(remote);
            aliceSync.members().admit(invite.requestToJoin(raw, bob));
            try (SyncEngine bobSync = SyncEngine.builder().folder(remote).encrypted(invite.passphrase(raw, bob).orElseThrow())
                    .space(bob).scope(SyncScope.everything()).snapshotEvery(0).build()) {
                bobSync.sync(bobDb);
                bobDb.save(new Item("sams-own", "Hacked", null, 0L, null));
                bobDb.save(new Item("b1", "Bread", null, 0L, LIST));
                bobSync.sync(bobDb);
            }
            Map<?, ?> synced = answer(js, GoldenOut.obj("op", "spaceSync", "device", "sam"));
            assertEquals(List.of(), synced.get("problems"), "Bob's batch itself is a member's, signed");
            List<?> refused = (List<?>) synced.get("refused");
            assertEquals(1, refused.size(), refused.toString());
            assertTrue(((String) refused.get(0)).matches("A change by Bob \\(device [0-9a-f-]{36}\\) was set aside: it changes"
                    + " items sams-own, which this device holds outside the shared lists"), refused.toString());
            assertEquals(Map.of("i1", "Milk", "b1", "Bread", "sams-own", "Sam's own"), titles(js, "sam"));
        }
    }

    /** A JavaScript device's items, id to title. */
    static Map<String, String> titles(JsDriver js, String device) {
        Map<?, ?> state = answer(js, GoldenOut.obj("op", "state", "device", device, "table", "items"));
        Map<String, String> out = new java.util.TreeMap<>();
        List<Object> rows = new ArrayList<>((List<?>) state.get("rows"));
        for (Object o : rows) {
            Map<?, ?> row = (Map<?, ?>) o;
            Map<?, ?> title = (Map<?, ?>) ((Map<?, ?>) row.get("fields")).get("title");
            out.put((String) row.get("id"), title == null ? null : (String) title.get("str"));
        }
        return out;
    }
}
