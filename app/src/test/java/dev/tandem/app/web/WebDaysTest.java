package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.SeriesStore;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.WeekStart;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Agenda and the Week over real HTTP: days of rows, their order, and their bounds. */
@Tag("unit")
class WebDaysTest {
    @TempDir
    Path dir;
    WebFixture web;
    WebFixture.Session s;
    LocalDate today;

    @BeforeEach
    void start() throws Exception {
        web = new WebFixture(dir);
        s = web.pair();
        today = web.store.today();
    }

    @AfterEach
    void stop() {
        web.close();
        WeekStart.choose(Optional.empty());
    }

    private Item todo(String title, LocalDate due, LocalTime at, Integer minutes) {
        Item it = web.store.add(title, null, due);
        web.store.update(it.id(), i -> i.withDueTime(at).withDuration(minutes == null ? null : minutes.longValue()));
        return it;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String path) throws Exception {
        HttpResponse<String> r = web.get(path, s);
        assertEquals(200, r.statusCode(), r.body());
        return JsonText.object(r.body());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> days(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("days");
    }

    @SuppressWarnings("unchecked")
    private static List<String> titles(Map<String, Object> day) {
        return ((List<Map<String, Object>>) day.get("items")).stream().map(i -> (String) i.get("title")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(Map<String, Object> day, String title) {
        return ((List<Map<String, Object>>) day.get("items")).stream().filter(i -> title.equals(i.get("title")))
                .findFirst().orElseThrow(() -> new AssertionError(title + " not in " + day));
    }

    @Test
    void agenda_overdueFirstThenEachDayTimedByTimeThenTheRest() throws Exception {
        todo("Call the bank", today.minusDays(3), null, null);
        todo("Lunch", today, LocalTime.of(12, 30), 60);
        todo("Water the plants", today, null, null);
        todo("Dentist", today, LocalTime.of(9, 0), 45);
        todo("Pack", today.plusDays(1), null, null);
        todo("Flight", today.plusDays(5), LocalTime.of(7, 15), null);
        todo("Too far", today.plusDays(14), null, null);
        Item done = todo("Done already", today, null, null);
        web.store.setDone(done.id(), true);

        List<Map<String, Object>> days = days(get("/api/items?view=agenda"));

        assertEquals(List.of("Overdue", "Today", "Tomorrow", label(today.plusDays(5))),
                days.stream().map(d -> d.get("label")).toList(), "empty later days are left out");
        assertEquals(null, days.get(0).get("date"));
        assertEquals(List.of("Call the bank"), titles(days.get(0)));
        assertEquals(today.toString(), days.get(1).get("date"));
        assertEquals(List.of("Dentist", "Lunch", "Water the plants"), titles(days.get(1)));
        assertEquals("9:00 · 45 min", row(days.get(1), "Dentist").get("timeLabel"));
        assertEquals("12:30 · 1 h", row(days.get(1), "Lunch").get("timeLabel"));
        assertEquals(List.of("Pack"), titles(days.get(2)));
        assertEquals(List.of("Flight"), titles(days.get(3)));
    }

    @Test
    void agenda_clearTodayAndTomorrow_stillShownEmpty() throws Exception {
        List<Map<String, Object>> days = days(get("/api/items?view=agenda"));

        assertEquals(List.of("Today", "Tomorrow"), days.stream().map(d -> d.get("label")).toList());
        assertEquals(List.of(), titles(days.get(0)));
        assertEquals(0L, days.get(0).get("total"));
    }

    @Test
    void agenda_repeatingTodo_onItsLaterDatesAsOccurrencesNotToTick() throws Exception {
        Item gym = todo("Gym", today, LocalTime.of(18, 0), null);
        web.store.update(gym.id(), i -> SeriesStore.withRule(i, Recurrence.every(Recurrence.Freq.DAILY, 2), today));

        List<Map<String, Object>> days = days(get("/api/items?view=agenda"));

        Map<String, Object> first = days.get(0);
        assertEquals(false, row(first, "Gym").get("occurrence"));
        Map<String, Object> later = days.stream().filter(d -> today.plusDays(2).toString().equals(d.get("date")))
                .findFirst().orElseThrow();
        assertEquals(true, row(later, "Gym").get("occurrence"));
        assertEquals(gym.id(), row(later, "Gym").get("id"), "opening it opens the series' open todo");
        assertEquals(7, days.stream().filter(d -> titles(d).contains("Gym")).count(), "every other day of two weeks");
    }

    @Test
    void week_mondayToSundayOfTheDayAsked_withThePreviousAndNextWeeks() throws Exception {
        WeekStart.choose(Optional.of(DayOfWeek.MONDAY));
        LocalDate monday = today.plusWeeks(3).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        todo("Team review", monday.plusDays(2), LocalTime.of(10, 0), 30);
        todo("Other week", monday.plusDays(7), null, null);

        Map<String, Object> week = get("/api/items?view=week&week=" + monday.plusDays(4));

        assertEquals(monday.toString(), week.get("week"));
        assertEquals(monday.minusWeeks(1).toString(), week.get("previous"));
        assertEquals(monday.plusWeeks(1).toString(), week.get("next"));
        List<Map<String, Object>> days = days(week);
        assertEquals(7, days.size());
        assertEquals(monday.toString(), days.get(0).get("date"));
        assertEquals(monday.plusDays(6).toString(), days.get(6).get("date"));
        assertEquals(List.of("Team review"), titles(days.get(2)));
        assertEquals("10:00 · 30 min", row(days.get(2), "Team review").get("timeLabel"));
        assertTrue(days.stream().noneMatch(d -> titles(d).contains("Other week")));
    }

    @Test
    void week_notAsked_isThisWeek() throws Exception {
        Map<String, Object> week = get("/api/items?view=week");

        assertEquals(today.with(TemporalAdjusters.previousOrSame(WeekStart.first(Language.ENGLISH))).toString(),
                week.get("week"));
        assertTrue(days(week).stream().anyMatch(d -> "Today".equals(d.get("label"))));
    }

    /** The page's week starts where the window's does: the language's day, else the one chosen in Settings. */
    @Test
    void week_germanPageOrChosenDay_startsOnThatDay() throws Exception {
        LocalDate wednesday = today.plusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY));
        HttpResponse<String> german = web.get("/api/items?view=week&week=" + wednesday, s, Map.of("Accept-Language", "de"));
        assertEquals(wednesday.minusDays(2).toString(), JsonText.object(german.body()).get("week"), "Monday, in German");
        WeekStart.choose(Optional.of(DayOfWeek.SUNDAY));
        Map<String, Object> week = get("/api/items?view=week&week=" + wednesday);
        assertEquals(wednesday.minusDays(3).toString(), week.get("week"));
        assertEquals(wednesday.minusDays(3).toString(), days(week).get(0).get("date"));
        assertEquals(wednesday.minusDays(10).toString(), week.get("previous"));
        WeekStart.choose(Optional.of(DayOfWeek.SATURDAY));
        assertEquals(wednesday.minusDays(4).toString(), get("/api/items?view=week&week=" + wednesday).get("week"));
    }

    /** A hostile or broken page asks for weeks that are no date, or absurdly far: 400 with a sentence, quickly. */
    @Test
    void week_notADateOrAbsurdlyFar_refusedWith400AndAClearMessage() throws Exception {
        for (String bad : List.of("friday", "99999-01-01", "%2B99999-01-01", "2026-13-45", "2026-02-30",
                "2026-11-23T00:00", "x".repeat(4000), today.plusYears(DayViews.WEEK_REACH_YEARS).plusDays(1).toString(),
                today.minusYears(DayViews.WEEK_REACH_YEARS).minusDays(1).toString())) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = web.get("/api/items?view=week&week=" + bad, s);
            assertEquals(400, r.statusCode(), bad + ": " + r.body());
            assertTrue(r.body().contains("must be a date (YYYY-MM-DD)") || r.body().contains("years from today"), r.body());
            assertTrue(r.body().length() < 200, r.body());
            assertTrue(System.nanoTime() - t0 < 2_000_000_000L, bad + " took too long");
        }
        // An honest page still gets its week, at the edge of the reach too.
        assertEquals(200, web.get("/api/items?view=week&week=" + today.plusYears(DayViews.WEEK_REACH_YEARS), s).statusCode());
    }

