package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.WeekStart;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planning the day on a phone (390 × 844), in headless Chromium against a real server and store: the
 * Agenda and the Week, a todo ticked from the agenda, and a start date and Someday set in the item page,
 * each checked in the store the desktop reads; a tick in the agenda offline, through a reload; and the week's
 * seven columns in a desktop browser.
 */
@Tag("browser")
class WebDaysPageTest {
    @TempDir
    Path dir;
    WebFixture web;
    Chromium chromium;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        web.close();
    }

    private Item todo(String title, LocalDate due, LocalTime at, Integer minutes) {
        Item it = web.store.add(title, null, due);
        web.store.update(it.id(), i -> i.withDueTime(at).withDuration(minutes == null ? null : minutes.longValue()));
        return it;
    }

    @Test
    void phone_agendaAndWeek_tickFromTheAgenda_andStartAndSomedayInTheItemPage() {
        LocalDate today = web.store.today();
        Item dentist = todo("Dentist", today, LocalTime.of(14, 30), 45);
        todo("Lunch with Ann", today, LocalTime.of(12, 0), null);
        todo("Pay rent", today.minusDays(2), null, null);
        Item shed = web.store.add("Paint the shed", null, null);
        chromium = Chromium.paired(web, Chromium.Size.PHONE);

        // The Agenda: overdue first, then Today with its todos by time, each saying its time and length.
        openView("agenda");
        chromium.await("return document.querySelectorAll('#items > li.day > h2.day-heading').length >= 3");
        assertEquals("Overdue|Today|Tomorrow", chromium.js("return [...document.querySelectorAll('#items > li.day > h2')]"
                + ".map(h => h.firstChild.textContent).join('|')"));
        assertEquals("Lunch with Ann|Dentist", chromium.js("return [...document.querySelectorAll('#items > li.today .item-title')]"
                + ".map(t => t.textContent).join('|')"));
        assertEquals("14:30 · 45 min", chromium.js("return document.querySelector('" + row(dentist) + " .due').textContent"));
        assertEquals("Agenda", chromium.js("return document.getElementById('view-title').textContent"));

        chromium.find(row(dentist) + " .item-done").click();
        WebFixture.awaitStore(() -> web.store.get(dentist.id()).orElseThrow().isDone(), Duration.ofSeconds(5));
        chromium.await("return !document.querySelector('" + row(dentist) + "')");

        // The Week: seven days, one under the other at phone width; the next week a button away.
        openView("week");
        chromium.await("return document.querySelectorAll('#items > li.day').length === 7");
        // From the first day of the page's language (English) in this system's region, as the desktop's week.
        LocalDate first = today.with(TemporalAdjusters.previousOrSame(WeekStart.first(Language.forLocale(Locale.ENGLISH))));
        assertEquals(first.toString(), chromium.js("return document.querySelector('#items > li.day > h2').id.slice(4)"));
        assertTrue((Boolean) chromium.js("const d = document.querySelectorAll('#items > li.day');"
                + " return d[0].getBoundingClientRect().left === d[1].getBoundingClientRect().left"
                + " && d[1].getBoundingClientRect().top > d[0].getBoundingClientRect().top"), "days one under the other");
        assertTrue(((String) chromium.js("return document.querySelector('#items li.today').textContent")).contains("Lunch with Ann"));
        chromium.find("#panel .week-nav button:last-child").click();
        chromium.await("return location.hash.includes('w=" + first.plusWeeks(1) + "')"
                + " && document.querySelector('#items > li.day > h2').id === 'day-" + first.plusWeeks(1) + "'");
        assertEquals("Next week ›", chromium.js("return document.querySelector('#panel .week-nav button:last-child').textContent"));

        // The item page: a start date, then Someday, saved as the desktop holds them.
        openView("inbox");
        chromium.await("return document.querySelector('" + row(shed) + "')");
        chromium.find(row(shed) + " .item-open").click();
        chromium.await("return document.getElementById('ed-title').value === 'Paint the shed'");
        LocalDate start = today.plusDays(10);
        chromium.js("const s = document.getElementById('ed-start'); s.value = arguments[0];"
                + " s.dispatchEvent(new Event('input', {bubbles: true})); s.dispatchEvent(new Event('change', {bubbles: true}));",
                start.toString());
        WebFixture.awaitStore(() -> start.equals(web.store.get(shed.id()).orElseThrow().startDate()), Duration.ofSeconds(5));
        chromium.await("return document.getElementById('save').disabled");
        chromium.find("#ed-someday").click();
        WebFixture.awaitStore(() -> web.store.get(shed.id()).orElseThrow().isSomeday(), Duration.ofSeconds(5));
        assertEquals(start, web.store.get(shed.id()).orElseThrow().startDate());
        assertTrue(web.store.conflicts().list().isEmpty());
    }

    @Test
    void desktop_week_isSevenColumnsSideBySide_withoutTheEditorsColumnUntilATodoOpens() {
        LocalDate today = web.store.today();
        Item lunch = todo("Lunch with Ann", today, LocalTime.of(12, 0), 60);
        chromium = Chromium.paired(web, Chromium.Size.DESKTOP);
        chromium.js("location.hash = '#v=week'");
        chromium.await("return document.querySelectorAll('#items > li.day').length === 7");

        assertEquals(true, chromium.js("const d = [...document.querySelectorAll('#items > li.day')].map(e => e.getBoundingClientRect());"
                + " return d.every((r, i) => i === 0 || (r.top === d[0].top && r.left >= d[i - 1].right - 1)) && d[0].width > 100"));
        assertEquals(false, chromium.js("return document.getElementById('detail').checkVisibility()"));
        chromium.find(row(lunch) + " .item-open").click();
        chromium.await("return document.getElementById('ed-title').value === 'Lunch with Ann'"
                + " && document.getElementById('detail').checkVisibility()");
    }

    /**
     * Offline, the Agenda comes from what the phone kept, with the outbox's waiting tick drawn on its row, through
     * a reload; once the server is back the tick lands in the desktop's profile.
     */
    @Test
    void phone_offline_agendaKeptAndATickInItWaitsThroughAReload_thenLands() {
        Item dentist = todo("Dentist", web.store.today(), LocalTime.of(14, 30), 45);
        chromium = Chromium.paired(web, Chromium.Size.PHONE);
        chromium.await("return !!navigator.serviceWorker.controller", Duration.ofSeconds(10));
        chromium.js("location.hash = '#v=agenda'");
        chromium.await("return !!document.querySelector('" + row(dentist) + " .item-done')");
        chromium.await("caches.open('tandem-api').then(c => c.keys()).then(k => window.kept = k.map(r => r.url));"
                + " return window.kept && window.kept.some(u => u.includes('view=agenda'))", Duration.ofSeconds(10));

        web.server.close();
        chromium.await("return !document.getElementById('offline').hidden", Duration.ofSeconds(5));
        chromium.js("document.querySelector(arguments[0] + ' .item-done').click()", row(dentist));
        chromium.await("return document.getElementById('waiting-text').textContent.startsWith('1 change waiting')",
                Duration.ofSeconds(10));
        chromium.driver().navigate().refresh();
        chromium.await("const r = document.querySelector(arguments[0]);"
                + " return document.getElementById('items').dataset.view === 'agenda' && r && r.classList.contains('waiting')"
                + " && r.querySelector('.item-done').checked", Duration.ofSeconds(10), row(dentist));
        assertTrue(!web.store.get(dentist.id()).orElseThrow().isDone());

        web.restartServer();
        WebFixture.awaitStore(() -> web.store.get(dentist.id()).orElseThrow().isDone(), Duration.ofSeconds(30));
    }

    /** Through the drawer, as a person on a phone does. */
    private void openView(String key) {
        chromium.find("#menu-button").click();
        // Open once it has slid in: mid-slide its buttons are not where a tap lands.
        chromium.await("return getComputedStyle(document.getElementById('sidebar')).transform === 'none'");
        chromium.find("#nav-views [data-view='" + key + "']").click();
        chromium.await("return document.getElementById('items').dataset.view === arguments[0]"
                + " && !document.body.classList.contains('drawer-open')", key);
    }

    private static String row(Item it) {
        return ".item[data-id=\"" + it.id() + "\"]";
    }
}
