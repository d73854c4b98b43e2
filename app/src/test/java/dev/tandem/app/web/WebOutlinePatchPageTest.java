package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.OutlineStore;
import dev.tandem.app.model.Section;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
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
 * deletes a todo with subtasks and moves a todo with its subtasks to another section: the page shows exactly the
 * desktop's outline after each (every row, its parent, in order; the section's count); the add and the delete by
 * patches ({@code /api/rows}) without fetching the view whole (counted by the page itself, on {@code #items}), and the row in the middle of the screen stays where it was.
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
        later = web.store.sections().create(work.id(), "Later");
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
        // The todos were made without places: this first move gives every one a key (a change of them all).
        web.store.outlines().move(todos.get(0).id(), new OutlineStore.Target(work.id(), null, null, todos.get(1).id()));
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
    void outline_2000RowsLoaded_subtaskAddedTodoWithSubtasksDeletedAndMovedPatchedWithoutAWholeFetch() throws Exception {
        show();
        chromium.js("document.querySelectorAll('#items .item')[1000].scrollIntoView({block: 'center'})");
        long fetched = counted("fetched");
        long patched = counted("patched");
        Map<String, Object> seen = lookedAt();

        List<String> steps = new ArrayList<>();
        web.store.add("Added on the desktop", null, work.id(), todos.get(3).id(), null, TodoDetails.NONE);
        assertShows();
        steps.add(counted("fetched") + "/" + counted("patched"));
        List<String> trashed = web.store.verbs().trash(todos.get(50).id());
        assertTrue(trashed.contains(todos.get(50).id()), "trashed: " + trashed);
        assertTrue(!assertShows().contains(todos.get(50).id() + "="), "the server shows it no more");
        steps.add(counted("fetched") + "/" + counted("patched"));
        Map<String, Object> now = lookedAt();
        assertEquals(seen.get("id"), now.get("id"), "the row looked at is still the one in the middle");
        double moved = Math.abs(((Number) seen.get("top")).doubleValue() - ((Number) now.get("top")).doubleValue());
        assertTrue(moved < 2, "it stayed where it was on the screen: moved " + moved + " px");
        OutlineStore.Moved moved5 = web.store.outlines().move(todos.get(5).id(),
                new OutlineStore.Target(work.id(), null, later.id(), todos.get(1500).id()));
        assertTrue(!moved5.isEmpty(), "moved");
        assertShows();

        // The add and the delete are patched without a whole fetch; the move into another section is, for now,
        // fetched whole (why is not yet found; docs/WEB.md), and ends exactly as the desktop's too.
        assertEquals(List.of(fetched + "/" + (patched + 1), fetched + "/" + (patched + 2)), steps,
                "fetched whole / patched after the add and after the delete");
        assertEquals(2L, chromium.js("return document.querySelectorAll('.section[data-section=\"' + arguments[0] + '\"]'"
                + " + ' .item[data-id=\"' + arguments[1] + '\"] > .subitems > .item').length", later.id(), todos.get(5).id()),
                "the moved todo took its subtasks into the section");
    }

    /** The page's own count of its view fetched whole or patched (items.js, on #items). */
    private long counted(String what) {
        return (Long) chromium.js("return Number(document.getElementById('items').dataset[arguments[0]] || 0)", what);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> lookedAt() {
        chromium.await("const e = document.elementFromPoint(innerWidth / 2, innerHeight / 2);"
                + " return !!(e && e.closest('#items .item'))", Duration.ofSeconds(10));
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
