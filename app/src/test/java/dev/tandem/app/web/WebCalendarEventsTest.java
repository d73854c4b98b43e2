package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.events.CalendarEvent;
import dev.tandem.app.model.events.CalendarSubscription;
import dev.tandem.app.model.events.EventStore;
import dev.tandem.app.testing.CliRun;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The subscribed calendars' events over real HTTP: GET /api/calendar-events and the days of the Agenda and the Week,
 * their order and colours, and the attacker's side: ranges too long, dates that are not, titles that are markup
 * or huge, answers bounded whatever the feeds held, and the tokens that may read them.
 */
@Tag("unit")
class WebCalendarEventsTest {
    @TempDir
    Path dir;
    EventStore events;
    WebFixture web;
    WebFixture.Session s;
    LocalDate today;

    @BeforeEach
    void start() throws Exception {
        events = EventStore.open(Optional.empty());
        web = new WebFixture(dir, b -> b.events(events));
        s = web.pair();
        today = web.store.today();
        events.add(CalendarSubscription.of("Work", "/tmp/work.ics", "#1f4e9c", ""));
        events.add(CalendarSubscription.of("Odd", "/tmp/odd.ics", "red;background:url(x)", ""));
        events.add(CalendarSubscription.of("Hidden", "/tmp/hidden.ics", "#00ff00", ""));
        events.enable("Hidden", false);
    }

    @AfterEach
    void stop() {
        web.close();
        events.close();
    }

