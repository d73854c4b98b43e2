package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.SavedFilter;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.text.filter.FilterParser;
import dev.tandem.ui.messages.Language;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved filters ("Smart lists") on a phone (390 × 844), in headless Chromium against a real server and store:
 * the sidebar's section with each filter's colour and count, a filter opened as a view, a todo completed on
 * another device (through the store) taking its row and count away live, ticking and editing from the view; and
 * in the right-to-left pseudo language, the section mirrored and an unreadable synced filter marked, opening on
 * the parser's sentence.
 */
@Tag("browser")
class WebFiltersPageTest {
    @TempDir
    Path dir;
    WebFixture web;
    Chromium chromium;

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        web.close();
    }

    private Item todo(String title, String listId, Integer priority, List<String> tags) {
        return web.store.add(title, null, listId, null, new TodoDetails(priority, tags, null, null)).item();
    }

    private SavedFilter save(String name, String query, String color) {
        return web.store.savedFilters().save(name, FilterParser.parse(query, web.store.today()), color);
    }

    /** "name:count|…" of the sidebar's Smart lists, as shown. */
    private static final String SIDEBAR = "return [...document.querySelectorAll('#nav-filters .nav-item')]"
            + ".map(b => b.querySelector('.nav-label').textContent + ':' + (b.querySelector('.count') || {}).textContent)"
            + ".join('|')";
    private static final String TITLES = "return [...document.querySelectorAll('#items .item-title')]"
            + ".map(t => t.textContent).join('|')";

    @Test
    void phone_smartLists_countsOpenAListThatFollowsChangesLive_andItsRowsTickAndOpen() {
        web = new WebFixture(dir);
        TodoList work = web.store.createList("Work");
        Item report = todo("Quarterly report", work.id(), 1, List.of());
        todo("Slides", work.id(), 2, List.of());
        Item invoice = todo("Invoice Acme", work.id(), 1, List.of());
        Item stamps = todo("Buy stamps", null, null, List.of("errand"));
        todo("Post office", null, 1, List.of("errand"));
        SavedFilter urgent = save("Urgent work", "#Work & p1", "#e05a47");
        SavedFilter errands = save("Errands", "@errand", null);
        chromium = Chromium.paired(web, Chromium.Size.PHONE);

        chromium.await(SIDEBAR + " === 'Urgent work:2|Errands:2'");
        assertEquals("Smart lists", chromium.js("const h = document.getElementById('filters-heading');"
                + " return h.hidden ? null : h.textContent"));
        assertEquals("rgb(224, 90, 71)", chromium.js("return getComputedStyle(document.querySelector("
                + "'#nav-filters [data-view=\"filter:" + urgent.id() + "\"] .filter-dot')).backgroundColor"));

        openFilter(urgent);
        chromium.await(TITLES + " === 'Quarterly report|Invoice Acme'");
        assertEquals("Urgent work", chromium.js("return document.getElementById('view-title').textContent"));
        assertEquals(true, chromium.js("return document.getElementById('quick-add-form').hidden"));
        assertEquals("true", chromium.js("return document.querySelector('[data-view=\"filter:" + urgent.id()
                + "\"]').getAttribute('aria-current') === 'page' ? 'true' : 'false'"));

        // Completed on another device: the row and the count follow at once, nothing clicked.
        web.store.setDone(invoice.id(), true);
        chromium.await(TITLES + " === 'Quarterly report'");
        chromium.await(SIDEBAR + " === 'Urgent work:1|Errands:2'");

        // Ticked in the filter's view, as in any view.
        chromium.find(row(report) + " .item-done").click();
        WebFixture.awaitStore(() -> web.store.get(report.id()).orElseThrow().isDone(), Duration.ofSeconds(20));
        chromium.await(TITLES + " === ''");
        chromium.await("return document.getElementById('empty').textContent === 'Nothing matches this smart list.'");

        // Opened and edited from the other filter's view.
        openFilter(errands);
        chromium.await(TITLES + " === 'Post office|Buy stamps'");
        chromium.find(row(stamps) + " .item-open").click();
        chromium.await("return document.getElementById('ed-title').value === 'Buy stamps'");
        chromium.js("const t = document.getElementById('ed-title'); t.value = 'Buy stamps and envelopes';"
                + " t.dispatchEvent(new Event('input', {bubbles: true}))");
        WebFixture.awaitStore(() -> web.store.get(stamps.id()).orElseThrow().title().equals("Buy stamps and envelopes"),
                Duration.ofSeconds(20));
        assertTrue(web.store.conflicts().list().isEmpty());
    }

    @Test
    void rightToLeft_smartLists_mirroredAndAnUnreadableSyncedFilterMarkedAndSaysWhy() {
        web = new WebFixture(dir, b -> b.language(Language.PSEUDO_RTL));
        todo("Buy stamps", null, null, List.of("errand"));
        SavedFilter errands = save("Errands", "@errand", "#2a9d8f");
        SavedFilter newer = web.store.writeAll(tx -> tx.save(new SavedFilter("5d3c1a2b-0000-4000-8000-000000000004", "Newer",
                "color: red", "#123456", null, 1L)));
        chromium = Chromium.paired(web, Chromium.Size.PHONE, Language.PSEUDO_RTL.tag());
        chromium.await("return document.documentElement.dir === 'rtl'");
        chromium.await("return document.querySelectorAll('#nav-filters .nav-item').length === 2");

        // The dot is at the start of the line, which is the right in a right-to-left language; the count at its end.
        assertEquals(true, chromium.js("const b = document.querySelector('[data-view=\"filter:" + errands.id() + "\"]');"
                + " const dot = b.querySelector('.filter-dot').getBoundingClientRect();"
                + " const label = b.querySelector('.nav-label').getBoundingClientRect();"
                + " const count = b.querySelector('.count').getBoundingClientRect();"
                + " return dot.left >= label.right && count.right <= label.left"));
        assertEquals(1L, chromium.js("return document.querySelectorAll('[data-view=\"filter:" + newer.id()
                + "\"] .unreadable-mark').length"));
        assertEquals(0L, chromium.js("return document.querySelectorAll('[data-view=\"filter:" + newer.id()
                + "\"] .count').length"), "an unreadable filter has no count");

        openFilter(newer, false);
        chromium.await("return document.getElementById('empty').textContent.includes('color: red')");
        assertEquals("Newer", chromium.js("return document.getElementById('view-title').textContent"));
    }

    /** Through the drawer, as a person on a phone does. */
    private void openFilter(SavedFilter f) {
        openFilter(f, true);
    }

    /** {@code readable}: its rows come (an unreadable one shows the server's sentence instead). */
    private void openFilter(SavedFilter f, boolean readable) {
        chromium.find("#menu-button").click();
        // Open once it has slid in: mid-slide its buttons are not where a tap lands.
        chromium.await("return getComputedStyle(document.getElementById('sidebar')).transform === 'none'");
        chromium.find("#nav-filters [data-view='filter:" + f.id() + "']").click();
        chromium.await("return (!arguments[1] || document.getElementById('items').dataset.view === arguments[0])"
                + " && document.getElementById('view-title').textContent === arguments[2]"
                + " && !document.body.classList.contains('drawer-open')", "filter:" + f.id(), readable, f.name());
    }

    private static String row(Item it) {
        return ".item[data-id=\"" + it.id() + "\"]";
    }
}
