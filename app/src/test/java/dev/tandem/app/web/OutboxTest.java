package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.SeriesStore;
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

/** The page's outbox replayed over real HTTP: in order, exactly once, merged per field, bounded. */
@Tag("unit")
class OutboxTest {
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

    private Map<String, Object> replay(WebFixture.Session s, List<Map<String, Object>> entries) throws Exception {
        HttpResponse<String> r = web.post("/api/outbox", JsonText.write(Map.of("entries", entries)), s);
        assertEquals(200, r.statusCode(), r.body());
        return JsonText.object(r.body());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> results(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("results");
    }

    @Test
    void replay_sameEntriesSentAgain_eachAppliesOnce() throws Exception {
        Item weekly = web.store.add("Water the plants", null, LocalDate.now());
        new SeriesStore(web.store).setRepeat(weekly.id(), new Recurrence(Recurrence.Freq.WEEKLY, 1, Set.of(), 0));
        String made = WebFixture.pageId();
        List<Map<String, Object>> entries = List.of(
                JsonText.obj("key", key(), "op", "add", "id", made, "text", "Buy stamps", "view", "inbox"),
                JsonText.obj("key", key(), "op", "edit", "id", made, "set", Map.of("notes", "at the post office"),
                        "base", Map.of("notes", "")),
                JsonText.obj("key", key(), "op", "done", "id", weekly.id(), "done", true));
        Map<String, Object> first = replay(phone, entries);
        assertEquals(List.of(201L, 200L, 200L), results(first).stream().map(m -> m.get("status")).toList());
        // The answer was lost: the page sends the same entries again.
        Map<String, Object> again = replay(phone, entries);
        assertTrue(results(again).stream().allMatch(m -> Boolean.TRUE.equals(m.get("replayed"))), again.toString());
        List<Item> all = web.store.allItems();
        assertEquals(1, all.stream().filter(i -> i.title().equals("Buy stamps")).count());
        assertEquals("at the post office", web.store.get(made).orElseThrow().notes());
        assertEquals(2, all.stream().filter(i -> i.title().equals("Water the plants")).count(),
                "one next occurrence, not two: " + all);
    }

    @Test
    void replay_fieldChangedOnTheDesktopMeanwhile_becomesAConflictNotAnOverwrite() throws Exception {
        Item it = web.store.add("Call the bank", null, null);
        web.store.update(it.id(), i -> i.withTitle("Call the bank about the card"));
        Map<String, Object> answer = replay(phone, List.of(JsonText.obj("key", key(), "op", "edit", "id", it.id(),
                "set", Map.of("title", "Call the bank today", "priority", 1L),
                "base", JsonText.obj("title", "Call the bank", "priority", null))));
        Map<String, Object> r = results(answer).get(0);
        assertEquals(409L, r.get("status"));
        assertEquals(List.of("title"), r.get("fields"));
        Item now = web.store.get(it.id()).orElseThrow();
        assertEquals("Call the bank about the card", now.title());
        assertEquals(1, now.priorityLevel(), "the field nobody else changed is saved");
        assertEquals(1, web.store.conflicts().list().size());

        // The phone takes back its title from the conflicts view: found by its id, used once, then gone.
        long id = web.store.conflicts().list().get(0).id();
        assertEquals(204, web.post("/api/conflicts/" + id + "/use-lost", "{}", phone).statusCode());
        assertEquals("Call the bank today", web.store.get(it.id()).orElseThrow().title());
        assertEquals(404, web.post("/api/conflicts/" + id + "/dismiss", "{}", phone).statusCode());
    }

    @Test
    void replay_refusedEntry_answersWhyAndTheNextStillApplies() throws Exception {
        Item gone = web.store.add("Deleted meanwhile", null, null);
        web.store.deleteForever(gone.id());
        Item kept = web.store.add("Still here", null, null);
        Map<String, Object> answer = replay(phone, List.of(
                JsonText.obj("key", key(), "op", "done", "id", gone.id(), "done", true),
                JsonText.obj("key", key(), "op", "add", "id", "not-a-uuid", "text", "x"),
                JsonText.obj("key", key(), "op", "done", "id", kept.id(), "done", true)));
        assertEquals(List.of(404L, 400L, 200L), results(answer).stream().map(m -> m.get("status")).toList());
        assertNull(answer.get("stopped"));
        assertTrue(web.store.get(kept.id()).orElseThrow().isDone());
    }

    @Test
    void replay_quickAddTypedYesterday_readsItsDatesFromWhenItWasTyped() throws Exception {
        long yesterday = web.store.clock().millis() - 24 * 3600_000L;
        String id = WebFixture.pageId();
        replay(phone, List.of(JsonText.obj("key", key(), "op", "add", "id", id, "text", "Dentist tomorrow", "at", yesterday)));
        assertEquals(web.store.today(), web.store.get(id).orElseThrow().dueDate());
    }

    @Test
    void replay_subtaskOfAnItemMadeOfflineInTheSameBatch_landsUnderIt() throws Exception {
        String parent = WebFixture.pageId();
        String child = WebFixture.pageId();
        replay(phone, List.of(
                JsonText.obj("key", key(), "op", "add", "id", parent, "text", "Plan the trip"),
                JsonText.obj("key", key(), "op", "add", "id", child, "text", "Book the train", "parentId", parent),
                JsonText.obj("key", key(), "op", "trash", "id", parent, "trashed", true)));
        assertEquals(parent, web.store.get(child).orElseThrow().parentId());
        assertTrue(web.store.get(parent).orElseThrow().isTrashed());
    }

    @Test
    void replay_keysArePerBrowser_anotherBrowsersSameKeyStillApplies() throws Exception {
        WebFixture.Session laptop = web.pair();
        String shared = key();
        replay(phone, List.of(JsonText.obj("key", shared, "op", "add", "text", "From the phone")));
        replay(laptop, List.of(JsonText.obj("key", shared, "op", "add", "text", "From the laptop")));
        assertEquals(2, web.store.allItems().size());
    }

    @Test
    void replay_revokedBrowser_appliesNothing() throws Exception {
        Item it = web.store.add("Keep open", null, null);
        web.post("/api/logout", "{}", phone);
        HttpResponse<String> r = web.post("/api/outbox", JsonText.write(Map.of("entries", List.of(
                JsonText.obj("key", key(), "op", "done", "id", it.id(), "done", true)))), phone);
        assertEquals(401, r.statusCode());
        assertFalse(web.store.get(it.id()).orElseThrow().isDone());
    }

    @Test
    void replay_attackerSendsTooManyOrMalformedEntries_refusedAndNothingWritten() throws Exception {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i <= Outbox.MAX_ENTRIES; i++) {
            many.add(JsonText.obj("key", key(), "op", "add", "text", "Spam " + i));
        }
        assertEquals(413, web.post("/api/outbox", JsonText.write(Map.of("entries", many)), phone).statusCode());
        for (String body : List.of("{}", "{\"entries\":{}}")) {
            assertEquals(400, web.post("/api/outbox", body, phone).statusCode(), body);
        }
        // Entries without a key, or with one that is no key: each refused on its own, nothing written.
        for (String entries : List.of("[{\"op\":\"add\",\"text\":\"x\"}]",
                "[{\"key\":\"short\",\"op\":\"add\",\"text\":\"x\"}]",
                "[{\"key\":\"" + "k".repeat(65) + "\",\"op\":\"add\",\"text\":\"x\"}]",
                "[{\"key\":\"../../etc/passwd\",\"op\":\"add\",\"text\":\"x\"}]")) {
            HttpResponse<String> r = web.post("/api/outbox", "{\"entries\":" + entries + "}", phone);
            assertEquals(200, r.statusCode(), entries);
            assertEquals("refused", web.results(r).get(0).get("outcome"), entries);
        }
        Map<String, Object> odd = replay(phone, List.of(JsonText.obj("key", key(), "op", "drop table", "id", "x")));
        assertEquals(400L, results(odd).get(0).get("status"));
        assertEquals(0, web.store.allItems().size());
        // The honest page is served right after.
        replay(phone, List.of(JsonText.obj("key", key(), "op", "add", "text", "Mine")));
        assertEquals(1, web.store.allItems().size());
    }
}
