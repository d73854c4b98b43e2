package dev.tandem.app.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Listing;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quick add's time of day and length: "Call the bank tomorrow 2pm for 30 min", with their chips. */
@Tag("unit")
class TodoDraftTimeTest {
    // A Wednesday.
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 18);
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private static List<String> kindsAndWords(String text, TodoDraft d) {
        return d.tokens().stream().map(t -> t.kind() + " " + t.in(text)).toList();
    }

    @Test
    void parse_dateTimeAndLength_setAllThreeWithTheirChips() {
        String text = "Call the bank tomorrow 2pm for 30 min";
        TodoDraft d = TodoDraft.parse(text, TODAY);
        assertEquals("Call the bank", d.title());
        assertEquals(TODAY.plusDays(1), d.due());
        assertEquals(LocalTime.of(14, 0), d.time());
        assertEquals(30, d.minutes());
        assertNull(d.remindTime());
        assertEquals(List.of("DATE tomorrow", "TIME 2pm", "LENGTH for 30 min"), kindsAndWords(text, d));
        assertEquals(List.of("Due: Tomorrow", "At 14:00", "For 30 min"),
                d.tokens().stream().map(QuickAddToken::label).toList());
    }

    @Test
    void parse_atTimeAndLengthInAnyOrder_readAlike() {
        for (String text : List.of("Call the bank tomorrow at 2pm for 1h", "Call the bank for 1h tomorrow at 14:00",
                "Call the bank tomorrow for 60 minutes at 2pm p2")) {
            TodoDraft d = TodoDraft.parse(text, TODAY);
            assertEquals("Call the bank", d.title(), text);
            assertEquals(TODAY.plusDays(1), d.due(), text);
            assertEquals(LocalTime.of(14, 0), d.time(), text);
            assertEquals(60, d.minutes(), text);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Meeting fri 9:41 PM; Meeting; 21:41; TIME 9:41 PM",
        "Call Ann tomorrow 9 pm; Call Ann; 21:00; TIME 9 pm",
        "Call Ann tomorrow at 9 am; Call Ann; 09:00; TIME at 9 am",
        "Call mom tomorrow at 2 pm about the party; Call mom about the party; 14:00; TIME at 2 pm",
        "Standup 9 am - 9:30 am; Standup; 09:00; TIME 9 am - 9:30 am",
        "Standup 9-10 am; Standup; 09:00; TIME 9-10 am"})
    void parse_spaceBeforeAmOrPm_readAsTheTimeWithoutTheSpace(String text, String title, String time, String chip) {
        TodoDraft d = TodoDraft.parse(text, TODAY);
        assertEquals(title, d.title(), text);
        assertEquals(LocalTime.parse(time), d.time(), text);
        assertTrue(kindsAndWords(text, d).contains(chip), kindsAndWords(text, d).toString());
    }

    @Test
    void parse_amOrPmNotRightAfterANumber_staysAWordOfTheTitle() {
        for (String text : List.of("Call PM about budget", "Call the PM tomorrow", "Email PM", "Ask the pm", "Notes am Montag",
                "Meet Sam at PM", "Room 9 is the PM office")) {
            TodoDraft d = TodoDraft.parse(text, TODAY);
            assertNull(d.time(), text);
            assertTrue(d.title().matches("(?i).*\\b[ap]m\\b.*"), text);
        }
        assertEquals(LocalTime.of(21, 0), TodoDraft.parse("Call remind 9 PM", TODAY).remindTime());
        assertEquals("Call", TodoDraft.parse("Call remind 9 PM", TODAY).title());
        assertNull(TodoDraft.parse("Call 13 pm", TODAY).time(), "13 pm is no time");
    }

    @Test
    void parse_remindAndATime_areTwoThings() {
        TodoDraft d = TodoDraft.parse("Call the bank remind 9am tomorrow 2pm", TODAY);
        assertEquals("Call the bank", d.title());
        assertEquals(LocalTime.of(9, 0), d.remindTime());
        assertEquals(LocalTime.of(14, 0), d.time());
        TodoDraft r = TodoDraft.parse("Call the bank remind 9am", TODAY);
        assertEquals(LocalTime.of(9, 0), r.remindTime());
        assertNull(r.time(), "remind 9am stays a reminder");
    }

    @Test
    void parse_lengthNeedsForAndAUnit_elseStaysInTheTitle() {
        assertEquals("Buy bread for 2", TodoDraft.parse("Buy bread for 2", TODAY).title());
        assertNull(TodoDraft.parse("Buy bread for 2", TODAY).minutes());
        assertEquals("Pack for 3 days", TodoDraft.parse("Pack for 3 days", TODAY).title());
        assertEquals("for 30 min", TodoDraft.parse("for 30 min", TODAY).title(), "no title: all stays");
        TodoDraft walk = TodoDraft.parse("Walk for 45m", TODAY);
        assertEquals("Walk", walk.title());
        assertEquals(45, walk.minutes());
        assertNull(walk.due(), "a length alone needs no date");
    }

    /** A time without a date falls on the next time it comes, as a reminder's "9am" does (TodoDraft.remindAt). */
    @Test
    void dueOn_timeWithoutDate_isTodayIfStillToComeElseTomorrow() {
        TodoDraft d = TodoDraft.parse("Call the bank 2pm", TODAY);
        assertEquals("Call the bank", d.title());
        assertNull(d.due());
        assertEquals(TODAY, d.dueOn(ZonedDateTime.of(TODAY, LocalTime.of(10, 0), ZONE)));
        assertEquals(TODAY.plusDays(1), d.dueOn(ZonedDateTime.of(TODAY, LocalTime.of(15, 0), ZONE)));
        assertNull(TodoDraft.parse("Call the bank", TODAY).dueOn(ZonedDateTime.of(TODAY, LocalTime.NOON, ZONE)));
    }

    @Test
    void plan_timeWithoutDate_addsOnTheNextDayItComesWithTimeAndLength() {
        ZonedDateTime afternoon = ZonedDateTime.of(TODAY, LocalTime.of(15, 0), ZONE);
        QuickAddPlan p = QuickAddPlan.read("Call the bank 2pm for 30 min", List.of(), Listing.inbox(), afternoon);
        assertEquals(TODAY.plusDays(1), p.due());
        assertEquals(LocalTime.of(14, 0), p.details().time());
        assertEquals(30, p.details().minutes());
        assertNull(p.details().remindAt());
    }

    @Test
    void parse_plainTimeChip_staysInTheTitle() {
        String text = "Call the bank tomorrow 2pm";
        TodoDraft d = TodoDraft.parse(text, TODAY, List.of(new PlainSpan(text.indexOf("2pm"), "2pm")));
        assertEquals("Call the bank 2pm", d.title());
        assertNull(d.time());
        assertEquals(TODAY.plusDays(1), d.due());
    }
}
