package dev.tandem.app.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.Recurrence.Freq;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class TodoDraftTest {
    // A Wednesday.
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 18);

    @Test
    void parse_aroundTheClock_staysInTheTitleAndSetsNoDate() {
        TodoDraft d = TodoDraft.parse("Be available 24/7", TODAY);
        assertEquals("Be available 24/7", d.title());
        assertEquals(null, d.due());
    }

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

    /** Text meant for the search box reached quick add: no tag keeps the ")" after it. */
    @Test
    void parse_tagBeforePunctuation_takesNoneOfIt() {
        TodoDraft d = TodoDraft.parse("(@urgent | @errand) & !p1Urgent or errand", TODAY);
        assertEquals(List.of("urgent", "errand"), d.tags());
        assertTrue(d.tags().stream().allMatch(t -> t.chars().allMatch(Character::isLetterOrDigit)), d.tags().toString());
        assertEquals("(|) & !p1Urgent or errand", d.title(), "every character but the tags' stays");
        TodoDraft list = TodoDraft.parse("Buy milk @home, @errand. tomorrow", TODAY);
        assertEquals(List.of("home", "errand"), list.tags());
        assertEquals("Buy milk", list.title(), "separators of tags at the end go with them");
        assertEquals(TODAY.plusDays(1), list.due());
        TodoDraft inside = TodoDraft.parse("Ask @bob, then call the bank", TODAY);
        assertEquals(List.of("bob"), inside.tags());
        assertEquals("Ask, then call the bank", inside.title());
        assertEquals(List.of("phone"), TodoDraft.parse("Call Ann (@phone)", TODAY).tags());
        assertEquals("Call Ann", TodoDraft.parse("Call Ann (@phone)", TODAY).title());
        assertEquals(List.of("e-mail"), TodoDraft.parse("Write @e-mail!", TODAY).tags());
        assertEquals(List.of("a.b"), TodoDraft.parse("Sort @a.b files", TODAY).tags(), "a dot inside stays");
        assertEquals(List.of(), TodoDraft.parse("Mail bob@example.com", TODAY).tags());
    }

    @Test
    void parse_everyOtherAndEveryNth_giveTheirIntervals() {
        assertEquals(Recurrence.every(Freq.DAILY, 2), TodoDraft.parse("Water plants every other day", TODAY).repeat());
        assertEquals(Recurrence.every(Freq.DAILY, 2), TodoDraft.parse("Water plants every 2nd day", TODAY).repeat());
        assertEquals(Recurrence.every(Freq.WEEKLY, 3), TodoDraft.parse("Review every 3rd week", TODAY).repeat());
        Recurrence biweeklyMonday = new Recurrence(Freq.WEEKLY, 2, Set.of(DayOfWeek.MONDAY), 0);
        assertEquals(biweeklyMonday, TodoDraft.parse("Choir every other monday", TODAY).repeat());
        assertEquals(biweeklyMonday, TodoDraft.parse("Choir every 2 weeks on Monday", TODAY).repeat());
        assertEquals(Recurrence.every(Freq.WEEKLY, 2), TodoDraft.parse("Clean windows fortnightly", TODAY).repeat());
        assertEquals(biweeklyMonday, RepeatPhrases.parse(biweeklyMonday.describe()).orElseThrow(), "as the editor shows it");
    }

    /** Text from outside (the page, an import) may be 10,000 characters: the middle is read only so far. */
    @Test
    void parse_dateBeyondTheWordsReadInTheMiddle_staysInTheTitle() {
        String filler = "word ".repeat(InlineWhen.MAX_WORDS_READ);
        TodoDraft far = TodoDraft.parse("Call " + filler + "tomorrow about it", TODAY);
        assertNull(far.due());
        assertTrue(far.title().contains("tomorrow"));
        TodoDraft near = TodoDraft.parse("Call tomorrow " + filler + "about it", TODAY);
        assertEquals(TODAY.plusDays(1), near.due());
        assertEquals(TODAY.plusDays(1), TodoDraft.parse("Call " + filler + "about it tomorrow", TODAY).due(), "the end is read");
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
    void parse_remindAndTimeAfterDate_setTheReminderAndTheTodosTime() {
        TodoDraft a = TodoDraft.parse("Call Sam remind 9am", TODAY);
        assertEquals("Call Sam", a.title());
        assertEquals(LocalTime.of(9, 0), a.remindTime());
        TodoDraft b = TodoDraft.parse("Take out bins tomorrow 18:00", TODAY);
        assertEquals("Take out bins", b.title());
        assertEquals(TODAY.plusDays(1), b.due());
        assertEquals(LocalTime.of(18, 0), b.time());
        assertNull(b.remindTime(), "a time without remind is the todo's, not a reminder");
        assertNull(a.time());
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

    @Test
    void parse_bareRepeatWordInsideTitle_staysInTheTitle() {
        TodoDraft a = TodoDraft.parse("Write weekly report", TODAY);
        assertEquals("Write weekly report", a.title());
        assertNull(a.repeat());
        assertNull(a.due());
        TodoDraft b = TodoDraft.parse("Daily standup notes", TODAY);
        assertEquals("Daily standup notes", b.title());
        assertNull(b.repeat());
        TodoDraft c = TodoDraft.parse("Pay monthly fee tomorrow", TODAY);
        assertEquals("Pay monthly fee", c.title());
        assertNull(c.repeat());
        assertEquals(TODAY.plusDays(1), c.due());
    }

    @Test
    void parse_bareRepeatWordAtTheEnd_setsTheRepeat() {
        TodoDraft a = TodoDraft.parse("Water plants daily", TODAY);
        assertEquals("Water plants", a.title());
        assertEquals(Recurrence.every(Freq.DAILY, 1), a.repeat());
        assertEquals(TODAY, a.due(), "a repeating todo starts on the rule's first date");
        TodoDraft b = TodoDraft.parse("Write report weekly p2 #Work @office fri", TODAY);
        assertEquals("Write report", b.title());
        assertEquals(Recurrence.every(Freq.WEEKLY, 1), b.repeat());
        assertEquals(2, b.priority());
        assertEquals("Work", b.listName());
        assertEquals(List.of("office"), b.tags());
        assertEquals(LocalDate.of(2026, 11, 20), b.due());
        assertEquals("weekly", TodoDraft.parse("weekly", TODAY).title(), "nothing else left: stays the title");
    }

    @Test
    void parse_everyPhraseInsideTitle_setsTheRepeat() {
        TodoDraft a = TodoDraft.parse("Stretch every monday before work", TODAY);
        assertEquals("Stretch before work", a.title());
        assertEquals(Recurrence.weekly(Set.of(DayOfWeek.MONDAY)), a.repeat());
        TodoDraft b = TodoDraft.parse("Write weekly report every 2 weeks", TODAY);
        assertEquals("Write weekly report", b.title());
        assertEquals(Recurrence.every(Freq.WEEKLY, 2), b.repeat());
    }

    @Test
    void parse_priorityInsideTitle_staysInTheTitle() {
        TodoDraft a = TodoDraft.parse("Email team about p2 project", TODAY);
        assertEquals("Email team about p2 project", a.title());
        assertNull(a.priority());
        TodoDraft b = TodoDraft.parse("Email team about p2 project p1 tomorrow", TODAY);
        assertEquals("Email team about p2 project", b.title());
        assertEquals(1, b.priority());
        assertEquals(TODAY.plusDays(1), b.due());
    }

    @Test
    void parse_priorityAmongTrailingDetails_setsThePriority() {
        TodoDraft d = TodoDraft.parse("Buy milk p2 tomorrow 18:00 #Groceries", TODAY);
        assertEquals("Buy milk", d.title());
        assertEquals(2, d.priority());
        assertEquals(TODAY.plusDays(1), d.due());
        assertEquals(LocalTime.of(18, 0), d.time());
        assertEquals("Groceries", d.listName());
    }

    @Test
    void parse_twoListWords_lastIsTheListAndTheOtherStays() {
        TodoDraft d = TodoDraft.parse("#L1 #L2", TODAY);
        assertEquals("#L1", d.title());
        assertEquals("L2", d.listName());
        TodoDraft e = TodoDraft.parse("Fix #123 crash p1 #Work", TODAY);
        assertEquals("Fix #123 crash", e.title());
        assertEquals("Work", e.listName());
        assertEquals(1, e.priority());
    }

    /**
     * A time after the date is the todo's time ("tomorrow 18:00"). A bare hour after a date reads the same
     * way, on the 24-hour clock: "tomorrow at 9" and "tomorrow 9" are due tomorrow at 9:00. Without a date before it a bare number stays text, as
     * "remind 9" does (only "9am", "9:00" are times there).
     */
    @Test
    void parse_bareHourAfterDate_isTheTimeOnThatDate() {
        for (String text : List.of("Call Sam tomorrow at 9", "Call Sam tomorrow 9")) {
            TodoDraft d = TodoDraft.parse(text, TODAY);
            assertEquals("Call Sam", d.title(), text);
            assertEquals(TODAY.plusDays(1), d.due(), text);
            assertEquals(LocalTime.of(9, 0), d.time(), text);
            assertNull(d.warning(), text);
        }
        TodoDraft fri = TodoDraft.parse("Review fri at 14 p1", TODAY);
        assertEquals("Review", fri.title());
        assertEquals(LocalDate.of(2026, 11, 20), fri.due());
        assertEquals(LocalTime.of(14, 0), fri.time());
        assertEquals(1, fri.priority());
        TodoDraft noDate = TodoDraft.parse("Meet Sam at 9", TODAY);
        assertEquals("Meet Sam at 9", noDate.title());
        assertNull(noDate.time());
        assertEquals("Buy 2", TodoDraft.parse("Buy 2", TODAY).title());
        assertEquals("tomorrow 9", TodoDraft.parse("tomorrow 9", TODAY).title(), "no title: all stays");
    }

    @Test
    void parse_monthDayAndDaySlashMonth_setTheNextSuchDate() {
        TodoDraft leap = TodoDraft.parse("Party feb 29", TODAY);
        assertEquals("Party", leap.title());
        assertEquals(LocalDate.of(2028, 2, 29), leap.due(), "the next leap day");
        TodoDraft eve = TodoDraft.parse("Fireworks 31/12", TODAY);
        assertEquals("Fireworks", eve.title());
        assertEquals(LocalDate.of(2026, 12, 31), eve.due());
        assertEquals(LocalDate.of(2027, 3, 1), TodoDraft.parse("Taxes 1/3 p1", TODAY).due(), "day first");
        TodoDraft at = TodoDraft.parse("Dinner dec 24 at 19", TODAY);
        assertEquals(LocalDate.of(2026, 12, 24), at.due());
        assertEquals(LocalTime.of(19, 0), at.time());
    }

    @Test
    void parse_dateOutsideTheRangeTandemKeeps_staysInTheTitleWithAWarningNamingTheRange() {
        TodoDraft far = TodoDraft.parse("Party 3000-01-01 p2", TODAY);
        assertEquals("Party 3000-01-01", far.title());
        assertNull(far.due());
        assertEquals("“3000-01-01” is outside the dates Tandem keeps (1900-01-01 to 2999-12-31); it stays in the title",
                far.warning());
        assertEquals(LocalDate.of(2999, 12, 31), TodoDraft.parse("Party 2999-12-31", TODAY).due());
    }

    @Test
    void parse_dateThatIsNone_staysInTheTitleWithAWarning() {
        TodoDraft feb = TodoDraft.parse("Party feb 30", TODAY);
        assertEquals("Party feb 30", feb.title());
        assertNull(feb.due());
        assertEquals("“feb 30” is not a date; it stays in the title", feb.warning());
        TodoDraft slash = TodoDraft.parse("Party 31/2 p2", TODAY);
        assertEquals("Party 31/2", slash.title());
        assertEquals(2, slash.priority());
        assertEquals("“31/2” is not a date; it stays in the title", slash.warning());
        assertEquals("“2026-02-30” is not a date; it stays in the title", TodoDraft.parse("Party 2026-02-30", TODAY).warning());
        assertNull(TodoDraft.parse("Party feb 29", TODAY).warning());
        assertNull(TodoDraft.parse("Split the bill 50/50", TODAY).warning(), "not date-like");
        assertNull(TodoDraft.parse("Buy milk", TODAY).warning());
        assertNull(TodoDraft.parse("note: feb 30", TODAY).warning(), "a note reads no dates");
    }

    /**
     * Phones put no-break spaces where a space is typed (French keyboards: "12 déc.", "vendredi 18 h"; "9:41 PM"
     * copied from a calendar): each reads as the space it looks like, in the title too.
     */
    @Test
    void parse_noBreakSpacesWhereSpacesAre_readAsSpaces() {
        for (String space : List.of("\u00a0", "\u202f")) {
            TodoDraft d = TodoDraft.parse("Call" + space + "Ann dec" + space + "24 at" + space + "2pm", TODAY);
            assertEquals("Call Ann", d.title());
            assertEquals(LocalDate.of(2026, 12, 24), d.due());
            assertEquals(LocalTime.of(14, 0), d.time());
        }
        try {
            Messages.use(Language.FRENCH);
            TodoDraft d = TodoDraft.parse("Dentiste vendredi 18\u202fh", TODAY);
            assertEquals("Dentiste", d.title());
            assertEquals(LocalDate.of(2026, 11, 20), d.due());
            assertEquals(LocalTime.of(18, 0), d.time());
            assertEquals(LocalDate.of(2026, 12, 12), TodoDraft.parse("Fête 12\u00a0déc.", TODAY).due());
        } finally {
            Messages.use(Language.ENGLISH);
        }
    }
}