    private static long at(LocalDate d, LocalTime t) {
        return d.atTime(t).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static CalendarEvent timed(String cal, String title, LocalDate d, LocalTime from, LocalTime to) {
        return new CalendarEvent(cal, title, at(d, from), at(d, to), false, false, title, "Room 4");
    }

    private static CalendarEvent allDay(String cal, String title, LocalDate d) {
        return new CalendarEvent(cal, title, at(d, LocalTime.MIDNIGHT), at(d.plusDays(1), LocalTime.MIDNIGHT), true, true,
                title, "");
    }

    private Map<String, Object> get(String path) throws Exception {
        HttpResponse<String> r = web.get(path, s);
        assertEquals(200, r.statusCode(), r.body());
        return JsonText.object(r.body());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }

    private static List<String> titles(List<Map<String, Object>> rows) {
        return rows.stream().map(e -> e.get("date") + " " + e.get("start") + " " + e.get("title")).toList();
    }

    @Test
    void calendarEvents_aRange_eachDayAllDayFirstThenByTime_withCalendarAndOnlyAColourThatIsOne() throws Exception {
        LocalDate tomorrow = today.plusDays(1);
        events.replace("Work", List.of(timed("Work", "Review", today, LocalTime.of(15, 0), LocalTime.of(16, 0)),
                timed("Work", "Standup", today, LocalTime.of(9, 0), LocalTime.of(9, 15)),
                allDay("Work", "Offsite", today),
                // Over midnight: a block on each day it touches.
                new CalendarEvent("Work", "n", at(today.plusDays(2), LocalTime.of(22, 0)),
                        at(today.plusDays(3), LocalTime.of(2, 0)), false, false, "Night shift", "")), "", Instant.now());
        events.replace("Odd", List.of(timed("Odd", "Oddly coloured", tomorrow, LocalTime.of(8, 0), LocalTime.of(9, 0))),
                "", Instant.now());
        events.replace("Hidden", List.of(timed("Hidden", "Switched off", today, LocalTime.of(8, 0), LocalTime.of(9, 0))),
                "", Instant.now());

        Map<String, Object> answer = get("/api/calendar-events?from=" + today + "&to=" + today.plusDays(3));
        List<Map<String, Object>> rows = list(answer, "events");
        assertEquals(List.of(today + " null Offsite", today + " 09:00 Standup", today + " 15:00 Review",
                tomorrow + " 08:00 Oddly coloured", today.plusDays(2) + " 22:00 Night shift",
                today.plusDays(3) + " 00:00 Night shift"), titles(rows));
        Map<String, Object> standup = rows.get(1);
        assertEquals("Work", standup.get("calendar"));
        assertEquals("#1f4e9c", standup.get("colour"));
        assertEquals("9:00–9:15", standup.get("timeLabel"));
        assertEquals("Room 4", standup.get("location"));
        assertEquals(true, rows.get(0).get("allDay"));
        assertEquals("", rows.get(3).get("colour"), "not a colour: the theme's");
        assertEquals("22:00–0:00", rows.get(4).get("timeLabel"));
        assertEquals("0:00–2:00", rows.get(5).get("timeLabel"));
        assertEquals(6L, ((Number) answer.get("total")).longValue());
    }

    @Test
    void items_agendaAndWeek_carryEachDaysEvents_andTheAgendaShowsALaterDayWithOnlyAnEvent() throws Exception {
        LocalDate later = today.plusDays(5);
        events.replace("Work", List.of(allDay("Work", "Offsite", today), timed("Work", "Dentist", later,
                LocalTime.of(10, 0), LocalTime.of(11, 0))), "", Instant.now());

        List<Map<String, Object>> agenda = list(get("/api/items?view=agenda"), "days");
        Map<String, Object> day = agenda.stream().filter(d -> later.toString().equals(d.get("date"))).findFirst()
                .orElseThrow(() -> new AssertionError("no day " + later + " in " + agenda));
        assertEquals(List.of(later + " 10:00 Dentist"), titles(list(day, "events")));
        assertEquals(List.of(today + " null Offsite"), titles(list(agenda.stream()
                .filter(d -> today.toString().equals(d.get("date"))).findFirst().orElseThrow(), "events")));

        List<Map<String, Object>> week = list(get("/api/items?view=week&week=" + later), "days");
        Map<String, Object> dentistDay = week.stream().filter(d -> later.toString().equals(d.get("date"))).findFirst()
                .orElseThrow();
        assertEquals(List.of(later + " 10:00 Dentist"), titles(list(dentistDay, "events")));
        boolean offsiteToo = week.stream().anyMatch(d -> today.toString().equals(d.get("date")));
        assertEquals(offsiteToo ? 2 : 1, week.stream().mapToInt(d -> list(d, "events").size()).sum());
    }

    @Test
    void calendarEvents_attackersDates_areRefusedWithAReason_andNothingRead() throws Exception {
        List<String> bad = List.of("from=" + today + "&to=" + today.plusDays(EventDays.MAX_DAYS),
                "from=" + today.minusYears(5) + "&to=" + today.plusYears(5),
                "from=" + today.plusDays(3) + "&to=" + today,
                "from=2026-13-45&to=2026-13-46", "from=2026-02-30&to=2026-03-01",
                "from=" + today + "T00:00&to=" + today, "from=%27;DROP%20TABLE%20events;--&to=" + today,
                "from=+2026-11-25&to=" + today, "from=" + today, "to=" + today, "",
                "from=" + today.plusYears(20) + "&to=" + today.plusYears(20).plusDays(1));
        for (String q : bad) {
            HttpResponse<String> r = web.get("/api/calendar-events?" + q, s);
            assertEquals(400, r.statusCode(), q + ": " + r.body());
            assertFalse(((String) JsonText.object(r.body()).get("error")).isBlank(), q);
        }
        assertEquals(200, web.get("/api/calendar-events?from=" + today + "&to=" + today.plusDays(EventDays.MAX_DAYS - 1), s)
                .statusCode(), "the longest range is served");
        assertEquals(401, web.get("/api/calendar-events?from=" + today + "&to=" + today, null).statusCode(),
                "no session, no events");
    }

    @Test
    void calendarEvents_thousandsOfHugeMarkupTitles_answerBoundedInCountAndText() throws Exception {
        String markup = "<img src=x onerror=alert(1)><script>alert(2)</script>" + "x".repeat(2_000);
        List<CalendarEvent> many = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            many.add(new CalendarEvent("Work", "u" + i, at(today, LocalTime.of(i % 24, 0)), at(today, LocalTime.of(i % 24, 30)),
                    false, false, markup, markup));
        }
        events.replace("Work", many, "", Instant.now());

        HttpResponse<String> r = web.get("/api/calendar-events?from=" + today + "&to=" + today, s);
        assertEquals(200, r.statusCode());
        Map<String, Object> answer = JsonText.object(r.body());
        List<Map<String, Object>> rows = list(answer, "events");
        assertEquals(EventDays.MAX_ENTRIES, rows.size());
        assertEquals(3_000L, ((Number) answer.get("total")).longValue());
        String title = (String) rows.get(0).get("title");
        assertEquals(EventDays.MAX_TEXT, title.length());
        assertTrue(title.startsWith("<img src=x onerror=alert(1)>"), "the text as it was, for the page to write as text");
        assertTrue(r.body().length() < 1_000_000, "answer of " + r.body().length() + " characters");

        Map<String, Object> day = list(get("/api/items?view=agenda"), "days").stream()
                .filter(d -> today.toString().equals(d.get("date"))).findFirst().orElseThrow();
        assertEquals(EventDays.DAY_ENTRIES, list(day, "events").size());
    }

    @Test
    void calendarEvents_tokens_aReadOnlyTokenReads_aTokenLimitedToListsDoesNot() throws Exception {
        web.store.createList("Work");
        events.replace("Work", List.of(allDay("Work", "Offsite", today)), "", Instant.now());
        String reader = token("reader", "--read-only");
        String workOnly = token("work-only", "--lists", "Work");
        String path = "/api/calendar-events?from=" + today + "&to=" + today;

        HttpResponse<String> read = bearer(path, reader);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(List.of(today + " null Offsite"), titles(list(JsonText.object(read.body()), "events")));
        assertEquals(403, bearer(path, workOnly).statusCode());
        HttpResponse<String> agenda = bearer("/api/items?view=agenda", workOnly);
        assertEquals(200, agenda.statusCode(), agenda.body());
        assertTrue(list(JsonText.object(agenda.body()), "days").stream().allMatch(d -> list(d, "events").isEmpty()),
                "no events in a limited token's agenda");
    }

    private String token(String name, String... more) {
        List<String> args = new ArrayList<>(List.of("tokens", "add", name));
        args.addAll(List.of(more));
        CliRun.Result r = CliRun.run(dir, args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return r.out().strip();
    }

    private HttpResponse<String> bearer(String path, String token) throws Exception {
        return web.http.send(HttpRequest.newBuilder(web.uri(path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
