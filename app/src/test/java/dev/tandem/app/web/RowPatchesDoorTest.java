package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;

import dev.tandem.app.model.Section;

import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.outline.OutlineStore;
import dev.tandem.app.model.outline.SectionStore;
import dev.tandem.app.testing.CliRun;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The patch door ({@code GET /api/rows}, {@link RowPatches}): what it answers for a change (the rows named at their
 * index, the tail, the ones gone), and the attacker: too many or malformed ids refused before the view is read, an
 * answer bounded whatever {@code limit} says, and a token limited to some lists that never sees a row of another
 * list through it, not even one it names. In a list's outline a change answers the rows it moved with their place
 * (a subtask added with its parent's count, a parent moved with its subtasks, a section's count), and the attacker
 * there: another list's ids, a thousand ids, a parent of more subtasks than a patch takes, a parent cycle synced
 * in. Real HTTP against a running server.
 */
@Tag("unit")
class RowPatchesDoorTest {
    @TempDir
    Path dir;
    WebFixture web;
    WebFixture.Session session;
    TodoList work;
    TodoList home;
    List<Item> works = new ArrayList<>();
    Item garden;

    @BeforeEach
    void start() throws Exception {
        web = new WebFixture(dir);
        session = web.pair();
        work = web.store.createList("Work");
        home = web.store.createList("Home");
        for (int i = 0; i < 10; i++) {
            works.add(web.store.add("Work " + i, work.id(), web.store.today().plusDays(1 + i)));
        }
        garden = web.store.add("Water the garden", home.id(), web.store.today().plusDays(3));
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(HttpResponse<String> r) {
        return (List<Map<String, Object>>) JsonText.object(r.body()).get("rows");
    }

    private static List<Object> gone(HttpResponse<String> r) {
        return (List<Object>) JsonText.object(r.body()).get("gone");
    }

    private HttpResponse<String> byToken(String path, String token) throws Exception {
        return web.http.send(HttpRequest.newBuilder(web.uri(path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void rows_aChangedRowAndOneGone_answersTheRowAtItsIndexTheTailAndTheGone() throws Exception {
        web.store.trash(works.get(6).id());
        Item moved = works.get(1);
        web.store.update(moved.id(), it -> it.withDue(web.store.today().plusDays(30)));

        HttpResponse<String> r = web.get("/api/rows?view=upcoming&limit=5&ids=" + moved.id() + "," + works.get(6).id(),
                session);

        assertEquals(200, r.statusCode(), r.body());
        // Upcoming now: Work 0, Work 2, Garden, Work 3, Work 4 | …; the moved row is past the limit, so gone too.
        List<String> titles = rows(r).stream().map(m -> m.get("index") + ":" + m.get("title")).toList();
        assertEquals(List.of("2:Water the garden", "3:Work 3", "4:Work 4"), titles, "the tail: the last 3 shown");
        assertEquals(List.of(moved.id(), works.get(6).id()), gone(r));
        assertEquals(10L, ((Number) JsonText.object(r.body()).get("total")).longValue());
    }

    @Test
    void rows_anOutlineEdit_answersTheRowWithItsPlace() throws Exception {
        web.store.update(works.get(2).id(), it -> it.withTitle("Renamed"));

        HttpResponse<String> r = web.get("/api/rows?view=list:" + work.id() + "&limit=200&ids=" + works.get(2).id(), session);

        Map<String, Object> row = rows(r).stream().filter(m -> m.get("id").equals(works.get(2).id())).findFirst().orElseThrow();
        assertEquals("Renamed", row.get("title"));
        assertEquals(2L, ((Number) row.get("index")).longValue());
        assertEquals(0L, ((Number) row.get("depth")).longValue());
        assertEquals(Boolean.TRUE, JsonText.object(r.body()).get("outline"));
    }

    @Test
    void rows_idsMissingTooManyOrMalformed_400BeforeTheViewIsRead() throws Exception {
        String tooMany = IntStream.range(0, RowPatches.MAX_IDS + 1).mapToObj(i -> "id" + i).collect(Collectors.joining(","));
        List<String> bad = List.of("", "&ids=", "&ids=" + tooMany, "&ids=a,,b", "&ids=" + "x".repeat(65),
                "&ids=a%27%20OR%201%3D1", "&ids=%E2%80%AE", "&ids=a%2Fb");
        for (String ids : bad) {
            HttpResponse<String> r = web.get("/api/rows?view=upcoming" + ids, session);
            assertEquals(400, r.statusCode(), ids + ": " + r.body());
            assertTrue(r.body().contains("ids"), r.body());
        }
        String most = IntStream.range(0, RowPatches.MAX_IDS).mapToObj(i -> "id" + i).collect(Collectors.joining(","));
        assertEquals(200, web.get("/api/rows?view=upcoming&ids=" + most, session).statusCode());
    }

    @Test
    void rows_aHugeLimit_answersNoMoreThanTheIdsAndTheirTail() throws Exception {
        HttpResponse<String> r = web.get("/api/rows?view=upcoming&limit=2000000000&ids=" + works.get(0).id(), session);

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(3, rows(r).size(), "the id and a tail of two: " + r.body());
    }

    @Test
    void rows_aTokenOfOneList_neverSeesAnotherListsRowEvenOneItNames() throws Exception {
        CliRun.Result made = CliRun.run(dir, "tokens", "add", "work-only", "--lists", "Work");
        assertEquals(0, made.code(), made.err());
        String token = made.out().strip();

        HttpResponse<String> upcoming = byToken("/api/rows?view=upcoming&limit=3&ids=" + garden.id() + "," + works.get(0).id(),
                token);
        HttpResponse<String> homeList = byToken("/api/rows?view=list:" + home.id() + "&ids=" + garden.id(), token);
        HttpResponse<String> inbox = byToken("/api/rows?view=inbox&ids=" + garden.id(), token);
        HttpResponse<String> browser = web.get("/api/rows?view=upcoming&limit=200&ids=" + garden.id(), session);

        assertEquals(200, upcoming.statusCode(), upcoming.body());
        assertFalse(upcoming.body().contains("garden"), upcoming.body());
        assertFalse(upcoming.body().contains(home.id()), upcoming.body());
        assertEquals(List.of(garden.id()), gone(upcoming), "named, it answers as one that does not exist");
        assertEquals(List.of("Work 0", "Work 1", "Work 2"), rows(upcoming).stream().map(m -> m.get("title")).toList());
        assertEquals(404, homeList.statusCode());
        assertEquals(404, inbox.statusCode());
        // The same question from a paired browser does see it: the token's scope is what hid it.
        assertTrue(browser.body().contains("Water the garden"), browser.body());
    }

    private Map<String, Map<String, Object>> byId(HttpResponse<String> r) {
        Map<String, Map<String, Object>> m = new java.util.LinkedHashMap<>();
        rows(r).forEach(row -> m.put((String) row.get("id"), row));
        return m;
    }

    private HttpResponse<String> workRows(String... ids) throws Exception {
        return web.get("/api/rows?view=list:" + work.id() + "&limit=200&ids=" + String.join(",", ids), session);
    }

    @Test
    void rows_outlineSubtaskAdded_answersItUnderItsParentAndTheParentsCount() throws Exception {
        Item sub = web.store.add("Sub", null, work.id(), works.get(2).id(), null, TodoDetails.NONE).item();

        HttpResponse<String> r = workRows(sub.id());

        assertEquals(200, r.statusCode(), r.body());
        Map<String, Map<String, Object>> rows = byId(r);
        assertEquals(works.get(2).id(), rows.get(sub.id()).get("parent"));
        assertEquals(1L, ((Number) rows.get(sub.id()).get("depth")).longValue());
        assertEquals(3L, ((Number) rows.get(sub.id()).get("index")).longValue());
        assertEquals(1L, ((Number) rows.get(works.get(2).id()).get("subtasks")).longValue(), "the parent's count");
        assertEquals(11L, ((Number) JsonText.object(r.body()).get("total")).longValue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void rows_outlineParentMovedToASection_answersItsSubtasksAlongAndTheSectionsCount() throws Exception {
        Item a = web.store.add("Sub A", null, work.id(), works.get(1).id(), null, TodoDetails.NONE).item();
        Item b = web.store.add("Sub B", null, work.id(), works.get(1).id(), null, TodoDetails.NONE).item();
        Section later = new SectionStore(web.store).create(work.id(), "Later");
        new OutlineStore(web.store).move(works.get(1).id(), new OutlineStore.Target(work.id(), null, later.id(), null));

        HttpResponse<String> r = workRows(works.get(1).id());

        Map<String, Map<String, Object>> rows = byId(r);
        for (Item it : List.of(works.get(1), a, b)) {
            assertEquals(later.id(), rows.get(it.id()).get("section"), it.title() + ": " + r.body());
        }
        assertEquals(List.of(10L, 11L), List.of(a, b).stream()
                .map(it -> ((Number) rows.get(it.id()).get("index")).longValue()).toList(), "right under their parent");
        Map<String, Object> whole = JsonText.object(web.get("/api/items?view=list:" + work.id(), session).body());
        assertEquals(whole.get("sections"), JsonText.object(r.body()).get("sections"), "the sections with their counts");
        assertTrue(((List<Map<String, Object>>) whole.get("sections")).get(0).get("count") instanceof Number);
    }

    @Test
    @SuppressWarnings("unchecked")
    void rows_outlineAttacker_anotherListsIdsAThousandIdsAHugeFamilyAndACycle_boundedAndScoped() throws Exception {
        HttpResponse<String> other = workRows(garden.id(), works.get(0).id());
        assertEquals(200, other.statusCode(), other.body());
        assertFalse(other.body().contains("garden"), other.body());
        assertEquals(List.of(garden.id()), gone(other), "another list's item answers as gone");

        // A thousand ids: counted before the view is read (400), or too long an address before that (414).
        String thousand = IntStream.range(0, 1000).mapToObj(i -> "t" + i).collect(Collectors.joining(","));
        assertEquals(400, workRows(thousand).statusCode());
        String thousandReal = IntStream.range(0, 1000).mapToObj(i -> works.get(i % 10).id()).collect(Collectors.joining(","));
        assertEquals(414, workRows(thousandReal).statusCode());

        // A parent with more subtasks than a patch takes: the page is told to fetch the view whole, nothing else.
        Item big = works.get(5);
        web.store.writeAll(tx -> {
            for (int i = 0; i < RowPatches.MAX_IDS + 20; i++) {
                tx.save(Item.create("Child " + i, work.id(), null, 2_000_000L + i).withParentId(big.id()));
            }
            return null;
        });
        HttpResponse<String> family = workRows(big.id());
        assertEquals(200, family.statusCode(), family.body());
        assertEquals(Boolean.TRUE, JsonText.object(family.body()).get("full"));
        assertFalse(family.body().contains("Child"), family.body());

        // Two todos under each other, as two devices' moves can sync in: answered once each, bounded.
        web.store.writeAll(tx -> {
            tx.save(web.store.get(works.get(3).id()).orElseThrow().withParentId(works.get(4).id()));
            tx.save(web.store.get(works.get(4).id()).orElseThrow().withParentId(works.get(3).id()));
            return null;
        });
        HttpResponse<String> cycle = workRows(works.get(3).id());
        assertEquals(200, cycle.statusCode(), cycle.body());
        List<Object> ids = rows(cycle).stream().map(m -> m.get("id")).toList();
        assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), "each row once: " + ids);
        List<Object> shown = ((List<Map<String, Object>>) JsonText.object(web.get("/api/items?view=list:" + work.id(), session)
                .body()).get("items")).stream().map(m -> m.get("id")).toList();
        for (Item it : List.of(works.get(3), works.get(4))) {
            assertEquals(shown.contains(it.id()), ids.contains(it.id()), "answered as the view shows it: " + ids);
        }
        assertTrue(ids.size() <= 2 * RowPatches.MAX_IDS + 1, ids.toString());
    }
}
