package dev.tandem.app.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Recurrence;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What quick add says it understood, where in the text, and words the user marked plain text. */
@Tag("unit")
class QuickAddTokensTest {
    // A Wednesday.
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 18);

    private static List<String> kindsAndWords(String text, TodoDraft d) {
        return d.tokens().stream().map(t -> t.kind() + " " + t.in(text)).toList();
    }

    private static PlainSpan plain(String text, String words) {
        return new PlainSpan(text.indexOf(words), words);
    }

    @Test
    void tokens_everyKindOfDetail_giveKindsAndExactWordsInTypingOrder() {
        String text = "Water plants every monday p2 @home #Garden remind 9am";
        TodoDraft d = TodoDraft.parse(text, TODAY);
        assertEquals(List.of("REPEAT every monday", "PRIORITY p2", "TAG @home", "LIST #Garden", "REMINDER remind 9am"),
                kindsAndWords(text, d));
        assertEquals(List.of("every Monday", "p2", "@home", "#Garden", "9:00"),
                d.tokens().stream().map(QuickAddToken::shown).toList());
        QuickAddToken repeat = d.tokens().get(0);
        assertEquals(13, repeat.start());
        assertEquals(25, repeat.end());
        assertEquals("Water plants", d.title(), "what was read as before");
    }

    @Test
    void tokens_dateWithConnectorAndTimeAfterIt_coverTheirWords() {
        String text = "Pay rent by fri at 9";
        TodoDraft d = TodoDraft.parse(text, TODAY);
        assertEquals(List.of("DATE by fri", "TIME at 9"), kindsAndWords(text, d));
        assertEquals("Friday", d.tokens().get(0).shown());
        assertEquals("Pay rent", d.title());
    }

    @Test
    void tokens_dateAndTimeInTheMiddle_coverTheirWordsAndPlainKeepsThem() {
        String text = "Call mom tomorrow at 2pm about the party";
        TodoDraft d = TodoDraft.parse(text, TODAY);
        assertEquals(List.of("DATE tomorrow", "TIME at 2pm"), kindsAndWords(text, d));
        assertEquals("Call mom about the party", d.title());
        // Marked plain, the date stays a word of the title; the time alone still counts, with its "at".
        TodoDraft kept = TodoDraft.parse(text, TODAY, List.of(plain(text, "tomorrow")));
        assertEquals("Call mom tomorrow about the party", kept.title());
        assertNull(kept.due());
        assertEquals(LocalTime.of(14, 0), kept.time());
        String span = "Workshop monday 9-11am in room B";
        assertEquals(List.of("DATE monday", "TIME 9-11am", "LENGTH 9-11am"), kindsAndWords(span, TodoDraft.parse(span, TODAY)));
    }

    @Test
    void tokens_leadingSpacesAndNote_offsetsAreInTheTypedText() {
        String text = "  note: Ideas @trip #Work";
        TodoDraft d = TodoDraft.parse(text, TODAY);
        assertEquals(List.of("NOTE note:", "TAG @trip", "LIST #Work"), kindsAndWords(text, d));
    }

    @Test
    void tokens_bareRepeatWordInsideTitle_noRepeatToken() {
        TodoDraft d = TodoDraft.parse("Write weekly report", TODAY);
        assertEquals(List.of(), d.tokens());
        assertEquals("Write weekly report", d.title());
    }

    @Test
    void tokens_priorityInsideTitle_noneAndTheTitleKeepsIt() {
        TodoDraft a = TodoDraft.parse("Email team about p2 project", TODAY);
        assertEquals(List.of(), a.tokens());
        assertEquals("Email team about p2 project", a.title());
        assertNull(a.priority());
        String text = "Email team about p2 project p1 tomorrow";
        TodoDraft b = TodoDraft.parse(text, TODAY);
        assertEquals(List.of("PRIORITY p1", "DATE tomorrow"), kindsAndWords(text, b));
    }

    @Test
    void parse_plainEveryMonday_staysInTheTitleWithoutRepeat() {
        String text = "Water plants every monday p2";
        TodoDraft d = TodoDraft.parse(text, TODAY, List.of(plain(text, "every monday")));
        assertEquals("Water plants every monday", d.title());
        assertNull(d.repeat());
        assertNull(d.due());
        assertEquals(2, d.priority());
        assertEquals(List.of("PRIORITY p2"), kindsAndWords(text, d));
    }

    @Test
    void parse_plainPriorityAfterDate_keepsTheDateAndThePriorityWord() {
        String text = "Water plants tomorrow p2";
        TodoDraft d = TodoDraft.parse(text, TODAY, List.of(plain(text, "p2")));
        assertEquals("Water plants p2", d.title());
        assertNull(d.priority());
        assertEquals(TODAY.plusDays(1), d.due());
        assertEquals(List.of("DATE tomorrow"), kindsAndWords(text, d));
    }

    @Test
    void parse_plainEachKind_readsNothingThere() {
        String text = "Call Sam every monday @home #Garden remind 9am";
        TodoDraft d = TodoDraft.parse(text, TODAY, List.of(plain(text, "@home"), plain(text, "#Garden"),
                plain(text, "remind 9am")));
        assertEquals("Call Sam @home #Garden remind 9am", d.title());
        assertEquals(List.of(), d.tags());
        assertNull(d.listName());
        assertNull(d.remindTime());
        assertEquals(Recurrence.weekly(Set.of(DayOfWeek.MONDAY)), d.repeat());
        String dated = "Pay rent by fri";
        TodoDraft e = TodoDraft.parse(dated, TODAY, List.of(plain(dated, "by fri")));
        assertEquals("Pay rent by fri", e.title());
        assertNull(e.due());
    }

    @Test
    void parse_plainNotePrefix_isATodoWithThePrefixInItsTitle() {
        String text = "note: call Sam tomorrow";
        TodoDraft d = TodoDraft.parse(text, TODAY, List.of(plain(text, "note:")));
        assertFalse(d.note());
        assertEquals("note: call Sam", d.title());
        assertEquals(TODAY.plusDays(1), d.due());
    }

    @Test
    void parse_markNoLongerAtItsOffset_isIgnored() {
        PlainSpan mark = new PlainSpan(13, "p2");
        assertTrue(mark.stillIn("Water plants p2"));
        TodoDraft moved = TodoDraft.parse("Water my plants p2", TODAY, List.of(mark));
        assertEquals(2, moved.priority());
        assertEquals("Water my plants", moved.title());
        assertEquals(LocalTime.of(9, 0), TodoDraft.parse("Call remind 9am", TODAY, List.of(new PlainSpan(40, "x")))
                .remindTime(), "a mark past the end is ignored");
    }

    @Test
    void tokens_ordinalDayThenEveryMonth_coverTheDayAndTheRepeat() {
        String text = "Pay rent on the 1st every month";
        TodoDraft d = TodoDraft.parse(text, TODAY);
        assertEquals(List.of("DATE on the 1st", "REPEAT every month"), kindsAndWords(text, d));
        assertEquals(List.of("Tue 1 Dec", "every month on the 1st"), d.tokens().stream().map(QuickAddToken::shown).toList(),
                "the repeat chip says the day the rule keeps");
    }

    @Test
    void tokens_nextWeekdayThenNoon_giveDateAndTimeAndLeaveTheTitle() {
        String text = "Lunch with Ann next tue noon";
        TodoDraft d = TodoDraft.parse(text, TODAY);
        assertEquals(List.of("DATE next tue", "TIME noon"), kindsAndWords(text, d));
        assertEquals(List.of("Tuesday", "12:00"), d.tokens().stream().map(QuickAddToken::shown).toList());
        assertEquals("Lunch with Ann", d.title());
        assertEquals(LocalDate.of(2026, 11, 24), d.due(), "the Tuesday of next week");
        assertEquals(LocalTime.NOON, d.time());
        String full = "Lunch with Ann next Tuesday at noon";
        TodoDraft f = TodoDraft.parse(full, TODAY);
        assertEquals(List.of("DATE next Tuesday", "TIME at noon"), kindsAndWords(full, f));
        assertEquals("Lunch with Ann", f.title());
        assertEquals(LocalDate.of(2026, 11, 24), f.due());
        assertEquals(LocalTime.NOON, f.time());
        TodoDraft bare = TodoDraft.parse("Lunch at noon", TODAY);
        assertEquals("Lunch", bare.title(), "noon is a time as 12pm is, with or without a date");
        assertEquals(LocalTime.NOON, bare.time());
    }

    @Test
    void tokens_wordsThatOnlyContainNoonOrNext_readNothingThere() {
        TodoDraft noonan = TodoDraft.parse("Call Noonan", TODAY);
        assertEquals(List.of(), noonan.tokens());
        assertEquals("Call Noonan", noonan.title());
        assertNull(noonan.remindTime());
        assertEquals("Sleep afternoon", TodoDraft.parse("Sleep afternoon", TODAY).title());
        String text = "Ask nextdoor tue";
        TodoDraft door = TodoDraft.parse(text, TODAY);
        assertEquals(List.of("DATE tue"), kindsAndWords(text, door));
        assertEquals("Ask nextdoor", door.title());
        assertEquals(LocalDate.of(2026, 11, 24), door.due(), "the coming Tuesday, not next week's");
    }
}
