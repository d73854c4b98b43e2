package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.DerivedIds;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TodoList;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page's one write door played as a phone that was offline while the desktop deleted, reopened and rewrote
 * what the phone's entries name, and as a page that sends what no honest page would: every entry ends applied,
 * conflict or refused with a reason, the entries after a refused one still land, and answers stay small.
 */
@Tag("unit")
class OutboxDoorTest {
    @TempDir
    Path dir;
    WebFixture web;
    WebFixture.Session phone;

    @BeforeEach
    void start() throws Exception {
        web = new WebFixture(dir);
        phone = web.pair();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private List<Map<String, Object>> replay(List<Map<String, Object>> entries) throws Exception {
        return web.outbox(phone, entries);
    }

    private static List<Object> outcomes(List<Map<String, Object>> results) {
        return results.stream().map(r -> r.get("outcome")).toList();
    }

    private Item todo(String id) {
        return web.store.get(id).orElseThrow();
    }

    @Test
    void replay_addIntoAListDeletedMeanwhile_landsInTheInboxSaysSoAndTheEntriesAfterItApply() throws Exception {
        TodoList errands = web.store.createList("Errands");
        Item milk = web.store.add("Milk", errands.id(), null);
        // Typed on the phone offline, in the list; the desktop deletes the list before the phone is back.
        web.store.deleteList(errands.id());
        String first = WebFixture.pageId();
        String second = WebFixture.pageId();
        List<Map<String, Object>> results = replay(List.of(
                JsonText.obj("key", key(), "op", "add", "id", first, "text", "Bread", "view", "list:" + errands.id()),
                JsonText.obj("key", key(), "op", "add", "id", second, "text", "Stamps"),
                JsonText.obj("key", key(), "op", "done", "id", milk.id(), "done", true)));

        assertEquals(List.of("applied", "applied", "applied"), outcomes(results), results.toString());
        assertNull(todo(first).listId(), "in the Inbox");
        assertTrue(String.valueOf(results.get(0).get("message")).contains("Inbox"), results.get(0).toString());
        assertNotNull(web.store.get(second).orElse(null));
        assertTrue(todo(milk.id()).isDone());
    }

    @Test
    void replay_addNamingAListDeletedMeanwhile_makesTheListAgainAndTheNextEntryApplies() throws Exception {
        TodoList errands = web.store.createList("Errands");
        web.store.deleteList(errands.id());
        String milk = WebFixture.pageId();
        String after = WebFixture.pageId();
        List<Map<String, Object>> results = replay(List.of(
                JsonText.obj("key", key(), "op", "add", "id", milk, "text", "Milk #Errands"),
                JsonText.obj("key", key(), "op", "add", "id", after, "text", "After it")));

        assertEquals(List.of("applied", "applied"), outcomes(results), results.toString());
        String listId = todo(milk).listId();
        assertEquals("Errands", web.store.list(listId).orElseThrow().name());
        assertTrue(web.store.get(after).isPresent());
    }

    @Test
    void replay_subtaskOfATodoTrashedMeanwhile_landsInTheInboxAndSaysSo() throws Exception {
        Item trip = web.store.add("Plan the trip", web.store.createList("Holiday").id(), null);
        web.store.trash(trip.id());
        String child = WebFixture.pageId();
        List<Map<String, Object>> results = replay(List.of(
                JsonText.obj("key", key(), "op", "add", "id", child, "text", "Book the train", "parentId", trip.id())));

        assertEquals("applied", results.get(0).get("outcome"), results.toString());
        assertNull(todo(child).parentId());
        assertNull(todo(child).listId());
        assertTrue(String.valueOf(results.get(0).get("message")).contains("Inbox"), results.get(0).toString());
    }

    /**
     * A repeating todo synced from another device with a date past any calendar once made completing it throw, and
     * the outbox stopped on it for good. Such a date reads as no date ({@code model.DateRange}): the tick applies
     * with no next occurrence, and the entry typed after it lands.
     */
    @Test
    void replay_tickOfASeriesSyncedWithADatePastEveryCalendar_appliesAndTheEntriesAfterItApply() throws Exception {
        Item far = web.store.add("Renew the lease", null, null);
        web.store.update(far.id(), it -> it.withDue(LocalDate.MAX)
                .withRepeat(new Recurrence(Recurrence.Freq.YEARLY, 1, Set.of(), 0).toRule(), null));
        String after = WebFixture.pageId();
        List<Map<String, Object>> entries = List.of(
                JsonText.obj("key", key(), "op", "done", "id", far.id(), "done", true),
                JsonText.obj("key", key(), "op", "add", "id", after, "text", "Typed after it"));
        List<Map<String, Object>> results = replay(entries);

        assertEquals(List.of("applied", "applied"), outcomes(results), results.toString());
        assertTrue(todo(far.id()).isDone());
        assertEquals(1, web.store.allItems().stream().filter(i -> i.title().equals("Renew the lease")).count(),
                "no next occurrence past the range");
        assertTrue(web.store.get(after).isPresent());
        // Sent again (its answer lost): the same outcome, nothing applied twice.
        assertEquals(List.of("applied", "applied"), outcomes(replay(entries)));
        assertEquals(1, web.store.allItems().stream().filter(i -> i.title().equals("Typed after it")).count());
    }

    @Test
    void replay_databaseFailsOnAnEntry_stopsThereThenRefusesItAfterFiveTriesAndGoesOn() throws Exception {
        Item rent = web.store.add("Pay rent", null, null);
        // The database refuses that one write (as a full disk or a damaged page would), whatever the server does.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tandem.db"));
             java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER no_rent BEFORE UPDATE ON items WHEN NEW.id = '" + rent.id() + "'"
                    + " BEGIN SELECT RAISE(ABORT, 'the disk is full'); END");
        }
        String after = WebFixture.pageId();
        List<Map<String, Object>> entries = List.of(
                JsonText.obj("key", key(), "op", "done", "id", rent.id(), "done", true),
                JsonText.obj("key", key(), "op", "add", "id", after, "text", "Typed after it"));
        for (int i = 1; i < Outbox.STRIKES; i++) {
            Map<String, Object> stopped = JsonText.object(web.post("/api/outbox", JsonText.write(Map.of("entries", entries)),
                    phone).body());
            // Stopped at it, the rest not tried: the page sends them again later, in order.
            assertNotNull(stopped.get("stopped"), stopped.toString());
            assertEquals(List.of(), stopped.get("results"));
            assertTrue(web.store.get(after).isEmpty());
        }
        List<Map<String, Object>> results = replay(entries);
        assertEquals(List.of("refused", "applied"), outcomes(results), results.toString());
        assertTrue(String.valueOf(results.get(0).get("reason")).contains(String.valueOf(Outbox.STRIKES)), results.toString());
        assertFalse(todo(rent.id()).isDone());
        assertTrue(web.store.get(after).isPresent());
    }

    @Test
    void replay_editsOfAHugeNote_answerIdsAndOutcomesNotTheNote() throws Exception {
        Item big = web.store.add("Big note", null, null);
        web.store.update(big.id(), it -> it.withNotes(("- [ ] line of a long note **with** markup\n").repeat(22_000)));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            entries.add(JsonText.obj("key", key(), "op", "edit", "id", big.id(),
                    "set", Map.of("title", "Big note " + i), "base", Map.of("title", i == 0 ? "Big note" : "Big note " + (i - 1))));
        }
        String body = JsonText.write(Map.of("entries", entries));
        long before = allocated();
        HttpResponse<String> r = web.post("/api/outbox", body, phone);
        long cost = allocated() - before;

        assertEquals(200, r.statusCode());
        // As small as what was asked: an id, a status and an outcome per entry, whatever the item holds.
        assertTrue(r.body().length() < body.length() + 200 * entries.size(), r.body().length() + " bytes");
        List<Map<String, Object>> results = web.results(r);
        assertEquals(10, results.size());
        assertTrue(results.stream().allMatch(m -> "applied".equals(m.get("outcome")) && big.id().equals(m.get("id"))));
        assertEquals("Big note 9", todo(big.id()).title());
        // Memory: what ten edits of a 0.9 MB note cost the server in all, about 75 MB allocated on 2 shared cores
        // (each reads and writes the row), none of it kept for the answer; when each result carried the note and its
        // HTML, the answer alone was 46.5 MB and took 43 s to make.
        assertTrue(cost < 200_000_000L, cost / 1_000_000 + " MB allocated");
    }

    /**
     * Bytes allocated so far by every live thread of this JVM (the server's among them), through
     * com.sun.management.ThreadMXBean (the app's module does not read jdk.management).
     */
    private static long allocated() throws ReflectiveOperationException {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] bytes = (long[]) Class.forName("com.sun.management.ThreadMXBean")
                .getMethod("getThreadAllocatedBytes", long[].class).invoke(threads, (Object) threads.getAllThreadIds());
        long sum = 0;
        for (long n : bytes) {
            sum += Math.max(0, n);
        }
        return sum;
    }

    @Test
    void replay_oldTickAfterTheDesktopTickedAndReopenedIt_refusedNotCompletedAgain() throws Exception {
        Item rent = web.store.add("Pay rent", null, null);
        long tickedOnThePhone = web.store.clock().millis() - 60_000;
        web.store.setDone(rent.id(), true);
        web.store.setDone(rent.id(), false);
        List<Map<String, Object>> results = replay(List.of(JsonText.obj("key", key(), "op", "done", "id", rent.id(),
                "done", true, "at", tickedOnThePhone)));

        assertEquals("refused", results.get(0).get("outcome"), results.toString());
        assertTrue(String.valueOf(results.get(0).get("reason")).contains("Pay rent"), results.toString());
        assertFalse(todo(rent.id()).isDone(), "the desktop's later reopening stands");

        // A tick made after the desktop's: it applies.
        replay(List.of(JsonText.obj("key", key(), "op", "done", "id", rent.id(), "done", true,
                "at", web.store.clock().millis())));
        assertTrue(todo(rent.id()).isDone());
    }

    @Test
    void replay_tickThenUntickBothMadeOfflineEarlier_buildOnEachOtherAcrossRequests() throws Exception {
        Item rent = web.store.add("Pay rent", null, null);
        long offline = web.store.clock().millis();
        // The clock past the entries' times, so the tick is written after the untick was made (milliseconds).
        while (web.store.clock().millis() <= offline + 2) {
            Thread.onSpinWait();
        }
        Map<String, Object> tick = JsonText.obj("key", key(), "op", "done", "id", rent.id(), "done", true, "at", offline);
        Map<String, Object> untick = JsonText.obj("key", key(), "op", "done", "id", rent.id(), "done", false,
                "at", offline + 1);
        Map<String, Object> again = JsonText.obj("key", key(), "op", "done", "id", rent.id(), "done", true,
                "at", offline + 2);
        // In two requests: the untick meets the tick's write, made after it was typed, but by this same page.
        assertEquals(List.of("applied"), outcomes(replay(List.of(tick))));
        assertEquals(List.of("applied", "applied"), outcomes(replay(List.of(untick, again))));
        assertTrue(todo(rent.id()).isDone());

        // Another page's old untick is still judged against this page's tick: that one was made elsewhere.
        WebFixture.Session laptop = web.pair();
        List<Map<String, Object>> other = web.outbox(laptop, List.of(JsonText.obj("key", key(), "op", "done",
                "id", rent.id(), "done", false, "at", offline)));
        assertEquals("refused", other.get(0).get("outcome"), other.toString());
        assertTrue(todo(rent.id()).isDone());
    }

    @Test
    void replay_oldTrashAfterTheDesktopTrashedAndRestoredIt_refused() throws Exception {
        Item it = web.store.add("Keep me", null, null);
        long trashedOnThePhone = web.store.clock().millis() - 60_000;
        web.store.trash(it.id());
        web.store.untrash(it.id());
        List<Map<String, Object>> results = replay(List.of(JsonText.obj("key", key(), "op", "trash", "id", it.id(),
                "trashed", true, "at", trashedOnThePhone)));

        assertEquals("refused", results.get(0).get("outcome"), results.toString());
        assertFalse(todo(it.id()).isTrashed());
    }

    @Test
    void replay_tickOfANoteBoxAfterTheDesktopInsertedALineAbove_ticksThatBoxByItsText() throws Exception {
        Item list = web.store.add("Shopping", null, null);
        web.store.update(list.id(), it -> it.withNotes("- [ ] Milk\n- [ ] Eggs\n- [ ] Eggs"));
        // The phone ticks the second "Eggs"; the desktop meanwhile puts a box above.
        web.store.update(list.id(), it -> it.withNotes("- [ ] Bread\n" + it.notes()));
        List<Map<String, Object>> results = replay(List.of(JsonText.obj("key", key(), "op", "check", "id", list.id(),
                "text", "Eggs", "occurrence", 1L, "checked", true)));

        assertEquals("applied", results.get(0).get("outcome"), results.toString());
        assertEquals("- [ ] Bread\n- [ ] Milk\n- [ ] Eggs\n- [x] Eggs", todo(list.id()).notes());
    }

    @Test
    void replay_tickOfANoteBoxTheDesktopRemoved_refusedAndNoOtherBoxTicked() throws Exception {
        Item list = web.store.add("Shopping", null, null);
        web.store.update(list.id(), it -> it.withNotes("- [ ] Milk\n- [ ] Eggs"));
        web.store.update(list.id(), it -> it.withNotes("- [ ] Milk"));
        List<Map<String, Object>> results = replay(List.of(
                JsonText.obj("key", key(), "op", "check", "id", list.id(), "text", "Eggs", "occurrence", 0L,
                        "checked", true),
                // A page that names the box by its line alone is not believed: lines move.
                JsonText.obj("key", key(), "op", "check", "id", list.id(), "line", 0L, "checked", true)));

        assertEquals(List.of("refused", "refused"), outcomes(results), results.toString());
        assertEquals("- [ ] Milk", todo(list.id()).notes());
    }

    @Test
    void replay_pageIdThatANextOccurrenceWillHave_refusedAndTheSeriesGoesOn() throws Exception {
        Item weekly = web.store.add("Water the plants", null, LocalDate.of(2026, 11, 25));
        web.store.series().setRepeat(weekly.id(), new Recurrence(Recurrence.Freq.WEEKLY, 1, Set.of(), 0));
        String next = DerivedIds.occurrence(weekly.id(), "2026-12-02");
        String v4 = UUID.randomUUID().toString();
        List<Map<String, Object>> results = replay(List.of(
                JsonText.obj("key", key(), "op", "add", "id", next, "text", "Squatter"),
                JsonText.obj("key", key(), "op", "add", "id", v4, "text", "Random id"),
                JsonText.obj("key", key(), "op", "add", "id", WebFixture.pageId(), "text", "Honest id")));

        assertEquals(List.of("refused", "refused", "applied"), outcomes(results), results.toString());
        web.store.series().complete(weekly.id());
        assertEquals("Water the plants", todo(next).title(), "the series made its next occurrence");
    }

    @Test
    void replay_pageIdOfAnItemDeletedForGood_refused() throws Exception {
        String id = WebFixture.pageId();
        replay(List.of(JsonText.obj("key", key(), "op", "add", "id", id, "text", "Once")));
        web.store.deleteForever(id);
        List<Map<String, Object>> results = replay(List.of(JsonText.obj("key", key(), "op", "add", "id", id, "text", "Twice")));
        assertEquals("refused", results.get(0).get("outcome"));
        assertTrue(web.store.get(id).isEmpty());
    }

    @Test
    void replay_malformedEntryAfterAValidOne_answersEachEntryAndTheValidOneStands() throws Exception {
        String id = WebFixture.pageId();
        String body = "{\"entries\":[{\"key\":\"" + key() + "\",\"op\":\"add\",\"id\":\"" + id + "\",\"text\":\"Valid\"},"
                + "{\"op\":\"add\",\"text\":\"no key\"}, 42, {\"key\":\"../../etc\",\"op\":\"add\",\"text\":\"x\"},"
                + "{\"key\":\"" + key() + "\",\"op\":\"add\",\"text\":\"Also valid\"}]}";
        HttpResponse<String> r = web.post("/api/outbox", body, phone);

        assertEquals(200, r.statusCode(), r.body());
        List<Map<String, Object>> results = web.results(r);
        assertEquals(List.of("applied", "refused", "refused", "refused", "applied"), outcomes(results));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), results.stream().map(m -> m.get("index")).toList());
        assertTrue(web.store.get(id).isPresent());
        assertEquals(2, web.store.allItems().size());
    }

    @Test
    void writeRoutes_theOutboxReplaced_areGone() throws Exception {
        Item it = web.store.add("Leave me", null, null);
        assertEquals(404, web.post("/api/quickadd", "{\"text\":\"Milk\",\"view\":\"inbox\"}", phone).statusCode());
        assertEquals(404, web.post("/api/items/" + it.id() + "/done", "{\"done\":true}", phone).statusCode());
        assertEquals(404, web.post("/api/items/" + it.id() + "/check", "{\"line\":0,\"checked\":true}", phone).statusCode());
        assertEquals(405, web.post("/api/items/" + it.id(), "{\"set\":{\"title\":\"X\"},\"base\":{\"title\":\"Leave me\"}}",
                phone).statusCode());
        assertEquals(1, web.store.allItems().size());
        assertEquals("Leave me", todo(it.id()).title());
        assertFalse(todo(it.id()).isDone());
    }

    @Test
    void replay_editAfterTheAddOfTheSameItem_buildsOnItWithoutAFalseConflict() throws Exception {
        // Typed offline as "Edge5 p1", then P4 chosen in its editor: the page joins the choice to the add.
        String joined = WebFixture.pageId();
        List<Map<String, Object>> results = replay(List.of(JsonText.obj("key", key(), "op", "add", "id", joined,
                "text", "Edge5 p1", "set", Map.of("priority", 4L))));
        assertEquals("applied", results.get(0).get("outcome"), results.toString());
        assertEquals(4, todo(joined).priorityLevel());
        assertEquals("Edge5", todo(joined).title());

        // An edit made while the add was on its way: its base is what the add's answer says the add made.
        String sent = WebFixture.pageId();
        Map<String, Object> added = replay(List.of(JsonText.obj("key", key(), "op", "add", "id", sent, "text", "Edge6 p1"))).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) added.get("values");
        assertEquals(1L, values.get("priority"));
        Map<String, Object> base = new java.util.HashMap<>();
        base.put("priority", values.get("priority"));
        results = replay(List.of(JsonText.obj("key", key(), "op", "edit", "id", sent, "set", JsonText.obj("priority", 4L),
                "base", base)));
        assertEquals("applied", results.get(0).get("outcome"), results.toString());
        assertEquals(4, todo(sent).priorityLevel());
        assertEquals(0, web.store.conflicts().list().size());
    }
}
