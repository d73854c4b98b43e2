package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * WebServer's data routes from the page: a quick add read as the desktop reads it, an edit saved or
 * kept as a conflict when the page was stale, bounds on time and length, and the events stream that
 * tells a page what a commit touched.
 */
@Tag("unit")
class WebServerEditTest extends WebServerFixture {
    @Test
    void quickAdd_readsTheTextAsTheDesktopDoes() throws Exception {
        WebFixture.Session s = web.pair();
        Map<String, Object> r = entry(s, "op", "add", "id", WebFixture.pageId(),
                "text", "Lunch with Ann tomorrow p2 @food #Family", "view", "inbox");
        assertEquals(201L, r.get("status"), r.toString());
        Item it = web.store.allItems().get(0);
        assertEquals("Lunch with Ann", it.title());
        assertEquals(web.store.today().plusDays(1), it.dueDate());
        assertEquals(2, it.priorityLevel());
        assertEquals("Family", web.store.list(it.listId()).orElseThrow().name());
        assertTrue(String.valueOf(r.get("message")).contains("to the new list Family"), r.toString());
        // The desktop's grammar for a time and a length, and the row's label with them.
        String timed = WebFixture.pageId();
        Map<String, Object> t = entry(s, "op", "add", "id", timed, "text", "Call the bank tomorrow 2pm for 30 min");
        assertEquals("applied", t.get("outcome"), t.toString());
        String shown = web.get("/api/items/" + timed, s).body();
        assertTrue(shown.contains("\"dueLabel\":\"Tomorrow 14:00 · 30 min\""), shown);
        assertTrue(shown.contains("\"time\":\"14:00\""), shown);
        Map<String, Object> blank = entry(s, "op", "add", "id", WebFixture.pageId(), "text", "p1", "view", "inbox");
        assertEquals(400L, blank.get("status"));
        assertTrue(String.valueOf(blank.get("reason")).contains("add a title"), blank.toString());
    }

    @Test
    void edit_onWhatThePageSaw_saves() throws Exception {
        WebFixture.Session s = web.pair();
        Item it = web.store.add("Milk", null, null);
        Map<String, Object> r = edit(s, it.id(), "\"title\":\"Oat milk\",\"priority\":1,\"tags\":[\"shop\"]",
                "\"title\":\"Milk\",\"priority\":null,\"tags\":[]");
        assertEquals(200L, r.get("status"), r.toString());
        Item now = web.store.get(it.id()).orElseThrow();
        assertEquals("Oat milk", now.title());
        assertEquals(1, now.priorityLevel());
        assertTrue(web.store.conflicts().list().isEmpty());
    }

    @Test
    void edit_onAStalePage_keepsTheOtherDevicesValueAndTheEditAsAConflict() throws Exception {
        WebFixture.Session s = web.pair();
        Item it = web.store.add("Milk", null, null);
        web.store.update(it.id(), i -> i.withTitle("Milk (laptop)"));
        Map<String, Object> r = edit(s, it.id(), "\"title\":\"Milk (phone)\",\"due\":\"2026-12-01\"",
                "\"title\":\"Milk\",\"due\":null");
        assertEquals(409L, r.get("status"), r.toString());
        assertEquals("conflict", r.get("outcome"));
        Item now = web.store.get(it.id()).orElseThrow();
        assertEquals("Milk (laptop)", now.title());
        // The field nobody else changed is saved.
        assertEquals(LocalDate.parse("2026-12-01"), now.dueDate());
        var conflicts = web.store.conflicts().list();
        assertEquals(1, conflicts.size());
        assertEquals("Milk (phone)", conflicts.get(0).lostValue());
        web.store.conflicts().useLostValue(conflicts.get(0));
        assertEquals("Milk (phone)", web.store.get(it.id()).orElseThrow().title());
    }

    @Test
    void edit_timeAndLength_areStoredAndShownBack() throws Exception {
        WebFixture.Session s = web.pair();
        Item it = web.store.add("Dentist", null, null);
        web.store.update(it.id(), i -> i.withDue(LocalDate.parse("2026-11-27")));
        Map<String, Object> r = edit(s, it.id(), "\"time\":\"09:30\",\"lengthMinutes\":45",
                "\"time\":null,\"lengthMinutes\":null");
        assertEquals(200L, r.get("status"), r.toString());
        Item now = web.store.get(it.id()).orElseThrow();
        assertEquals(LocalTime.of(9, 30), now.timeOfDay());
        assertEquals(45, now.lengthMinutes());
        String shown = web.get("/api/items/" + it.id(), s).body();
        assertTrue(shown.contains("\"time\":\"09:30\"") && shown.contains("\"lengthMinutes\":45"), shown);
    }

