package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Recurrence.Freq;
import dev.tandem.engine.Db;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SeriesStoreTest {
    private final TodoStore store = new TodoStore(Db.openMemory(), Clock.systemUTC(), ZoneOffset.UTC);
    private final SeriesStore series = new SeriesStore(store);
    private final TagStore tags = new TagStore(store);

    @AfterEach
    void close() {
        store.close();
    }

    private Item weeklyOnMonday() {
        return store.add("Water plants", null, null, LocalDate.of(2026, 11, 23),
                new TodoDetails(2, List.of("home"), Recurrence.weekly(Set.of(DayOfWeek.MONDAY)), null)).item();
    }

    @Test
    void complete_repeating_createsTheNextOccurrenceWithDerivedIdAndTags() {
        Item first = weeklyOnMonday();
        SeriesStore.Step step = series.complete(first.id()).orElseThrow();
        Item next = step.next().orElseThrow();
        assertEquals(DerivedIds.occurrence(first.id(), "2026-11-30"), next.id());
        assertEquals("2026-11-30", next.due());
        assertEquals(first.id(), next.seriesId());
        assertEquals(2L, next.priority());
        assertEquals(first.repeat(), next.repeat());
        assertEquals(List.of("home"), tags.of(next.id()));
        assertTrue(store.get(first.id()).orElseThrow().isDone());
    }

    /** The due dates of a series, completing each occurrence in turn. */
    private List<String> dues(LocalDate start, Recurrence rule, int completions) {
        Item it = store.add("Pay rent", null, null, start, new TodoDetails(null, List.of(), rule, null)).item();
        List<String> dues = new ArrayList<>(List.of(it.due()));
        for (int i = 0; i < completions; i++) {
            it = series.complete(it.id()).orElseThrow().next().orElseThrow();
            dues.add(it.due());
        }
        return dues;
    }

    @Test
    void complete_everyMonthFromThe31st_keepsTheDayAfterShortMonths() {
        assertEquals(List.of("2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31"),
                dues(LocalDate.of(2027, 1, 31), Recurrence.every(Recurrence.Freq.MONTHLY, 1), 4));
    }

    @Test
    void complete_everyYearFromFebruary29_comesBackToThe29thInLeapYears() {
        assertEquals(List.of("2028-02-29", "2029-02-28", "2030-02-28", "2031-02-28", "2032-02-29"),
                dues(LocalDate.of(2028, 2, 29), Recurrence.every(Recurrence.Freq.YEARLY, 1), 4));
    }

    @Test
    void complete_everyMonthFromThe15th_ruleUnchanged() {
        Item it = store.add("Water plants", null, null, LocalDate.of(2027, 1, 15),
                new TodoDetails(null, List.of(), Recurrence.every(Recurrence.Freq.MONTHLY, 1), null)).item();
        Item next = series.complete(it.id()).orElseThrow().next().orElseThrow();
        assertEquals("2027-02-15", next.due());
        assertEquals("FREQ=MONTHLY", next.repeat(), "nothing to pin where the day exists in every month");
    }

    @Test
    void complete_twice_createsOneNextOccurrence() {
        Item first = weeklyOnMonday();
        series.complete(first.id());
        assertTrue(series.complete(first.id()).orElseThrow().next().isEmpty());
        assertEquals(1, series.openOccurrences(first.id()).size());
    }

    @Test
    void uncomplete_reopensAndRemovesTheNextOne() {
        Item first = weeklyOnMonday();
        SeriesStore.Step step = series.complete(first.id()).orElseThrow();
        series.uncomplete(step);
        assertFalse(store.get(first.id()).orElseThrow().isDone());
        assertEquals(List.of(first.id()), series.openOccurrences(first.id()).stream().map(Item::id).toList());
    }

    @Test
    void skip_movesOnWithoutCompleting_andUnskipBringsItBack() {
        Item first = weeklyOnMonday();
        SeriesStore.Step step = series.skip(first.id()).orElseThrow();
        assertTrue(store.get(first.id()).isEmpty());
        assertEquals("2026-11-30", step.next().orElseThrow().due());
        assertTrue(store.query(Listing.of(Listing.BuiltIn.COMPLETED)).isEmpty(), "skipping completes nothing");
        series.unskip(step);
        assertTrue(store.get(first.id()).isPresent());
        assertTrue(store.get(step.created().id()).isEmpty());
    }

    @Test
    void endSeries_thenComplete_createsNothing() {
        Item first = weeklyOnMonday();
        series.endSeries(first.id());
        assertNull(series.complete(first.id()).orElseThrow().created());
        assertEquals(List.of(), series.openOccurrences(first.id()));
    }

    @Test
    void setRepeat_withoutDueDate_givesTheFirstDate() {
        Item it = store.add("Stretch", null, null);
        Item after = series.setRepeat(it.id(), Recurrence.every(Freq.DAILY, 1)).map(b -> store.get(it.id()).orElseThrow())
                .orElseThrow();
        assertEquals(store.today(), after.dueDate());
        assertEquals(it.id(), after.seriesId());
    }

    @Test
    void remindAt_movesWithTheNextOccurrence() {
        long remind = LocalDate.of(2026, 11, 23).atTime(9, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
        Item first = store.add("Standup", null, null, LocalDate.of(2026, 11, 23),
                new TodoDetails(null, List.of(), Recurrence.every(Freq.DAILY, 1), remind)).item();
        Item next = series.complete(first.id()).orElseThrow().created();
        assertEquals(remind + 86_400_000L, next.remindAt());
        assertTrue(next.reminderPending());
    }
}
