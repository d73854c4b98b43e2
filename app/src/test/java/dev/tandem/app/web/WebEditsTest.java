package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.DateRange;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TagStore;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.RacingDb;
import dev.tandem.app.testing.TestClock;
import dev.tandem.engine.Db;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An edit from the page is decided on the item as read; a sync that commits to the same item
 * between that read and the write is merged, never written over as if it were the page's edit.
 */
@Tag("unit")
class WebEditsTest {
    private final TestClock clock = new TestClock(ZoneOffset.UTC);
    private final Db real = Db.builder().memory().clock(clock).build();
    private final TodoStore plain = new TodoStore(real, clock, ZoneOffset.UTC);
    private final String browser = UUID.randomUUID().toString();

    @AfterEach
    void close() {
        real.close();
    }

    private WebEdits racing(int times, Consumer<Db> landing) {
        return new WebEdits(new TodoStore(RacingDb.racing(real, times, landing), clock, ZoneOffset.UTC));
    }

    @Test
    void apply_syncCommitsOtherFieldBetweenReadAndWrite_bothEditsKept() {
        Item it = plain.add("Tickets", null, null);
        WebEdits edits = racing(1, db -> db.transaction(tx ->
                tx.save(tx.get(Item.class, it.id()).orElseThrow().withNotes("Seat 12A"))));

        WebEdits.Result r = edits.apply(it.id(), Map.of("title", "Train tickets"), Map.of("title", "Tickets"), browser, "Phone");

        Item stored = plain.get(it.id()).orElseThrow();
        assertEquals("Train tickets", stored.title());
        assertEquals("Seat 12A", stored.notes(), "the sync's notes are not written over");
        assertEquals(List.of(), r.stale());
    }

    @Test
    void apply_syncAddsATagBetweenReadAndWrite_tagKept() {
        Item it = plain.add("Tickets", null, null);
        WebEdits edits = racing(1, db -> db.transaction(tx -> TagStore.add(tx, it.id(), "travel")));

        edits.apply(it.id(), Map.of("title", "Train tickets", "tags", List.of("work")),
                Map.of("title", "Tickets", "tags", List.of()), browser, "Phone");

        assertEquals("Train tickets", plain.get(it.id()).orElseThrow().title());
        assertEquals(List.of("travel", "work"), new TagStore(plain).of(it.id()).stream().sorted().toList());
    }

    @Test
    void apply_syncChangesTheSameFieldBetweenReadAndWrite_pageValueKeptAsConflict() {
        Item it = plain.add("Tickets", null, null);
        WebEdits edits = racing(1, db -> db.transaction(tx ->
                tx.save(tx.get(Item.class, it.id()).orElseThrow().withTitle("Plane tickets"))));

        WebEdits.Result r = edits.apply(it.id(), Map.of("title", "Train tickets"), Map.of("title", "Tickets"), browser, "Phone");

        assertEquals("Plane tickets", plain.get(it.id()).orElseThrow().title(), "the later change is not written over");
        assertEquals(List.of("title"), r.stale());
        assertEquals(1, real.conflicts().list().size());
    }

    @Test
    void apply_writesKeepLandingEveryTime_refusedAndNothingOfThePageWritten() {
        Item it = plain.add("Tickets", null, null);
        int[] n = {0};
        WebEdits edits = racing(Integer.MAX_VALUE, db -> db.transaction(tx ->
                tx.save(tx.get(Item.class, it.id()).orElseThrow().withNotes("n" + n[0]++))));

        BadRequest e = assertThrows(BadRequest.class, () -> edits.apply(it.id(), Map.of("title", "Train tickets"),
                Map.of("title", "Tickets"), browser, "Phone"));

        assertEquals(409, e.status());
        assertEquals("Tickets", plain.get(it.id()).orElseThrow().title());
    }

    @Test
    void apply_startAndSomeday_savedAsTheDesktopHoldsThem() {
        Item it = plain.add("Paint the shed", null, null);

        WebEdits.Result r = new WebEdits(plain).apply(it.id(), Map.of("start", "2026-12-05", "someday", true),
                base("start", null, "someday", false), browser, "Phone");

        Item stored = plain.get(it.id()).orElseThrow();
        assertEquals(LocalDate.parse("2026-12-05"), stored.startDate());
        assertTrue(stored.isSomeday());
        assertEquals(List.of(), r.stale());
        assertEquals("2026-12-05", ItemJson.field(stored, "start"));
        assertEquals(true, ItemJson.field(stored, "someday"));
    }

    @Test
    void apply_startSetOnASomedayTodo_takesItOutOfSomedayAsTheDesktopDoes() {
        Item it = plain.add("Paint the shed", null, null);
        plain.update(it.id(), i -> i.withSomeday(true));

        new WebEdits(plain).apply(it.id(), Map.of("start", "2026-12-05"), base("start", null), browser, "Phone");

        assertFalse(plain.get(it.id()).orElseThrow().isSomeday());
    }

    @Test
    void apply_startRemovedFromASomedayTodo_leavesItInSomeday() {
        Item it = plain.add("Paint the shed", null, null);
        plain.update(it.id(), i -> i.withStart(LocalDate.parse("2026-12-05")).withSomeday(true));

        new WebEdits(plain).apply(it.id(), Map.of("start", ""), base("start", "2026-12-05"), browser, "Phone");

        Item stored = plain.get(it.id()).orElseThrow();
        assertEquals(null, stored.startDate());
        assertTrue(stored.isSomeday());
    }