    @Test
    void agenda_dayWithMoreThanItsRows_answersTheFirstRowsAndTheTotal() throws Exception {
        int many = DayViews.DAY_ROWS + 150;
        web.store.writeAll(tx -> {
            for (int i = 0; i < many; i++) {
                tx.save(Item.create("Due today " + i, null, today, System.currentTimeMillis()));
                tx.save(Item.create("Overdue " + i, null, today.minusDays(1 + i % 30), System.currentTimeMillis()));
            }
            return null;
        });

        HttpResponse<String> r = web.get("/api/items?view=agenda", s);
        List<Map<String, Object>> days = days(JsonText.object(r.body()));

        assertEquals("Overdue", days.get(0).get("label"));
        assertEquals(DayViews.DAY_ROWS, titles(days.get(0)).size());
        assertEquals((long) many, days.get(0).get("total"));
        assertEquals(DayViews.DAY_ROWS, titles(days.get(1)).size());
        assertEquals((long) many, days.get(1).get("total"));
        assertTrue(titles(days.get(0)).get(0).equals("Overdue 29"), "oldest first: " + titles(days.get(0)).get(0));
        assertTrue(r.body().length() < 2 * DayViews.DAY_ROWS * 1_000, "answer is " + r.body().length() + " chars");
    }

    @Test
    void sidebar_offersAgendaAndWeekAmongTheBuiltInViews() throws Exception {
        String body = web.get("/api/sidebar", s).body();
        Map<String, Object> sidebar = JsonText.object(body);

        @SuppressWarnings("unchecked")
        List<String> keys = ((List<Map<String, Object>>) sidebar.get("views")).stream()
                .map(v -> (String) v.get("key")).toList();
        assertEquals(List.of("inbox", "today", "upcoming", "agenda", "week", "completed"), keys, body);
        assertFalse(sidebar.containsKey("smart"), "a smart list is a saved filter only: " + body);
        assertTrue(body.contains("{\"key\":\"agenda\",\"label\":\"Agenda\""), body);
        assertTrue(body.contains("{\"key\":\"week\",\"label\":\"Week\""), body);
        assertFalse(body.contains("\"key\":\"someday\""), body);
    }

    @Test
    void quickAdd_onTheAgendaOrWeek_addsToTheInbox() throws Exception {
        for (String view : List.of("agenda", "week")) {
            Map<String, Object> r = web.outbox(s, List.of(JsonText.obj("key", java.util.UUID.randomUUID().toString(),
                    "op", "add", "id", WebFixture.pageId(), "text", "Milk " + view, "view", view))).get(0);
            assertEquals(201L, r.get("status"), r.toString());
        }
        assertEquals(2, web.store.allItems().size());
    }

    /** The agenda's heading for a later day, as a person reads it. */
    private String label(LocalDate d) {
        return d.format(DateTimeFormatter.ofPattern(d.getYear() == today.getYear() ? "EEE d MMM"
                : "EEE d MMM yyyy", Locale.ENGLISH));
    }
}
