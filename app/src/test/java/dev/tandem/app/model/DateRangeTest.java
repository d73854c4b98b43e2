package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.filter.Filter;
import dev.tandem.app.text.DatePhrases;
import dev.tandem.app.text.filter.FilterParser;
import dev.tandem.engine.Db;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One range of dates ({@link DateRange}), as another device of the same remote would play it: a row synced with
 * {@code +999999999-12-31} (the engine syncs any value; the model reads the row) on a repeating todo, which must
 * still complete, must not sort as overdue and must not count as Today's; and a series near the range's end,
 * which stops rather than step out of the calendar.
 */
@Tag("unit")
class DateRangeTest {
    private final TodoStore store = new TodoStore(Db.openMemory(), java.time.Clock.fixed(
            Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void read_datesTandemWritesWithinTheRange_onlyThose() {
        assertEquals(Optional.of(LocalDate.of(2026, 12, 24)), DateRange.read("2026-12-24"));
        assertEquals(Optional.of(DateRange.FIRST), DateRange.read("1900-01-01"));
        assertEquals(Optional.of(DateRange.LAST), DateRange.read(" 2999-12-31 "));
        for (String no : List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-31", "10000-01-01", "3000-01-01",
                "1899-12-31", "0001-01-01", "2026-02-30", "2026-2-3", "20261224", "", "garbage")) {
            assertEquals(Optional.empty(), DateRange.read(no), no);
        }
        assertTrue(DateRange.containsMillis(Instant.parse("2999-12-31T23:00:00Z").toEpochMilli()));
        assertFalse(DateRange.containsMillis(Long.MAX_VALUE));
        assertFalse(DateRange.containsMillis(Long.MIN_VALUE));
    }

    /** As sync writes a row another device made: no check on the way in. */
    private Item synced(String due, String repeat) {
        return store.writeAll(tx -> tx.save(new Item(null, null, "Pay rent", null, due, 0L, null, null, 1L, null,
                repeat, null, null, null, null, "09:00", null, null)));
    }

    @Test
    void complete_syncedRepeatingTodoDuePastEveryCalendar_completesWithoutANextAndNeverThrows() {
        Item it = synced("+999999999-12-31", "FREQ=MONTHLY");
        assertNull(it.dueDate(), "no date here, never year 999,999,999");
        SeriesStore.Step step = store.series().complete(it.id()).orElseThrow();
        assertTrue(step.next().isEmpty(), "the series cannot go on from a date that is none");
        assertTrue(store.get(it.id()).orElseThrow().isDone());
    }

    @Test
    void views_syncedDatesOutsideTheRange_neitherOverdueNorTodayNorUpcoming() {
        synced("+999999999-12-31", null);
        synced("0001-01-01", null);
        synced("+10000-01-31", null);
        Item real = synced("2026-11-01", null);
        Map<String, Long> counts = store.counts(store.today()).stream().collect(Collectors.toMap(Count::id, Count::count));
        assertEquals(1L, counts.get("today"), "only the real overdue todo counts as Today's: " + counts);
        assertEquals(0L, counts.get("upcoming"), counts.toString());
        assertEquals(List.of(real.id()), FilteredItems.of(store, FilterParser.parse("overdue", store.today())).stream()
                .map(Item::id).toList());
        assertEquals(3, FilteredItems.count(store, FilterParser.parse("no date", store.today())),
                "a date that is none here is no date");
        assertEquals(List.of(real.id()), AgendaItems.query(store, store.today()).stream().map(Item::id).toList());
    }

    @Test
    void complete_seriesAtTheRangesEnd_stopsThereAndEveryStepInsideIsKept() {
        Item yearly = store.writeAll(tx -> tx.save(Item.create("Renew", null, LocalDate.of(2998, 6, 1), 1L)
                .withRepeat("FREQ=YEARLY", null)));
        SeriesStore.Step first = store.series().complete(yearly.id()).orElseThrow();
        assertEquals(LocalDate.of(2999, 6, 1), first.next().orElseThrow().dueDate());
        SeriesStore.Step last = store.series().complete(first.next().get().id()).orElseThrow();
        assertTrue(last.next().isEmpty(), "3000-06-01 is past the range: the series ends");

        Item monthly = store.writeAll(tx -> tx.save(Item.create("Rent", null, DateRange.LAST, 1L)
                .withRepeat("FREQ=MONTHLY;BYMONTHDAY=31", null)));
        assertTrue(store.series().complete(monthly.id()).orElseThrow().next().isEmpty());
        Item weekly = store.writeAll(tx -> tx.save(Item.create("Bins", null, LocalDate.of(2999, 12, 28), 1L)
                .withRepeat("FREQ=WEEKLY;INTERVAL=999", null)));
        assertTrue(store.series().complete(weekly.id()).orElseThrow().next().isEmpty());
    }

    @Test
    void parse_phrasesForDatesOutsideTheRange_areNoDates() {
        LocalDate today = store.today();
        assertEquals(Optional.empty(), DatePhrases.parse("9999-12-31", today));
        assertEquals(Optional.empty(), DatePhrases.parse("1899-12-31", today));
        assertEquals(Optional.of(DateRange.LAST), DatePhrases.parse("2999-12-31", today));
        assertEquals(Optional.of("3000-01-01"), DatePhrases.notADate("Plan the party 3000-01-01"));
        Filter f = FilterParser.parse("due before: 2999-12-31", today);
        assertTrue(f.text().contains("2999-12-31"));
    }

    @Test
    void within_importedItemWithDatesOutside_keepsTheTodoWithoutThem() {
        Item it = new Item(null, null, "Old", null, "+10000-01-31", 0L, null, null, 1L, null, null, null,
                Long.MAX_VALUE, null, null, "09:00", 30L, null).withStartText("0001-01-01");
        Item in = DateRange.within(it);
        assertNull(in.due());
        assertNull(in.dueTime(), "a time needs a date");
        assertNull(in.durationMinutes());
        assertNull(in.start());
        assertNull(in.remindAt());
        assertEquals("Old", in.title());
        Item fine = Item.create("Fine", null, LocalDate.of(2026, 1, 1), 1L);
        assertTrue(DateRange.within(fine) == fine);
    }
}
