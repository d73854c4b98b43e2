package dev.tandem.app.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Listing;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class WhenWordsTest {
    // A Wednesday.
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 18);

    @Test
    void parse_startMonDueFri_setsBothDates() {
        TodoDraft d = TodoDraft.parse("Plan the trip start mon due fri #Travel", TODAY);
        assertEquals("Plan the trip", d.title());
        // Next Monday starts the work, and it is due the Friday of that week: never a start already past.
        assertEquals(LocalDate.of(2026, 11, 23), d.start());
        assertEquals(LocalDate.of(2026, 11, 27), d.due());
        assertEquals("Travel", d.listName());
        assertTrue(d.tokens().stream().anyMatch(t -> t.kind() == QuickAddToken.Kind.START && t.label().startsWith("Starts: ")));
    }

    @Test
    void parse_keywordsInsideTheTitle_stayWords() {
        assertEquals("Start the car", TodoDraft.parse("Start the car", TODAY).title());
        assertEquals("Due diligence", TodoDraft.parse("Due diligence", TODAY).title());
        TodoDraft someday = TodoDraft.parse("Someday I'll learn Italian", TODAY);
        assertEquals("Someday I'll learn Italian", someday.title());
        assertFalse(someday.someday());
        assertEquals("Race start line", TodoDraft.parse("Race start line", TODAY).title());
    }

    @Test
    void parse_somedayLast_putsItAway() {
        TodoDraft d = TodoDraft.parse("Learn Italian someday", TODAY);
        assertEquals("Learn Italian", d.title());
        assertTrue(d.someday());
        assertNull(d.due());
    }

    @Test
    void read_startInToday_addsNoDeadline() {
        QuickAddPlan p = QuickAddPlan.read("Paint the fence start sat", List.of(),
                Listing.of(Listing.BuiltIn.TODAY), ZonedDateTime.of(2026, 11, 18, 10, 0, 0, 0, ZoneOffset.UTC));
        assertNull(p.due());
        assertEquals(LocalDate.of(2026, 11, 21), p.details().start());
    }

    @Test
    void parse_startWithAPlainMark_staysInTheTitle() {
        String text = "Plan start mon";
        TodoDraft d = TodoDraft.parse(text, TODAY, List.of(new PlainSpan(5, "start")));
        assertNull(d.start());
    }

    @Test
    void parse_startWeekdayAfterTheDueWeekday_dueTheWeekdayAfterTheStart() {
        LocalDate thursday = LocalDate.of(2026, 11, 26);
        TodoDraft d = TodoDraft.parse("Paint the fence start sat due fri", thursday);
        assertEquals("Paint the fence", d.title());
        assertEquals(LocalDate.of(2026, 11, 28), d.start(), "this Saturday");
        assertEquals(LocalDate.of(2026, 12, 4), d.due(), "the Friday after it");
        assertNull(d.warning());
        assertTrue(d.tokens().stream().anyMatch(t -> t.kind() == QuickAddToken.Kind.DATE && t.shown().contains("4")),
                "the chip says the due date it will get: " + d.tokens());
        TodoDraft fixedDue = TodoDraft.parse("Paint the fence start sat due dec 1", thursday);
        assertEquals(LocalDate.of(2026, 11, 28), fixedDue.start(), "this Saturday is before a fixed due date");
        TodoDraft earlyDue = TodoDraft.parse("Paint the fence start sat due nov 27", thursday);
        assertEquals(LocalDate.of(2026, 11, 21), earlyDue.start(), "the Saturday on or before a fixed due date");
        TodoDraft before = TodoDraft.parse("Paint the fence start fri due mon", thursday);
        assertEquals(LocalDate.of(2026, 11, 27), before.start(), "a start already before the due date stays");
        assertEquals(LocalDate.of(2026, 11, 30), before.due());
    }

    @Test
    void parse_startDateAfterTheDueDate_saysSo() {
        TodoDraft d = TodoDraft.parse("Report start dec 5 due dec 1", TODAY);
        assertEquals(LocalDate.of(2026, 12, 1), d.due());
        assertTrue(d.warning() != null && d.warning().contains("after it is due"), "warning: " + d.warning());
    }
}
