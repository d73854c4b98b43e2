package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;

import dev.tandem.app.model.Section;

import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.outline.OutlineStore;
import dev.tandem.app.model.outline.SectionStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list's outline (sections, subtasks) with 2,000 rows loaded by scrolling, while the desktop adds a subtask,
 * deletes a todo with subtasks, moves a todo with its subtasks to another section and puts one under another todo:
 * the page shows exactly the desktop's outline after each (every row, its parent, in order; the section's count),
 * each by a patch ({@code /api/rows}) without fetching the view whole (counted by the page itself, on {@code
 * #items}), drawing anew only the rows the change touched (rows not there before the change, counted in the page),
 * while the row in the middle of the screen stays where it was.
 */
@Tag("browser")
class WebOutlinePatchPageTest {
    private static final int LOADED = 2000;

    @TempDir
    Path dir;
    WebFixture web;
    WebFixture.Session session;
    Chromium chromium;
    TodoList work;
    Section later;
    List<Item> todos = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        web = new WebFixture(dir);
        session = web.pair();
        work = web.store.createList("Work");
        later = new SectionStore(web.store).create(work.id(), "Later");
        // With their ids, to name them below (Item.create leaves the id to the save).
        for (int i = 0; i < 2050; i++) {
            Item it = new Item(UUID.randomUUID().toString(), work.id(), "Todo " + i, null, null, 0L, null, null, 1_000_000L + i);
            todos.add(i >= 1000 ? it.withSectionId(later.id()) : it);
        }
        List<Item> subs = new ArrayList<>();
        for (int k : new int[] {5, 50}) {
            for (int j = 0; j < 2; j++) {
                subs.add(new Item(UUID.randomUUID().toString(), work.id(), "Sub " + k + "." + j, null, null, 0L, null, null,
                        3_000_000L + 10 * k + j).withParentId(todos.get(k).id()));
            }
        }
        web.store.writeAll(tx -> {
            todos.forEach(tx::save);
            subs.forEach(tx::save);
            return null;
        });
        // The todos were made without places: these first moves give every one a key, in each section (a change of
        // them all). A todo moved among siblings without keys gives them all keys, a change of over 50 todos, which
        // any page fetches whole.
        new OutlineStore(web.store).move(todos.get(0).id(), new OutlineStore.Target(work.id(), null, null, todos.get(1).id()));
        new OutlineStore(web.store).move(todos.get(1000).id(), new OutlineStore.Target(work.id(), null, later.id(), todos.get(1001).id()));
        chromium = Chromium.paired(web, Chromium.Size.PHONE);
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        web.close();
    }

    @Test
    void outline_2000RowsLoaded_subtaskAddedTodoWithSubtasksDeletedMovedAndPutUnderAnotherPatchedRowByRow() throws Exception {
        show();
        chromium.js("document.querySelectorAll('#items .item')[1000].scrollIntoView({block: 'center'})");
        long fetched = counted("fetched");
        long patched = counted("patched");
        Map<String, Object> seen = lookedAt();
        List<String> steps = new ArrayList<>();

        markRows();
        web.store.add("Added on the desktop", null, work.id(), todos.get(3).id(), null, TodoDetails.NONE);
        assertShows();
        steps.add(step(seen));

        markRows();
        List<String> trashed = web.store.verbs().trash(todos.get(50).id());
        assertTrue(trashed.contains(todos.get(50).id()), "trashed: " + trashed);
        assertTrue(!assertShows().contains(todos.get(50).id() + "="), "the server shows it no more");
        steps.add(step(seen));

        markRows();
        OutlineStore.Moved moved5 = new OutlineStore(web.store).move(todos.get(5).id(),
                new OutlineStore.Target(work.id(), null, later.id(), todos.get(1500).id()));
        assertTrue(!moved5.isEmpty(), "moved");
        assertShows();
        steps.add(step(seen));

        markRows();
        OutlineStore.Moved under = new OutlineStore(web.store).move(todos.get(20).id(),
                new OutlineStore.Target(work.id(), todos.get(21).id(), null, null));
        assertTrue(!under.isEmpty(), "moved under");
        assertShows();
        steps.add(step(seen));

        // Each change patched, none fetched whole; the rows drawn anew are those the change touched (the subtask
        // and its parent; the rows that came in from past the limit; the moved todo and its subtasks; the todo
        // moved under another and that one), where
        // drawing the outline again would make all 2,000; the row looked at never moved on the screen.
        assertEquals(List.of(
                fetched + "/" + (patched + 1) + " new rows 2 looked at " + seen.get("id") + " moved 0",
                fetched + "/" + (patched + 2) + " new rows 3 looked at " + seen.get("id") + " moved 0",
                fetched + "/" + (patched + 3) + " new rows 3 looked at " + seen.get("id") + " moved 0",
                fetched + "/" + (patched + 4) + " new rows 2 looked at " + seen.get("id") + " moved 0"), steps,
                "fetched whole / patched, rows drawn anew, the row in the middle of the screen after each change");
        assertEquals(2L, chromium.js("return document.querySelectorAll('.section[data-section=\"' + arguments[0] + '\"]'"
                + " + ' .item[data-id=\"' + arguments[1] + '\"] > .subitems > .item').length", later.id(), todos.get(5).id()),
                "the moved todo took its subtasks into the section");
        assertEquals(List.<Object>of("1", true), chromium.js("const li = document.querySelector('.item[data-id=\"' + arguments[0] + '\"]');"
                + " const fold = li.querySelector(':scope > .item-row > .fold');"
                + " return [fold.textContent, li.querySelector(':scope > .subitems') === document.getElementById(fold.getAttribute('aria-controls'))]",
                todos.get(21).id()), "the todo a row went under got the button that folds its one subtask");
    }

    /** Notes the rows drawn now, so that {@link #step} counts those drawn anew. */
    private void markRows() {
        chromium.js("window.tandemRowsBefore = new WeakSet(document.querySelectorAll('#items .item-row'))");
    }

    /**
     * After a change: the page's whole fetches and patches, how many rows it drew anew, the row in the middle of
     * the screen and how far it is from where {@code seen} was (whole pixels).
     */
    private String step(Map<String, Object> seen) {
        long made = (Long) chromium.js("return [...document.querySelectorAll('#items .item-row')]"
                + ".filter(e => !window.tandemRowsBefore.has(e)).length");
        Map<String, Object> now = lookedAt();
        long moved = Math.round(Math.abs(((Number) seen.get("top")).doubleValue() - ((Number) now.get("top")).doubleValue()));
        return counted("fetched") + "/" + counted("patched") + " new rows " + made + " looked at " + now.get("id")
                + " moved " + moved;
    }

    /** The page's own count of its view fetched whole or patched (items.js, on #items). */
    private long counted(String what) {
        return (Long) chromium.js("return Number(document.getElementById('items').dataset[arguments[0]] || 0)", what);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> lookedAt() {
        Object there = chromium.js("const e = document.elementFromPoint(innerWidth / 2, innerHeight / 2);"
                + " return e && e.closest('#items .item') ? null : (e ? e.outerHTML.slice(0, 300) : 'nothing')"
                + " + ' at scrollY ' + scrollY + ' of ' + document.scrollingElement.scrollHeight");
        assertEquals(null, there, "a row in the middle of the screen");
        return (Map<String, Object>) chromium.js("const li = document.elementFromPoint(innerWidth / 2, innerHeight / 2)"
                + ".closest('#items .item'); return {id: li.dataset.id,"
                + " top: li.querySelector(':scope > .item-row').getBoundingClientRect().top}");
    }

    private void show() {
        chromium.js("location.hash = '#v=list:" + work.id() + "'");
        chromium.await("return document.getElementById('items').dataset.view === arguments[0]"
                + " && document.querySelectorAll('#items .item').length >= 200", Duration.ofSeconds(20), "list:" + work.id());
        while ((Long) chromium.js("return document.querySelectorAll('#items .item').length") < LOADED) {
            long before = (Long) chromium.js("return document.querySelectorAll('#items .item').length");
            chromium.js("document.getElementById('more').scrollIntoView()");
            chromium.await("return document.querySelectorAll('#items .item').length > arguments[0]",
                    Duration.ofSeconds(20), before);
        }
    }

    /**
     * Waits until the page's rows (id, title, the row each is nested under, its section) and the section's count
     * are what the server answers now for as many rows.
     */
    @SuppressWarnings("unchecked")
    private String assertShows() throws Exception {
        String rows = "[...document.querySelectorAll('#items .item')].map(e => e.dataset.id + '=' + e.querySelector('.item-title')"
                + ".textContent + ' under ' + ((e.parentElement.closest('#items .item') || {dataset: {}}).dataset.id || null)"
                + " + ' in ' + ((e.closest('.section') || {dataset: {}}).dataset.section || null)).join('\\n')"
                + " + '\\n' + [...document.querySelectorAll('.section-heading .count')].map(c => c.textContent).join(',')";
        long limit = (Long) chromium.js("return document.querySelectorAll('#items .item').length");
        Map<String, Object> answer = JsonText.object(web.get("/api/items?view=list:" + work.id() + "&limit="
                + Math.max(limit, LOADED), session).body());
        String want = String.join("\n", ((List<Map<String, Object>>) answer.get("items")).stream()
                .map(m -> m.get("id") + "=" + m.get("title") + " under " + m.get("parent") + " in " + m.get("section")).toList())
                + "\n" + String.join(",", ((List<Map<String, Object>>) answer.get("sections")).stream()
                .map(s -> String.valueOf(((Number) s.get("count")).longValue())).toList());
        try {
            chromium.await("return " + rows + " === arguments[0]", Duration.ofSeconds(10), want);
            return want;
        } catch (org.openqa.selenium.TimeoutException e) {
            assertEquals(want, chromium.js("return " + rows), "the page's outline after the change");
            throw e;
        }
    }
}
