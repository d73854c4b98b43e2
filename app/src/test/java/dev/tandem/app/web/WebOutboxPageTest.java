package dev.tandem.app.web;

import static dev.tandem.app.web.WebFixture.awaitStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoList;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/**
 * The page's outbox in Debian's Chromium at phone size, as a person meets it: what was typed offline and changed in
 * the editor before the server was back lands as typed, with no conflict with itself; a change the server refuses
 * stays on the phone with its reason to copy while the changes after it land; a check box is ticked by its words.
 */
@Tag("browser")
class WebOutboxPageTest {
    private static final Duration BACK = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    WebFixture web;
    Chromium chromium;

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (web != null) {
            web.close();
        }
    }

    private void offline() {
        web.server.close();
        chromium.await("return !document.getElementById('offline').hidden", Duration.ofSeconds(10));
    }

    private void online() {
        web.restartServer();
        chromium.js("window.dispatchEvent(new Event('online'))");
    }

    private void quickAdd(String text) {
        chromium.find("#quick-add").sendKeys(text, Keys.ENTER);
        chromium.await("return document.getElementById('quick-add').value === ''");
    }

    private Item titled(String title) {
        return web.store.allItems().stream().filter(i -> title.equals(i.title())).findFirst().orElse(null);
    }

    @Test
    void offline_quickAddThenPriorityChosenInItsEditor_landsWithTheChoiceAndNoConflict() {
        web = new WebFixture(dir);
        chromium = Chromium.paired(web, Chromium.Size.PHONE);
        offline();
        quickAdd("Edge5 p1");
        chromium.await("return [...document.querySelectorAll('.item.waiting .item-open')].some(b => b.textContent.includes('Edge5 p1'))");
        chromium.js("[...document.querySelectorAll('.item.waiting .item-open')].find(b => b.textContent.includes('Edge5 p1')).click()");
        chromium.await("return document.getElementById('ed-title').value === 'Edge5 p1'");
        chromium.js("const s = document.getElementById('ed-priority'); s.value = '4';"
                + " s.dispatchEvent(new Event('change', { bubbles: true }))");
        chromium.await("return document.getElementById('ed-priority').value === '4' && !!window.indexedDB", Duration.ofSeconds(10));
        String waiting = (String) chromium.await("return document.getElementById('waiting-text').textContent",
                Duration.ofSeconds(10));
        String entries = (String) chromium.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " import('/assets/outbox.js').then(m => m.pending()).then(p => done(JSON.stringify(p)))");
        // The edit joined the add (it waited unsent), or, the add being on its way just then (a retry), waits for
        // the add's answer to take what it made as its base; never an edit based on the text as typed.
        assertTrue(waiting.startsWith("1 change waiting") && entries.contains("\"set\":{\"priority\":4}")
                || waiting.startsWith("2 changes waiting") && entries.contains("\"after\":"), waiting + " " + entries);

        online();
        awaitStore(() -> titled("Edge5") != null, BACK);
        chromium.await("return document.getElementById('waiting').hidden", BACK);
        Item edge = titled("Edge5");
        assertEquals(4, edge.priorityLevel(), "the priority chosen in the editor after the quick add");
        assertEquals(List.of(), web.store.conflicts().list(), "no conflict with itself");
        assertTrue((Boolean) chromium.js("return document.getElementById('held').hidden"));
        chromium.await("return document.getElementById('ed-priority').value === '4'"
                + " && document.getElementById('ed-title').value === 'Edge5'", BACK);
    }

    @Test
    void offline_changesNamingWhatTheDesktopDeleted_refusedOneStaysToCopyTheOthersLand() {
        web = new WebFixture(dir);
        TodoList errands = web.store.createList("Errands");
        Item milk = web.store.add("Milk", errands.id(), null);
        chromium = Chromium.paired(web, Chromium.Size.PHONE);
        chromium.open(web.server.url() + "#v=list:" + errands.id());
        chromium.await("return !!document.querySelector(arguments[0])", ".item[data-id='" + milk.id() + "'] .item-done");
        offline();
        chromium.js("document.querySelector(arguments[0]).click()", ".item[data-id='" + milk.id() + "'] .item-done");
        quickAdd("Bread");
        quickAdd("Stamps");
        chromium.await("return document.getElementById('waiting-text').textContent.startsWith('3 changes waiting')",
                Duration.ofSeconds(10));
        // Meanwhile on the desktop: the list deleted, and Milk with it for good.
        web.store.deleteList(errands.id());
        web.store.deleteForever(milk.id());

        online();
        awaitStore(() -> titled("Stamps") != null, BACK);
        chromium.await("return document.getElementById('waiting').hidden && !document.getElementById('held').hidden", BACK);
        assertNull(titled("Bread").listId(), "typed in a list deleted meanwhile: in the Inbox");
        assertNull(titled("Stamps").listId());
        String held = (String) chromium.js("return document.getElementById('held-text').value");
        assertEquals("Complete: Milk (This item no longer exists.)", held);
        assertTrue(((String) chromium.js("return document.getElementById('held-heading').textContent"))
                .startsWith("1 change was not saved"));
    }

    @Test
    void noteBox_tickedAfterTheDesktopPutALineAbove_theBoxWithThoseWordsIsTicked() {
        web = new WebFixture(dir);
        Item shopping = web.store.add("Shopping", null, null);
        web.store.update(shopping.id(), i -> i.withNotes("- [ ] Milk\n- [ ] Eggs\n- [ ] Eggs"));
        chromium = Chromium.paired(web, Chromium.Size.PHONE);
        chromium.open(web.server.url() + "#v=inbox&item=" + shopping.id());
        String second = "#notes-view input[data-text='Eggs'][data-occurrence='1']";
        chromium.await("return !!document.querySelector(arguments[0]) && !document.querySelector(arguments[0]).disabled",
                Duration.ofSeconds(10), second);
        // The desktop puts a box above; the page ticks the second Eggs as it showed it.
        web.store.update(shopping.id(), i -> i.withNotes("- [ ] Bread\n" + i.notes()));
        chromium.js("document.querySelector(arguments[0]).click()", second);

        awaitStore(() -> web.store.get(shopping.id()).orElseThrow().notes().contains("[x]"), BACK);
        assertEquals("- [ ] Bread\n- [ ] Milk\n- [ ] Eggs\n- [x] Eggs", web.store.get(shopping.id()).orElseThrow().notes());
        chromium.await("const eggs = document.querySelector(\"#notes-view input[data-text='Eggs'][data-occurrence='1']\");"
                + " const bread = document.querySelector(\"#notes-view input[data-text='Bread']\");"
                + " return eggs && bread && eggs.checked && !bread.checked", BACK);
    }
}
