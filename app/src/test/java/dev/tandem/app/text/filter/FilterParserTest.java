package dev.tandem.app.text.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.filter.DateSaid;
import dev.tandem.app.model.filter.Filter;
import dev.tandem.app.model.filter.FilterException;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class FilterParserTest {
    /** A Thursday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private static Filter parse(String q) {
        return FilterParser.parse(q, TODAY);
    }

    @Test
    void parse_andBindsCloserThanOr_notClosest() {
        Filter f = parse("#Work & p1 | !@errand");
        assertEquals(new Filter.Or(List.of(new Filter.And(List.of(new Filter.InList("Work"), new Filter.Priority(1))),
                new Filter.Not(new Filter.Tagged("errand")))), f);
        assertEquals("(#Work & p1) | !@errand", f.text());
    }

    @Test
    void parse_theIssuesQueries_readAsWritten() {
        assertEquals("#Work & no date", parse("#Work & no date").text());
        assertEquals("overdue | @errand", parse("overdue|@errand").text());
        assertEquals("#Work & !overdue & due before: +7d", parse("#Work & !overdue & due before: +7d").text());
        assertEquals("search: quarterly", parse("search: quarterly").text());
        assertEquals("(@urgent | @errand) & !p1", parse("(@urgent | @errand) & !p1").text());
        assertEquals("#Team Alpha & p2", parse("#Team Alpha & p2").text());
    }

    @Test
    void parse_datesInAnyLanguage_keptInFormsEveryDeviceReads() {
        try {
            Messages.use(Language.GERMAN);
            assertEquals(new Filter.DueBefore(new DateSaid("fri")), parse("due before: Freitag"));
            assertEquals(new Filter.DueBefore(new DateSaid("next fri")), parse("due before: nächsten Freitag"));
            assertEquals(new Filter.DueBefore(new DateSaid("2026-12-24")), parse("due before: 24.12."));
        } finally {
            Messages.use(Language.ENGLISH);
        }
        assertEquals(new Filter.DueAfter(new DateSaid("2026-12-24")), parse("due after: dec 24"));
        assertEquals(new Filter.DueBefore(new DateSaid("+7d")), parse("Due Before: +7D"));
        assertEquals("due: next 7 days", parse("due: next 7 days").text());
    }

    @Test
    void parse_brokenQueries_sayWhereAndWhat() {
        FilterException e = assertThrows(FilterException.class, () -> parse("#Work & "));
        assertEquals(8, e.at());
        assertTrue(e.getMessage().startsWith("At 9: a condition is missing"), e.getMessage());
        e = assertThrows(FilterException.class, () -> parse("#Work & urgent"));
        assertTrue(e.getMessage().contains("“urgent” is not a condition"), e.getMessage());
        assertEquals(8, e.at());
        e = assertThrows(FilterException.class, () -> parse("(p1 | p2"));
        assertTrue(e.getMessage().startsWith("At 1: this “(” is never closed"), e.getMessage());
        e = assertThrows(FilterException.class, () -> parse("p1 )"));
        assertTrue(e.getMessage().startsWith("At 4: this “)” closes nothing"), e.getMessage());
        e = assertThrows(FilterException.class, () -> parse("due before: soonish"));
        assertTrue(e.getMessage().startsWith("At 13: “soonish” is not a date"), e.getMessage());
        e = assertThrows(FilterException.class, () -> parse("#"));
        assertTrue(e.getMessage().contains("needs something after it"), e.getMessage());
        assertThrows(FilterException.class, () -> parse("   "));
    }

    @Test
    void parse_todoistForms_readAsTheirTandemConditions() {
        assertEquals(new Filter.Or(List.of(parse("today"), parse("overdue"))), parse("today, overdue"));
        assertEquals(new Filter.Or(List.of(parse("#Work & p1"), parse("@errand"))), parse("#Work & p1 , @errand"));
        assertEquals(parse("due: next 7 days"), parse("7 days"));
        assertEquals(parse("due: next 7 days"), parse("Next 7 Days"));
        assertEquals(parse("due: next 1 day"), parse("1 day"));
        assertEquals(new Filter.Is(Filter.Flag.NO_TAGS), parse("no labels"));
        assertEquals("no tags", parse("no labels").text());
        assertEquals(new Filter.DueBefore(new DateSaid("+7d")), parse("due before: +7 days"));
        assertEquals(new Filter.DueBefore(new DateSaid("+2w")), parse("due before: in 2 weeks"));
        assertEquals(new Filter.DueAfter(new DateSaid("-3d")), parse("due after: 3 days ago"));
        assertEquals(new Filter.DueAfter(new DateSaid("-1m")), parse("date after: -1 month"));
        assertEquals(parse("due: tomorrow"), parse("date: tomorrow"));
        assertEquals(new Filter.Tagged("urg*"), parse("@urg*"));
        assertEquals(new Filter.InList("*Home"), parse("#*Home"));
    }

    @Test
    void parse_commaInsideWhatWouldNotReadAlone_staysPartOfIt() {
        assertEquals(new Filter.InList("Team, Alpha"), parse("#Team, Alpha"));
        assertEquals(new Filter.Search("milk, bread"), parse("search: milk, bread"));
        // Inside parentheses a comma is no separator.
        assertEquals(new Filter.InList("A, B"), parse("(#A, B)"));
        FilterException e = assertThrows(FilterException.class, () -> parse("today, blorp"));
        assertEquals("At 8: “blorp” is not a condition; try #list, @tag, p1–p4, today, overdue, no date, due before: +7d,"
                + " search: words.", e.getMessage());
    }

    @Test
    void parse_assignment_saysThereIsNone() {
        for (String q : List.of("assigned to: me", "assigned by: Ann", "#Work & !assigned", "added by: me")) {
            FilterException e = assertThrows(FilterException.class, () -> parse(q), q);
            assertTrue(e.getMessage().contains("no one is assigned"), e.getMessage());
        }
    }

    /** Phones put no-break spaces where a space is typed ("12 déc."): each reads as the space it looks like. */
    @Test
    void parse_noBreakSpacesWhereSpacesAre_readAsSpaces() {
        assertEquals(new Filter.And(List.of(new Filter.DueBefore(new DateSaid("2026-12-24")), new Filter.Priority(1))),
                parse("due\u00a0before:\u202fdec\u00a024 &\u202fp1"));
        try {
            Messages.use(Language.FRENCH);
            assertEquals(new Filter.DueBefore(new DateSaid("2026-12-12")), parse("due before: 12\u00a0déc."));
            assertEquals(new Filter.DueBefore(new DateSaid("fri")), parse("due before:\u202fvendredi"));
            Messages.use(Language.GERMAN);
            assertEquals(new Filter.DueAfter(new DateSaid("2026-12-24")), parse("due after: 24.\u202fDezember"));
        } finally {
            Messages.use(Language.ENGLISH);
        }
        FilterException blank = assertThrows(FilterException.class, () -> parse("\u00a0\u202f"));
        assertTrue(blank.getMessage().contains("The query is empty"), blank.getMessage());
    }

    @Test
    void parse_attackerSizedQueries_refusedBeforeBuilt() {
        FilterException tooLong = assertThrows(FilterException.class, () -> parse("p1 & ".repeat(400) + "p1"));
        assertTrue(tooLong.getMessage().contains("1,000"), tooLong.getMessage());
        assertThrows(FilterException.class, () -> parse("(".repeat(200) + "p1" + ")".repeat(200)));
        assertThrows(FilterException.class, () -> parse("!".repeat(500) + "p1"));
        FilterException many = assertThrows(FilterException.class, () -> parse("p1|".repeat(150) + "p1"));
        assertTrue(many.getMessage().contains("100 conditions"), many.getMessage());
        // At the bounds, a query still reads.
        assertEquals(new Filter.Priority(1), parse("(".repeat(FilterParser.MAX_DEPTH) + "p1" + ")".repeat(FilterParser.MAX_DEPTH)));
        assertThrows(FilterException.class,
                () -> parse("(".repeat(FilterParser.MAX_DEPTH + 1) + "p1" + ")".repeat(FilterParser.MAX_DEPTH + 1)));
    }
}
