package dev.tandem.app.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.Recurrence.Freq;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TodoDraftTest {
    // A Wednesday.
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 18);

    @Test
    void parse_repeatPriorityAndTag_takesThemOutOfTheTitle() {
        TodoDraft d = TodoDraft.parse("Water plants every monday p2 @home", TODAY);
        assertEquals("Water plants", d.title());
        assertEquals(2, d.priority());
        assertEquals(List.of("home"), d.tags());
        assertEquals(Recurrence.weekly(Set.of(DayOfWeek.MONDAY)), d.repeat());
        assertEquals(LocalDate.of(2026, 11, 23), d.due(), "a repeating todo starts on the rule's first date");
    }

    @Test
    void parse_everyPhrases_giveTheirRules() {
        assertEquals(Recurrence.every(Freq.DAILY, 1), TodoDraft.parse("Stretch every day", TODAY).repeat());
        assertEquals(Recurrence.weekly(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)),
                TodoDraft.parse("Standup every weekday", TODAY).repeat());
        assertEquals(Recurrence.every(Freq.WEEKLY, 2), TodoDraft.parse("Clean every 2 weeks", TODAY).repeat());
        assertEquals(Recurrence.monthlyOn(1), TodoDraft.parse("Pay rent every month on the 1st", TODAY).repeat());
        assertEquals(LocalDate.of(2026, 12, 1), TodoDraft.parse("Pay rent every month on the 1st", TODAY).due());
        assertEquals(Recurrence.every(Freq.YEARLY, 1), TodoDraft.parse("Birthday card every year", TODAY).repeat());
    }

    @Test
    void parse_listStaysHashAndTagIsAt() {
        TodoDraft d = TodoDraft.parse("Buy milk #Groceries @errands @Shop tomorrow", TODAY);
        assertEquals("Buy milk", d.title());
        assertEquals("Groceries", d.listName());
        assertEquals(List.of("errands", "Shop"), d.tags());
        assertEquals(TODAY.plusDays(1), d.due());
    }

    @Test
    void parse_remindAndTimeAfterDate_setTheReminderTime() {
        TodoDraft a = TodoDraft.parse("Call Sam remind 9am", TODAY);
        assertEquals("Call Sam", a.title());
        assertEquals(LocalTime.of(9, 0), a.remindTime());
        TodoDraft b = TodoDraft.parse("Take out bins tomorrow 18:00", TODAY);
        assertEquals("Take out bins", b.title());
        assertEquals(TODAY.plusDays(1), b.due());
        assertEquals(LocalTime.of(18, 0), b.remindTime());
    }

    @Test
    void remindAt_withoutDueAndTimePassed_isTomorrow() {
        ZoneId z = ZoneId.of("Europe/Berlin");
        TodoDraft d = TodoDraft.parse("Call Sam remind 9am", TODAY);
        ZonedDateTime tenAm = TODAY.atTime(10, 0).atZone(z);
        assertEquals(TODAY.plusDays(1).atTime(9, 0).atZone(z).toInstant().toEpochMilli(), d.remindAt(tenAm));
        ZonedDateTime eightAm = TODAY.atTime(8, 0).atZone(z);
        assertEquals(TODAY.atTime(9, 0).atZone(z).toInstant().toEpochMilli(), d.remindAt(eightAm));
    }

    @Test
    void parse_wordsThatOnlyLookLikeTheSyntax_stayInTheTitle() {
        TodoDraft d = TodoDraft.parse("Email bob@example.com about p5 and everyone", TODAY);
        assertEquals("Email bob@example.com about p5 and everyone", d.title());
        assertNull(d.priority());
        assertNull(d.repeat());
        assertEquals("every day", TodoDraft.parse("every day", TODAY).title(), "nothing else left: stays the title");
    }

    @Test
    void parse_note_takesTagsAndListOnly() {
        TodoDraft d = TodoDraft.parse("note: Standup p1 every monday remind 9am @team #Work", TODAY);
        assertTrue(d.note());
        assertEquals("Standup p1 every monday remind 9am", d.title());
        assertEquals(List.of("team"), d.tags());
        assertEquals("Work", d.listName());
        assertNull(d.priority());
        assertNull(d.repeat());
        assertNull(d.remindTime());
        assertNull(d.due());
    }
}
