package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * iCalendar export and import as calendar apps see them: a valid file (ical4j's validator), one
 * DTSTAMP per component, UIDs that survive a round trip, and repeats (RRULE, EXDATE) kept where
 * Tandem can and named in the import's warnings where it cannot.
 */
@Tag("unit")
class IcsRoundTripTest {
    @TempDir
    Path tmp;
    private final TodoStore source = Fixtures.store();
    private final TodoStore fresh = Fixtures.store();

    @BeforeEach
    void seed() {
        TodoList home = source.createList("Home");
        Item plants = source.add("Water the plants", null, home.id(), LocalDate.of(2026, 11, 28), new TodoDetails(1,
                List.of("home", "plants"), Recurrence.weekly(Set.of(DayOfWeek.SATURDAY)), null)).item();
        source.update(plants.id(), it -> it.withNotes("By the window too.\nTwo cans; \"rain\" water, if any."));
        source.add("Pay the rent", null, home.id(), LocalDate.of(2026, 11, 30), new TodoDetails(2, List.of("money"),
                Recurrence.monthlyOn(30), null));
        Item done = source.add("Send the report", null, null, LocalDate.of(2026, 11, 20), new TodoDetails(3,
                List.of(), null, null)).item();
        source.setDone(done.id(), true);
        source.add("No date, no nothing", null, null);
        Item note = source.add("Packing list", null, home.id(), null, TodoDetails.note(List.of("trip"))).item();
        source.update(note.id(), it -> it.withNotes("- [x] Passports\n- [ ] Sunscreen"));
    }

    @AfterEach
    void close() {
        source.close();
        fresh.close();
    }

    // ---------------------------------------------------------------- export

    @Test
    void export_richProfile_validatesWithoutErrorsOrWarnings() throws Exception {
        String text = export(source, "rich.ics");
        Calendar cal = new CalendarBuilder().build(new StringReader(text));
        assertEquals(4, cal.getComponents("VTODO").size(), text);
        assertEquals(1, cal.getComponents("VJOURNAL").size(), text);
        ValidationResult result = cal.validate();
        // Ical turns on relaxed validation, which reports some errors as warnings: neither is allowed.
        assertTrue(result.getEntries().isEmpty(), result + "\n" + text);
        assertFalse(result.hasErrors());
    }

    @Test
    void export_writesExactlyOneDtstampPerComponent() throws Exception {
        String text = export(source, "rich.ics");
        List<String> components = components(text);
        assertEquals(5, components.size(), text);
        for (String c : components) {
            assertEquals(1, c.split("\r\nDTSTAMP", -1).length - 1, c);
        }
    }

    // ---------------------------------------------------------------- UIDs

    @Test
    void exportImportExport_keepsEveryUid() throws Exception {
        String first = export(source, "first.ics");
        ImportReport in = Transfer.importPath(fresh, write("first.ics", first), null, Progress.NONE);
        assertEquals(5, in.added());
        assertEquals(List.of(), in.warnings(), "Tandem's own rules (the 30th too) come back without a word");
        String second = export(fresh, "second.ics");
        assertEquals(uids(first), uids(second));
        assertEquals(new TreeSet<>(source.allItems().stream().map(Item::id).toList()), uids(second));
    }

    @Test
    void importThenExport_keepsAnotherAppsUuidUid() throws Exception {
        String uid = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
        Transfer.importPath(fresh, write("other.ics", calendar(vtodo(uid, "From Thunderbird", null))), null, Progress.NONE);
        String out = export(fresh, "out.ics");
        assertEquals(new TreeSet<>(List.of(uid)), uids(out), out);
    }

    // ---------------------------------------------------------------- repeats

    @Test
    void import_weeklyWithCount_repeatsWeeklyAndWarnsItWillNotStop() throws Exception {
        ImportReport r = importIcs(vtodo("a", "Stand-up", "DTSTART;VALUE=DATE:20261123\r\nDUE;VALUE=DATE:20261123\r\n"
                + "RRULE:FREQ=WEEKLY;COUNT=5"));
        Item it = Fixtures.byTitle(fresh, "Stand-up");
        assertEquals("FREQ=WEEKLY", it.repeat());
        assertNull(it.notes(), "no Repeats: line left in the notes");
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        String w = r.warnings().get(0);
        assertTrue(w.contains("\"Stand-up\"") && w.contains("UID a"), w);
        assertTrue(w.contains("repeats every week") && w.contains("will not stop after 5 times (COUNT=5)"), w);
    }

    @Test
    void import_dailyUntil_repeatsDailyAndWarnsItWillNotStopOnTheDate() throws Exception {
        ImportReport r = importIcs(vtodo("b", "Vitamins", "DUE;VALUE=DATE:20261101\r\nRRULE:FREQ=DAILY;UNTIL=20261231"));
        assertEquals("FREQ=DAILY", Fixtures.byTitle(fresh, "Vitamins").repeat());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains("will not stop on 2026-12-31 (UNTIL)"), r.warnings().get(0));
    }

    @Test
    void import_exdate_keepsTheRuleAndNamesTheLeftOutDates() throws Exception {
        ImportReport r = importIcs(vtodo("c", "Bins", "DTSTART;VALUE=DATE:20261124\r\nDUE;VALUE=DATE:20261124\r\n"
                + "RRULE:FREQ=WEEKLY;BYDAY=TU\r\nEXDATE;VALUE=DATE:20261222,20261229"));
        assertEquals("FREQ=WEEKLY;BYDAY=TU", Fixtures.byTitle(fresh, "Bins").repeat());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        String w = r.warnings().get(0);
        assertTrue(w.contains("\"Bins\"") && w.contains("2 dates") && w.contains("EXDATE 2026-12-22, 2026-12-29"), w);
    }

    @Test
    void import_lastDayOfTheMonth_isTandemsThirtyFirstWithAWarning() throws Exception {
        ImportReport r = importIcs(vtodo("d", "Rent", "DUE;VALUE=DATE:20261130\r\nRRULE:FREQ=MONTHLY;BYMONTHDAY=-1"));
        Item rent = Fixtures.byTitle(fresh, "Rent");
        assertEquals("FREQ=MONTHLY;BYMONTHDAY=31", rent.repeat());
        assertEquals(LocalDate.of(2027, 2, 28), rent.recurrence().next(LocalDate.of(2027, 1, 31)));
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains("BYMONTHDAY=-1"), r.warnings().get(0));
    }

    @Test
    void import_dayPastThe28thFromAnotherApp_keptWithAWarningAboutShorterMonths() throws Exception {
        ImportReport r = importIcs(vtodo("i", "Invoice", "DUE;VALUE=DATE:20261130\r\nRRULE:FREQ=MONTHLY;BYMONTHDAY=30")
                + vtodo("j", "Leap party", "DUE;VALUE=DATE:20280229\r\nRRULE:FREQ=YEARLY"));
        assertEquals("FREQ=MONTHLY;BYMONTHDAY=30", Fixtures.byTitle(fresh, "Invoice").repeat());
        assertEquals("FREQ=YEARLY", Fixtures.byTitle(fresh, "Leap party").repeat());
        assertEquals(2, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains("\"Invoice\": repeats every month on the 30th (on the last day of months"),
                r.warnings().get(0));
        assertTrue(r.warnings().get(1).contains("on February 28 in other years"), r.warnings().get(1));
    }

    @Test
    void import_ruleTandemCannotFollow_staysInTheNotesWithAWarning() throws Exception {
        ImportReport r = importIcs(vtodo("e", "Book club", "DUE;VALUE=DATE:20261208\r\nRRULE:FREQ=MONTHLY;BYDAY=2TU"));
        Item club = Fixtures.byTitle(fresh, "Book club");
        assertNull(club.repeat());
        assertEquals("Repeats: FREQ=MONTHLY;BYDAY=2TU", club.notes());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains("does not repeat") && r.warnings().get(0).contains("\"Book club\""),
                r.warnings().get(0));
    }

    @Test
    void import_rulesTandemFollowsExactly_keptWithoutAWarning() throws Exception {
        ImportReport r = importIcs(vtodo("f", "Weekdays", "DUE;VALUE=DATE:20261123\r\nRRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR")
                + vtodo("g", "Fortnightly", "DUE;VALUE=DATE:20261123\r\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;WKST=SU")
                + vtodo("h", "Birthday", "DUE;VALUE=DATE:20270314\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=14"));
        assertEquals(List.of(), r.warnings());
        assertEquals("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", Fixtures.byTitle(fresh, "Weekdays").repeat());
        assertEquals("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", Fixtures.byTitle(fresh, "Fortnightly").repeat());
        assertEquals("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=14", Fixtures.byTitle(fresh, "Birthday").repeat());
    }

    @Test
    void import_manyRepeatsNotKept_namesTheFirstAndCountsTheRest() throws Exception {
        StringBuilder b = new StringBuilder();
        int n = IcsImporter.MAX_REPEAT_WARNINGS + 3;
        for (int i = 0; i < n; i++) {
            b.append(vtodo("r" + i, "Run " + i, "RRULE:FREQ=DAILY;COUNT=3"));
        }
        ImportReport r = importIcs(b.toString());
        assertEquals(n, r.added());
        assertEquals(IcsImporter.MAX_REPEAT_WARNINGS + 1, r.warnings().size());
        assertEquals("and 3 more todos whose repeat Tandem did not keep in full", r.warnings().get(n - 3));
    }

    // ---------------------------------------------------------------- helpers

    private ImportReport importIcs(String vtodos) throws Exception {
        return Transfer.importPath(fresh, write("in.ics", calendar(vtodos)), null, Progress.NONE);
    }

    private static String calendar(String components) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Tasks//EN\r\n" + components + "END:VCALENDAR\r\n";
    }

    private static String vtodo(String uid, String summary, String more) {
        return "BEGIN:VTODO\r\nUID:" + uid + "\r\nDTSTAMP:20261101T090000Z\r\nSUMMARY:" + summary + "\r\n"
                + (more == null ? "" : more + "\r\n") + "END:VTODO\r\n";
    }

    private String export(TodoStore store, String name) throws Exception {
        Path file = tmp.resolve(name);
        Transfer.export(store, Format.ICS, file, Progress.NONE);
        return Files.readString(file);
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text);
    }

    private static List<String> components(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("BEGIN:(VTODO|VJOURNAL)\r\n.*?END:\\1\r\n", Pattern.DOTALL).matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static TreeSet<String> uids(String text) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\r\nUID:([^\r\n]*)").matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
