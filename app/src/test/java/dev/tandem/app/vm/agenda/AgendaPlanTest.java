package dev.tandem.app.vm.agenda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.events.CalendarEvent;
import dev.tandem.app.vm.calendar.EventEntry;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The agenda's layout from its todos, without a toolkit or a database. */
@Tag("unit")
class AgendaPlanTest {
    /** A Wednesday; the range runs to Tuesday 8 December, across the month's end. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private long created;

    private Item todo(String id, String due) {
        return new Item(id, null, id, null, due, 0L, null, null, ++created);
    }

    /** Each row as one line: "# heading | detail", "title", "~ occurrence", "- empty line". */
    private static List<String> lines(List<AgendaRow> rows) {
        List<String> out = new ArrayList<>();
        for (AgendaRow r : rows) {
            out.add(switch (r.kind()) {
                case HEADING -> "# " + r.text() + (r.detail().isEmpty() ? "" : " | " + r.detail());
                case TODO -> r.text() + (r.detail().isEmpty() ? "" : " | " + r.detail());
                case OCCURRENCE -> "~ " + r.text();
                case EVENT -> "@ " + r.text() + " | " + r.detail();
                case EMPTY -> "- " + r.text();
            });
        }
        return out;
    }

    @Test
    void of_germanAndFrench_headingsInTheLanguagesWordsAndDateOrder() {
        List<Item> items = List.of(todo("Taxes", "2026-11-20"), todo("Rent", "2026-11-27"));
        try {
            Messages.use(Language.GERMAN);
            assertEquals(List.of("# Überfällig", "Taxes | Fr., 20. Nov.", "# Heute | Mi., 25. Nov.", "- Nichts geplant",
                    "# Morgen | Do., 26. Nov.", "- Nichts geplant", "# Fr., 27. Nov.", "Rent"),
                    lines(AgendaPlan.of(items, TODAY, 3)));
            Messages.use(Language.FRENCH);
            assertEquals(List.of("# En retard", "Taxes | ven. 20 nov.", "# Aujourd’hui | mer. 25 nov.", "- Rien de prévu",
                    "# Demain | jeu. 26 nov.", "- Rien de prévu", "# ven. 27 nov.", "Rent"),
                    lines(AgendaPlan.of(items, TODAY, 3)));
        } finally {
            Messages.use(Language.ENGLISH);
        }
    }

    @Test
    void of_todosAcrossAMonthBoundary_groupedUnderADayHeadingEach() {
        List<Item> items = List.of(todo("Rent", "2026-12-01"), todo("Call Sam", "2026-11-25"),
                todo("Report", "2026-11-30"), todo("Dentist", "2026-12-08"), todo("Later", "2026-12-09"));
        assertEquals(List.of("# Today | Wed 25 Nov", "Call Sam", "# Tomorrow | Thu 26 Nov", "- Nothing planned",
                "# Mon 30 Nov", "Report", "# Tue 1 Dec", "Rent", "# Tue 8 Dec", "Dentist"),
                lines(AgendaPlan.of(items, TODAY, AgendaPlan.DAYS)));
    }

    @Test
    void of_weeklyRepeatingTodo_onEachWeeksDateInRange_onlyTheFirstCompletable() {
        Item weekly = todo("Bins", "2026-11-26").withRepeat("FREQ=WEEKLY", "s1");
        List<AgendaRow> rows = AgendaPlan.of(List.of(weekly), TODAY, 21);
        assertEquals(List.of("# Today | Wed 25 Nov", "- Nothing planned", "# Tomorrow | Thu 26 Nov", "Bins",
                "# Thu 3 Dec", "~ Bins", "# Thu 10 Dec", "~ Bins"), lines(rows));
        List<AgendaRow> bins = rows.stream().filter(AgendaRow::isTodo).toList();
        assertEquals(List.of(true, false, false), bins.stream().map(AgendaRow::canComplete).toList());
        assertEquals(List.of("s1@bins", "Bins@2026-12-03", "Bins@2026-12-10"),
                bins.stream().map(r -> r.kind() == AgendaRow.Kind.TODO ? "s1@bins" : r.key()).toList());
        assertTrue(bins.stream().allMatch(r -> r.row().id().equals("Bins")), "every date opens the series' open todo");
    }

