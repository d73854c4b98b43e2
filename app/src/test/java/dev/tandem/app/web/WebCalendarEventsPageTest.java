package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.feeds.FeedLimits;
import dev.tandem.app.feeds.FeedRefresh;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.events.CalendarSubscription;
import dev.tandem.app.model.events.EventStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subscribed .ics file's events on the phone (390 × 844), in headless Chromium against a real server and store:
 * read by the calendars' refresh into the device's calendars.sqlite, shown in the Agenda and the Week among the
 * day's todos (all day on top, then by time), in the calendar's colour, named with the calendar, a title of markup
 * shown as text, nothing axe finds wrong; and offline, from the answer the phone kept, through a reload.
 */
@Tag("browser")
class WebCalendarEventsPageTest {
    private static final DateTimeFormatter ICS_DAY = DateTimeFormatter.BASIC_ISO_DATE;

    @TempDir
    Path dir;
    EventStore events;
    WebFixture web;
    Chromium chromium;

    @BeforeEach
    void start() {
        events = EventStore.open(Optional.of(dir.resolve("tandem.db")));
        web = new WebFixture(dir, b -> b.events(events));
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        web.close();
        events.close();
    }

    @Test
    void phone_agendaAndWeek_showTheSubscribedFilesEventsAmongTheTodos_inItsColour_andOffline() throws Exception {
        LocalDate today = web.store.today();
        String day = ICS_DAY.format(today);
        Path ics = dir.resolve("team.ics");
        Files.writeString(ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
                + "BEGIN:VEVENT\r\nUID:standup\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:" + day + "T090000Z\r\n"
                + "DTEND:" + day + "T091500Z\r\nSUMMARY:<b>Standup</b><img src=x onerror=\"window.owned=1\">\r\n"
                + "LOCATION:Room 4\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:offsite\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:" + day + "\r\n"
                + "DTEND;VALUE=DATE:" + ICS_DAY.format(today.plusDays(1)) + "\r\nSUMMARY:Offsite\r\nEND:VEVENT\r\n"
                + "END:VCALENDAR\r\n", StandardCharsets.UTF_8);
        events.add(CalendarSubscription.of("Team", ics.toString(), "#1f4e9c", ""));
        FeedRefresh.Outcome read = new FeedRefresh(events, FeedLimits.DEFAULT, Clock.systemUTC(), System::nanoTime, a -> null)
                .refreshAll().get(0);
        assertEquals("", read.problem());

        Item lunch = web.store.add("Lunch with Ann", null, today);
        web.store.update(lunch.id(), i -> i.withDueTime(LocalTime.of(12, 0)));
        web.store.add("Call the bank", null, today);
        chromium = Chromium.paired(web, Chromium.Size.PHONE);
        chromium.await("return !!navigator.serviceWorker.controller", Duration.ofSeconds(10));

        chromium.js("location.hash = '#v=agenda'");
        chromium.await("return document.querySelectorAll('#items li.today .event').length === 2");
        assertTodayInOrder();
        assertEquals(List.of(), Axe.load().violations(chromium, "agenda with events"));

        chromium.js("location.hash = '#v=week'");
        chromium.await("return document.querySelectorAll('#items > li.day').length === 7"
                + " && document.querySelectorAll('#items li.today .event').length === 2");
        assertTodayInOrder();
        chromium.await("caches.open('tandem-api').then(c => c.keys()).then(k => window.kept = k.map(r => r.url));"
                + " return window.kept && window.kept.some(u => u.includes('view=week'))", Duration.ofSeconds(10));

        // Offline: the week comes from what the phone kept, its events with it.
        web.server.close();
        chromium.driver().navigate().refresh();
        chromium.await("return !document.getElementById('offline').hidden && document.getElementById('items').dataset.view === 'week'"
                + " && document.querySelectorAll('#items li.today .event').length === 2", Duration.ofSeconds(10));
        assertTodayInOrder();
    }

    /** Today: the all-day event, the 9:00 event, the 12:00 todo, then the todo without a time; the event as text. */
    private void assertTodayInOrder() {
        assertEquals("event:Offsite|event:<b>Standup</b><img src=x onerror=\"window.owned=1\">|todo:Lunch with Ann|todo:Call the bank",
                chromium.js("return [...document.querySelectorAll('#items li.today .day-items > li')].map(r =>"
                        + " r.classList.contains('event') ? 'event:' + r.querySelector('.event-title').textContent"
                        + " : 'todo:' + r.querySelector('.item-title').textContent).join('|')"));
        assertEquals(0L, chromium.js("return document.querySelectorAll('#items .event b, #items .event img').length"));
        assertEquals(null, chromium.js("return window.owned === undefined ? null : window.owned"));
        String standup = "[...document.querySelectorAll('#items li.today .event')][1]";
        assertEquals("rgb(31, 78, 156)", chromium.js("return getComputedStyle(" + standup + ".querySelector('.event-bar')).backgroundColor"));
        String label = (String) chromium.js("return " + standup + ".getAttribute('aria-label')");
        assertTrue(label.startsWith("Event <b>Standup</b>") && label.endsWith("from the calendar Team"), label);
        assertEquals(label, chromium.js("return " + standup + ".title"));
        assertTrue(((String) chromium.js("return " + standup + ".textContent")).contains("Room 4"));
        assertEquals("All day", chromium.js("return document.querySelector('#items li.today .event.all-day .event-time').textContent"));
        assertEquals(0L, chromium.js("return document.querySelectorAll('#items .event .item-done, #items .event button').length"),
                "nothing to tick or open");
    }
}