    @Test
    void edit_timeOrLengthOutOfBounds_refusedAndNothingWritten() throws Exception {
        WebFixture.Session s = web.pair();
        Item undated = web.store.add("Someday", null, null);
        Item dated = web.store.add("Dentist", null, null);
        web.store.update(dated.id(), i -> i.withDue(LocalDate.parse("2026-11-27")));
        for (String[] bad : new String[][] {
                {dated.id(), "\"time\":\"25:99\",\"title\":\"Changed\"", "\"time\":null,\"title\":\"Dentist\""},
                {dated.id(), "\"lengthMinutes\":100000000000,\"title\":\"Changed\"", "\"lengthMinutes\":null,\"title\":\"Dentist\""},
                {dated.id(), "\"lengthMinutes\":0,\"title\":\"Changed\"", "\"lengthMinutes\":null,\"title\":\"Dentist\""},
                {undated.id(), "\"time\":\"09:00\",\"title\":\"Changed\"", "\"time\":null,\"title\":\"Someday\""}}) {
            Map<String, Object> r = edit(s, bad[0], bad[1], bad[2]);
            assertEquals(400L, r.get("status"), bad[1] + ": " + r);
            assertEquals("refused", r.get("outcome"), bad[1]);
            assertFalse(web.store.get(bad[0]).orElseThrow().title().equals("Changed"), bad[1]);
        }
        assertEquals(0, web.store.get(dated.id()).orElseThrow().lengthMinutes());
        assertEquals(null, web.store.get(dated.id()).orElseThrow().timeOfDay());
    }

    /** A page that sends its draft again (the answer to the first send was lost as the page closed). */
    @Test
    void edit_sentAgainAfterItWasSaved_savesWithoutAConflict() throws Exception {
        WebFixture.Session s = web.pair();
        Item it = web.store.add("Milk", null, null);
        String set = "\"title\":\"Oat milk\",\"notes\":\"two cartons\"";
        String base = "\"title\":\"Milk\",\"notes\":\"\"";
        assertEquals(200L, edit(s, it.id(), set, base).get("status"));
        Map<String, Object> again = edit(s, it.id(), set, base);
        assertEquals(200L, again.get("status"), again.toString());
        assertEquals("Oat milk", web.store.get(it.id()).orElseThrow().title());
        assertTrue(web.store.conflicts().list().isEmpty());
    }

    @Test
    void events_aCommitFromAnywhere_reachesAnOpenStreamAndRevokeEndsIt() throws Exception {
        WebFixture.Session s = web.pair();
        Events events = openEvents(s);
        events.lines().clear();
        // As a sync would write: straight to the store, not through the page.
        web.store.add("From the laptop", null, null);
        assertTrue(events.heard("event: change", 2), "no change event within 2 s: " + events.lines());
        assertEquals(1, web.server.openPages());
        web.server.revoke(web.server.browsers().get(0).id());
        events.reader().join(5000);
        assertFalse(events.reader().isAlive(), "the revoked browser's stream stays open");
    }

    @Test
    void events_aCommit_namesTheItemsItTouchedOrSaysAllPastFiftyOrForAList() throws Exception {
        Events events = openEvents(web.pair());
        events.lines().clear();
        Item milk = web.store.add("Milk", null, null);
        assertTrue(events.heard("event: change", 2), "no change event within 2 s: " + events.lines());
        String named = events.lines().poll(2, TimeUnit.SECONDS);
        web.store.writeAll(tx -> {
            for (int i = 0; i <= LiveEvents.MAX_IDS; i++) {
                tx.save(Item.create("Bulk " + i, null, null, 1L));
            }
            return null;
        });
        assertTrue(events.heard("event: change", 2), "no change event within 2 s: " + events.lines());
        String many = events.lines().poll(2, TimeUnit.SECONDS);
        web.store.createList("Errands");
        assertTrue(events.heard("event: change", 2), "no change event within 2 s: " + events.lines());
        String list = events.lines().poll(2, TimeUnit.SECONDS);

        assertTrue(named.matches("data: \\{\"seq\":\\d+,\"ids\":\\[\"" + milk.id() + "\"\\]\\}"), named);
        assertTrue(many.matches("data: \\{\"seq\":\\d+,\"all\":true\\}"), many);
        assertTrue(list.matches("data: \\{\"seq\":\\d+,\"all\":true\\}"), list);
    }
}