    @Test
    void of_overdue_oneGroupFirst_oldestFirst_withItsDate_andItsSeriesLaterDatesFromToday() {
        Item daily = todo("Stretch", "2026-11-22").withRepeat("FREQ=DAILY;INTERVAL=3", "s2");
        List<Item> items = List.of(todo("Taxes", "2026-11-24"), todo("Letter", "2026-11-10"), daily);
        assertEquals(List.of("# Overdue", "Letter | Tue 10 Nov", "Stretch | Sun 22 Nov", "Taxes | Tue 24 Nov",
                "# Today | Wed 25 Nov", "~ Stretch", "# Tomorrow | Thu 26 Nov", "- Nothing planned",
                "# Sat 28 Nov", "~ Stretch", "# Tue 1 Dec", "~ Stretch", "# Fri 4 Dec", "~ Stretch", "# Mon 7 Dec", "~ Stretch"),
                lines(AgendaPlan.of(items, TODAY, AgendaPlan.DAYS)));
    }

    @Test
    void of_sameDay_priorityFirstThenAsAdded_notesAndCompletedLeftOut() {
        Item note = todo("A note", "2026-11-25").withNote(true);
        Item done = todo("Done already", "2026-11-25").withDone(true, 1L);
        List<Item> items = List.of(todo("Plain", "2026-11-25"), todo("Urgent", "2026-11-25").withPriority(1), note, done,
                todo("Medium", "2026-11-25").withPriority(3));
        assertEquals(List.of("# Today | Wed 25 Nov", "Urgent", "Medium", "Plain", "# Tomorrow | Thu 26 Nov",
                "- Nothing planned"), lines(AgendaPlan.of(items, TODAY, AgendaPlan.DAYS)));
    }

    @Test
    void of_sameDay_allDayFirstThenTimedByTheirTime() {
        List<Item> items = List.of(todo("Call at 3", "2026-11-25").withDueTime(LocalTime.of(15, 0)).withPriority(1),
                todo("Urgent, all day", "2026-11-25").withPriority(1),
                todo("Stand-up at 9", "2026-11-25").withDueTime(LocalTime.of(9, 0)).withPriority(4));
        assertEquals(List.of("# Today | Wed 25 Nov", "Urgent, all day", "Stand-up at 9", "Call at 3",
                "# Tomorrow | Thu 26 Nov", "- Nothing planned"), lines(AgendaPlan.of(items, TODAY, AgendaPlan.DAYS)));
    }

    @Test
    void of_monthlyOnThe31st_fallsOnTheLastDayOfAShortMonth() {
        Item rent = todo("Rent", "2026-10-31").withRepeat("FREQ=MONTHLY", "s3");
        List<String> lines = lines(AgendaPlan.of(List.of(rent), TODAY, AgendaPlan.DAYS));
        assertEquals(List.of("# Overdue", "Rent | Sat 31 Oct", "# Today | Wed 25 Nov", "- Nothing planned",
                "# Tomorrow | Thu 26 Nov", "- Nothing planned", "# Mon 30 Nov", "~ Rent"), lines);
    }

    @Test
    void firstPage_onlyUpToItsLastDueDate_theWholeResultAddsRowsUnderTheSameKeys() {
        Item daily = todo("Stretch", "2026-11-24").withRepeat("FREQ=DAILY", "s4");
        List<Item> all = List.of(todo("Old", "2026-11-20"), daily, todo("Call", "2026-11-26"), todo("Rent", "2026-12-01"));
        assertEquals(List.of("# Overdue", "Old | Fri 20 Nov", "Stretch | Tue 24 Nov"),
                lines(AgendaPlan.firstPage(all.subList(0, 2), TODAY, AgendaPlan.DAYS)), "only overdue todos: only that group");
        List<AgendaRow> page = AgendaPlan.firstPage(all.subList(0, 3), TODAY, AgendaPlan.DAYS);
        assertEquals(List.of("# Overdue", "Old | Fri 20 Nov", "Stretch | Tue 24 Nov", "# Today | Wed 25 Nov", "~ Stretch",
                "# Tomorrow | Thu 26 Nov", "~ Stretch", "Call"), lines(page));
        List<String> whole = AgendaPlan.of(all, TODAY, AgendaPlan.DAYS).stream().map(AgendaRow::key).toList();
        assertEquals(page.stream().map(AgendaRow::key).toList(), whole.subList(0, page.size()), "the list only grows");
    }