    @Test
    void apply_startAfterTheDueDate_allowedAsOnTheDesktop() {
        Item it = plain.add("Paint the shed", null, LocalDate.parse("2026-12-01"));

        new WebEdits(plain).apply(it.id(), Map.of("start", "2026-12-10"), base("start", null), browser, "Phone");

        assertEquals(LocalDate.parse("2026-12-10"), plain.get(it.id()).orElseThrow().startDate());
    }

    @Test
    void apply_startOrSomedayNotAValue_refusedSayingWhyAndNothingWritten() {
        Item it = plain.add("Paint the shed", null, null);
        WebEdits edits = new WebEdits(plain);
        for (Object[] bad : new Object[][] {
                {"start", "next week", "is not a date (YYYY-MM-DD)"},
                {"start", "2026-02-30", "is not a date (YYYY-MM-DD)"},
                {"someday", "yes", "“someday” must be true or false."},
                {"someday", 1L, "“someday” must be true or false."}}) {
            Map<String, Object> set = new HashMap<>();
            set.put("title", "Changed");
            set.put((String) bad[0], bad[1]);
            BadRequest e = assertThrows(BadRequest.class, () -> edits.apply(it.id(), set,
                    base("title", "Paint the shed", (String) bad[0], null), browser, "Phone"));
            assertEquals(400, e.status());
            assertTrue(e.getMessage().contains((String) bad[2]), e.getMessage());
        }
        Item stored = plain.get(it.id()).orElseThrow();
        assertEquals("Paint the shed", stored.title());
        assertEquals(null, stored.startDate());
        assertFalse(stored.isSomeday());
    }

    /**
     * A page (or a replayed outbox entry, which edits through here) sends dates no calendar keeps: a repeating
     * todo given {@code +999999999-12-31} could never be completed. Each is refused with the range, nothing written.
     */
    @Test
    void apply_datesOutsideTheRangeTandemKeeps_refusedNamingTheRangeAndNothingWritten() {
        Item it = plain.add("Pay rent", null, null);
        plain.update(it.id(), i -> i.withRepeat("FREQ=MONTHLY", null));
        WebEdits edits = new WebEdits(plain);
        for (Object[] bad : new Object[][] {
                {"due", "+999999999-12-31", "is outside the dates Tandem keeps"},
                {"due", "3000-01-01", "is outside the dates Tandem keeps: 1900-01-01 to 2999-12-31."},
                {"due", "1899-12-31", "is outside the dates Tandem keeps"},
                {"start", "9999-12-31", "is outside the dates Tandem keeps"},
                {"remindAt", Long.MAX_VALUE, "A reminder must fall on a date from 1900-01-01 to 2999-12-31."},
                {"remindAt", -62135596800000L, "A reminder must fall on a date"}}) {
            Map<String, Object> set = new HashMap<>();
            set.put((String) bad[0], bad[1]);
            BadRequest e = assertThrows(BadRequest.class, () -> edits.apply(it.id(), set,
                    base((String) bad[0], null), browser, "Phone"), String.valueOf(bad[1]));
            assertEquals(400, e.status());
            assertTrue(e.getMessage().contains((String) bad[2]), e.getMessage());
        }
        Item stored = plain.get(it.id()).orElseThrow();
        assertEquals(null, stored.due());
        assertEquals(null, stored.start());
        assertEquals(null, stored.remindAt());
        Map<String, Object> edge = new HashMap<>();
        edge.put("due", "2999-12-31");
        edits.apply(it.id(), edge, base("due", null), browser, "Phone");
        assertEquals(DateRange.LAST, plain.get(it.id()).orElseThrow().dueDate());
        assertTrue(plain.series().complete(it.id()).orElseThrow().next().isEmpty(),
                "completed at the range's end: done, and the series ends there");
    }

    @Test
    void apply_startAndSomedayChangedOnAnotherDevice_keptThereAndThePagesValuesBecomeConflicts() {
        Item it = plain.add("Paint the shed", null, null);
        // The laptop sets them after the page showed the todo without.
        plain.update(it.id(), i -> i.withStart(LocalDate.parse("2026-12-01")).withSomeday(true));

        WebEdits.Result r = new WebEdits(plain).apply(it.id(), Map.of("start", "2026-12-24", "someday", false),
                base("start", null, "someday", false), browser, "Phone");

        Item stored = plain.get(it.id()).orElseThrow();
        assertEquals(LocalDate.parse("2026-12-01"), stored.startDate(), "the other device's start is kept");
        assertTrue(stored.isSomeday(), "the other device's Someday is kept");
        assertEquals(List.of("start", "someday"), r.stale().stream().sorted(Comparator.reverseOrder()).toList());
        var conflicts = real.conflicts().list();
        assertEquals(2, conflicts.size());
        var start = conflicts.stream().filter(c -> c.field().equals("start")).findFirst().orElseThrow();
        assertEquals("2026-12-24", start.lostValue());
        plain.conflicts().useLostValue(start);
        assertEquals(LocalDate.parse("2026-12-24"), plain.get(it.id()).orElseThrow().startDate());
    }

    /** A base that may hold nulls (Map.of may not). */
    private static Map<String, Object> base(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
