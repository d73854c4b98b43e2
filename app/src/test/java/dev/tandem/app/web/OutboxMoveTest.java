package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;



import dev.tandem.app.model.Schema;
import dev.tandem.app.model.Section;

import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.outline.ListOutline;
import dev.tandem.app.model.outline.Outline;
import dev.tandem.app.model.outline.OutlineStore;
import dev.tandem.app.model.outline.SectionStore;
import dev.tandem.engine.Conflict;
import dev.tandem.engine.sync.SyncEngine;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox's {@code move} entry over real HTTP: a todo moved in its list through the model's own move, with
 * its base; moved elsewhere meanwhile, it stays and the page's place goes to Conflicts; the attacker's entries
 * refused before anything moves, the good ones after them applied; and two devices reordering one list at once,
 * the page's moves replayed on one while the other moves on its own, ending in the same order on both after
 * they synced through a folder remote.
 */
@Tag("unit")
class OutboxMoveTest {
    @TempDir
    Path dir;
    WebFixture web;
    WebFixture.Session phone;
    TodoList home;

    @BeforeEach
    void start() throws Exception {
        web = new WebFixture(dir);
        phone = web.pair();
        home = web.store.createList("Home");
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private Item add(String title) {
        return web.store.add(title, null, home.id(), null, TodoDetails.NONE).item();
    }

    private static Map<String, Object> place(String listId, String parentId, String sectionId) {
        Map<String, Object> m = new HashMap<>();
        m.put("listId", listId);
        m.put("parentId", parentId);
        m.put("sectionId", sectionId);
        return m;
    }

    private static Map<String, Object> to(String listId, String parentId, String sectionId, String beforeId) {
        Map<String, Object> m = place(listId, parentId, sectionId);
        m.put("beforeId", beforeId);
        return m;
    }

    private Map<String, Object> move(Item it, Map<String, Object> to, Map<String, Object> base) {
        Map<String, Object> e = new HashMap<>();
        e.put("key", UUID.randomUUID().toString());
        e.put("op", "move");
        e.put("id", it.id());
        e.put("to", to);
        e.put("base", base);
        return e;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> replay(List<Map<String, Object>> entries) throws Exception {
        HttpResponse<String> r = web.post("/api/outbox", JsonText.write(Map.of("entries", entries)), phone);
        assertEquals(200, r.statusCode(), r.body());
        return (List<Map<String, Object>>) JsonText.object(r.body()).get("results");
    }

    private static List<Object> statuses(List<Map<String, Object>> results) {
        return results.stream().map(m -> m.get("status")).toList();
    }

    /** The list as the desktop shows it: "## Section" for a heading, two spaces per level before a title. */
    static String outline(TodoStore store, String listId) {
        return ListOutline.read(store, listId).lines().stream().map(l -> l.isSection() ? "## " + l.section().name()
                : "  ".repeat(l.depth()) + store.get(l.item().id()).orElseThrow().title()).collect(Collectors.joining("\n"));
    }

    @Test
    void replay_movesWithTheirBase_putTodosWhereTheDesktopsMovesWould() throws Exception {
        Item a = add("A");
        Item b = add("B");
        Item c = add("C");
        Section later = new SectionStore(web.store).create(home.id(), "Later");
        List<Map<String, Object>> results = replay(List.of(
                // C before A; B under A; A into Later (its subtask with it).
                move(c, to(home.id(), null, null, a.id()), place(home.id(), null, null)),
                move(b, to(home.id(), a.id(), null, null), place(home.id(), null, null)),
                move(a, to(home.id(), null, later.id(), null), place(home.id(), null, null))));
        assertEquals(List.of(200L, 200L, 200L), statuses(results), results.toString());
        assertEquals("C\n## Later\nA\n  B", outline(web.store, home.id()));
        assertTrue(web.store.conflicts().list().isEmpty());
    }

    @Test
    void replay_todoMovedElsewhereMeanwhile_staysThereAndThePagesPlaceGoesToConflicts() throws Exception {
        Item a = add("A");
        Item b = add("B");
        Item c = add("C");
        // On the desktop, B went under C while the phone, offline, put it under A.
        new OutlineStore(web.store).move(b.id(), new OutlineStore.Target(home.id(), c.id(), null, null));
        List<Map<String, Object>> results = replay(List.of(move(b, to(home.id(), a.id(), null, null),
                place(home.id(), null, null))));
        assertEquals(409L, results.get(0).get("status"));
        assertEquals("conflict", results.get(0).get("outcome"), results.toString());
        assertTrue(((String) results.get(0).get("reason")).startsWith("Moved on another device"), results.toString());
        assertEquals("A\nC\n  B", outline(web.store, home.id()));
        List<Conflict> conflicts = web.store.conflicts().list();
        assertEquals(1, conflicts.size(), conflicts.toString());
        assertEquals("parentId", conflicts.get(0).field());
        assertEquals(a.id(), String.valueOf(conflicts.get(0).lostValue()));
    }

    @Test
    void replay_attackersMoves_refusedBeforeAnythingMoves_andTheGoodOneAfterThemApplies() throws Exception {
        Item a = add("A");
        Item b = add("B");
        Item child = add("Child");
        new OutlineStore(web.store).move(child.id(), new OutlineStore.Target(home.id(), a.id(), null, null));
        TodoList other = web.store.createList("Other");
        Section elsewhere = new SectionStore(web.store).create(other.id(), "Elsewhere");
        Item trashed = add("Trashed");
        web.store.trash(trashed.id());
        // A chain as deep as a todo may be: nothing more fits under its last.
        Item deep = add("Deep 0");
        for (int i = 1; i <= Outline.MAX_DEPTH; i++) {
            Item next = add("Deep " + i);
            new OutlineStore(web.store).move(next.id(), new OutlineStore.Target(home.id(), deep.id(), null, null));
            deep = next;
        }
        String before = outline(web.store, home.id());
        Map<String, Object> home0 = place(home.id(), null, null);
        Map<String, Object> withScript = to(home.id(), null, null, null);
        withScript.put("beforeId", "<script>");
        Map<String, Object> extra = to(home.id(), null, null, null);
        extra.put("rank", "0");
        Map<String, Object> numeric = to(home.id(), null, null, null);
        numeric.put("parentId", 7);
        List<Map<String, Object>> entries = new ArrayList<>(List.of(
                move(a, to(home.id(), a.id(), null, null), home0),
                move(a, to(home.id(), child.id(), null, null), home0),
                move(b, to(home.id(), trashed.id(), null, null), home0),
                move(b, to(home.id(), null, elsewhere.id(), null), home0),
                move(b, to("no-such-list", null, null, null), home0),
                move(b, to(home.id(), "x".repeat(201), null, null), home0),
                move(b, withScript, home0),
                move(b, extra, home0),
                move(b, numeric, home0),
                move(b, to(home.id(), deep.id(), null, null), home0),
                move(b, to(home.id(), null, null, a.id()), Map.of("listId", home.id())),
                move(b, null, home0)));
        Map<String, Object> gone = move(b, to(home.id(), null, null, null), home0);
        gone.put("id", UUID.randomUUID().toString());
        entries.add(gone);
        // The good one, after them all: B first.
        entries.add(move(b, to(home.id(), null, null, a.id()), home0));
        List<Map<String, Object>> results = replay(entries);
        List<Object> statuses = statuses(results);
        assertEquals(200L, statuses.get(statuses.size() - 1), results.toString());
        for (int i = 0; i < statuses.size() - 1; i++) {
            long status = (Long) statuses.get(i);
            assertTrue(status == 400 || status == 404, "entry " + i + ": " + results.get(i));
            assertEquals("refused", results.get(i).get("outcome"), results.get(i).toString());
            assertTrue(results.get(i).get("reason") instanceof String e && !e.contains("Exception"), results.get(i).toString());
        }
        assertEquals(before.replace("A\n  Child\nB\n", "B\nA\n  Child\n"), outline(web.store, home.id()));
        assertTrue(web.store.conflicts().list().isEmpty());
    }

    @Test
    void twoDevices_reorderingOneListAtOnce_endInTheSameOrderOnBoth() throws Exception {
        Path remote = Files.createDirectories(dir.resolve("remote"));
        List<Item> todos = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            todos.add(add("T" + i));
        }
        try (TodoStore laptop = new TodoStore(Schema.database(dir.resolve("laptop.db")).build(), Clock.systemUTC(),
                ZoneOffset.UTC);
             SyncEngine serverSync = SyncEngine.builder().folder(remote).build();
             SyncEngine laptopSync = SyncEngine.builder().folder(remote).build()) {
            web.store.replica().sync(serverSync);
            laptop.replica().sync(laptopSync);
            assertEquals(outline(web.store, home.id()), outline(laptop, home.id()));

            // The phone, offline, put T5 first and T0 under T1; meanwhile the laptop put T4 first and T5 last.
            new OutlineStore(laptop).move(todos.get(4).id(), new OutlineStore.Target(home.id(), null, null, todos.get(0).id()));
            new OutlineStore(laptop).move(todos.get(5).id(), new OutlineStore.Target(home.id(), null, null, null));
            List<Map<String, Object>> results = replay(List.of(
                    move(todos.get(5), to(home.id(), null, null, todos.get(0).id()), place(home.id(), null, null)),
                    move(todos.get(0), to(home.id(), todos.get(1).id(), null, null), place(home.id(), null, null))));
            assertEquals(List.of(200L, 200L), statuses(results), results.toString());

            for (int round = 0; round < 2; round++) {
                web.store.replica().sync(serverSync);
                web.store.repairTree();
                laptop.replica().sync(laptopSync);
                laptop.repairTree();
            }
            String server = outline(web.store, home.id());
            assertEquals(server, outline(laptop, home.id()));
            // Both devices' moves are kept where they did not touch the same todo: T0 under T1, T4 before T1.
            assertTrue(server.contains("T1\n  T0"), server);
            assertTrue(server.indexOf("T4") < server.indexOf("T1"), server);
            assertFalse(server.isEmpty());
        }
    }
}