    @Test
    void timeText_timedTodo_startToEndOnTheAppsClock_untimedNone() {
        Item review = todo("Review", "2026-11-25").withDueTime(LocalTime.of(14, 0)).withDuration(30L);
        Item call = todo("Call", "2026-11-25").withDueTime(LocalTime.of(9, 5));
        List<AgendaRow> rows = AgendaPlan.of(List.of(review, call, todo("Rent", "2026-11-25")), TODAY, 1);
        assertEquals(Map.of("Review", "14:00–14:30", "Call", "9:05", "Rent", ""), rows.stream()
                .filter(AgendaRow::isTodo).collect(Collectors.toMap(AgendaRow::text, r -> r.row().timeText())));
    }

    /** A floating event of the calendar "Work" (its times the wall clock's wherever shown), entries per day. */
    private static List<EventEntry> event(String title, LocalDateTime start, LocalDateTime end, boolean allDay) {
        CalendarEvent e = new CalendarEvent("Work", title, start.toInstant(ZoneOffset.UTC).toEpochMilli(),
                end.toInstant(ZoneOffset.UTC).toEpochMilli(), true, allDay, title, "");
        return EventEntry.on(e, "#1f4e9c", TODAY, TODAY.plusDays(AgendaPlan.DAYS - 1L), ZoneOffset.UTC);
    }

    @Test
    void of_eventsAmongTodos_allDayFirst_thenByTime_aDayWithOnlyEventsShown() {
        LocalDate fri = TODAY.plusDays(2);
        List<EventEntry> events = new ArrayList<>();
        events.addAll(event("Standup", TODAY.atTime(9, 0), TODAY.atTime(9, 15), false));
        events.addAll(event("Review", TODAY.atTime(14, 0), TODAY.atTime(15, 0), false));
        events.addAll(event("Away", TODAY.atStartOfDay(), TODAY.plusDays(1).atStartOfDay(), true));
        events.addAll(event("Concert", fri.atTime(20, 0), fri.atTime(22, 0), false));
        Item call = todo("Call", "2026-11-25").withDueTime(LocalTime.of(9, 0));
        Item lunch = todo("Lunch", "2026-11-25").withDueTime(LocalTime.of(12, 30));
        Item rent = todo("Rent", "2026-11-25");

        List<AgendaRow> rows = AgendaPlan.of(List.of(lunch, call, rent), events, TODAY, 3);

        assertEquals(List.of("# Today | Wed 25 Nov", "@ Away | All day", "Rent", "@ Standup | 9:00–9:15", "Call", "Lunch",
                "@ Review | 14:00–15:00", "# Tomorrow | Thu 26 Nov", "- Nothing planned", "# Fri 27 Nov",
                "@ Concert | 20:00–22:00"), lines(rows));
        AgendaRow standup = rows.get(3);
        assertEquals(AgendaRow.Kind.EVENT, standup.kind());
        assertEquals(null, standup.row(), "an event opens nothing in the editor");
        assertEquals(false, standup.isTodo());
        assertEquals(false, standup.canComplete());
        assertEquals("#1f4e9c", standup.event().colour());
        assertEquals(lines(AgendaPlan.of(List.of(lunch, call, rent), TODAY, 3)),
                lines(AgendaPlan.of(List.of(lunch, call, rent), List.of(), TODAY, 3)), "no events: the todos as before");
    }
}
