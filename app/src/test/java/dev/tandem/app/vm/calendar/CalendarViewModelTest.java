package dev.tandem.app.vm.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestUi;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.engine.Db;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The calendar through a real store, live, without a toolkit: moves, undo, repeating todos, drops, the keys. */
@Tag("unit")
class CalendarViewModelTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** Wednesday 25 November 2026. */
    private static final LocalDate WED = LocalDate.of(2026, 11, 25);
    private final TestUi ui = new TestUi();
    private final TestClock clock = new TestClock(ZONE);
    private final TodoStore store = new TodoStore(Db.openMemory(), clock, ZONE);
    private final FakeDialogs dialogs = new FakeDialogs();
    private UndoManager undo;
    private CalendarViewModel cal;
    private final SimpleObjectProperty<LocalDate> today =
            new SimpleObjectProperty<>(WED);

    @BeforeEach
    void start() {
        clock.set(ZonedDateTime.of(2026, 11, 25, 12, 0, 0, 0, ZONE).toInstant());
        Async async = new Async(Runnable::run, ui, e -> {
            throw new AssertionError(e);
        });
        undo = new UndoManager(async);
        cal = new CalendarViewModel(store, async, null, today, undo, dialogs, s -> { }, r -> { }, Locale.UK);
    }

    @AfterEach
    void close() {
        cal.close();
        store.close();
        ui.close();
    }

    private void show() {
        ui.run(() -> cal.follow(true));
        ui.await(() -> cal.loadedProperty().get());
    }

    private Item timed(String title, LocalDate due, LocalTime time, Integer minutes) {
        return store.add(title, null, null, due, new TodoDetails(null, List.of(), null, null, false, time, minutes)).item();
    }

    /** "title date time" of every todo in the plan, occurrences "~title …". */
    private List<String> placed() {
        return ui.get(() -> cal.planProperty().get().days().stream().flatMap(d -> d.entries().stream())
                .map(e -> (e.occurrence() ? "~" : "") + e.title() + " " + e.date() + (e.timed() ? " " + e.time() : ""))
                .toList());
    }

    private CalendarEntry entry(String key) {
        return ui.get(() -> cal.planProperty().get().entry(key).orElseThrow());
    }

    private boolean moveNow(String key, LocalDate date, LocalTime time) {
        CalendarEntry e = entry(key);
        return ui.get(() -> cal.move(e, date, time));
    }

    private void selectNow(String key) {
        CalendarEntry e = entry(key);
        ui.run(() -> cal.selectEntry(e));
    }

    @Test
    void live_aSaveStraightIntoTheStore_movesTheTodo_otherWeeksAreNotRead() {
        Item call = timed("Call", WED, LocalTime.of(9, 0), 30);
        store.add("Next month", null, WED.plusMonths(1));
        show();
        assertEquals(List.of("Call 2026-11-25 09:00"), placed());
        // As sync would land an edit from another device: a commit, nothing through the view-model.
        store.update(call.id(), i -> i.withDue(WED.plusDays(1)).withDueTime(LocalTime.of(15, 30)));
        ui.await(() -> placed().equals(List.of("Call 2026-11-26 15:30")));
        ui.run(cal::next);
        ui.await(() -> cal.loadedProperty().get());
        assertEquals(List.of(), placed());
        ui.run(() -> cal.setMode(CalendarRange.Mode.MONTH));
        ui.await(() -> cal.loadedProperty().get() && !placed().isEmpty());
        assertEquals(List.of("Next month 2026-12-25"), placed(), "the month of the selected day, a week on");
    }

    @Test
    void move_toAnotherDayAndTime_oneUndoableStep_redoMovesAgain() {
        Item call = timed("Call", WED, LocalTime.of(9, 0), 30);
        show();
        assertTrue(moveNow(call.id(), WED.plusDays(2), LocalTime.of(14, 15)));
        ui.await(() -> placed().equals(List.of("Call 2026-11-27 14:15")));
        assertEquals(WED.plusDays(2), ui.get(() -> cal.selectedDateProperty().get()), "the selection follows");
        ui.run(undo::undo);
        ui.await(() -> placed().equals(List.of("Call 2026-11-25 09:00")));
        assertFalse(ui.get(() -> undo.canUndoProperty().get()), "one step");
        ui.run(undo::redo);
        ui.await(() -> placed().equals(List.of("Call 2026-11-27 14:15")));
    }

    @Test
    void moveSelected_keys_aDayAndAQuarterHour_allDayKeepsNoTime() {
        Item call = timed("Call", WED, LocalTime.of(9, 0), 30);
        Item rent = store.add("Rent", null, WED);
        show();
        selectNow(call.id());
        assertTrue(ui.get(() -> cal.moveSelected(1, 0)));
        ui.await(() -> placed().contains("Call 2026-11-26 09:00"));
        ui.await(() -> cal.selected().isPresent() && cal.selected().get().date().equals(WED.plusDays(1)));
        assertTrue(ui.get(() -> cal.moveSelected(0, 15)));
        ui.await(() -> placed().contains("Call 2026-11-26 09:15"));
        selectNow(rent.id());
        assertFalse(ui.get(() -> cal.moveSelected(0, 15)), "an all-day todo has no time to move");
        assertTrue(ui.get(() -> cal.moveSelected(-1, 0)));
        ui.await(() -> placed().contains("Rent 2026-11-24"));
    }

    @Test
    void stepDay_andStepVertical_walkDaysAndTodos_leavingTheWeekShowsTheNext() {
        Item a = store.add("A", null, WED);
        Item b = timed("B", WED, LocalTime.of(8, 0), null);
        Item sun = store.add("Sun", null, LocalDate.of(2026, 11, 29));
        show();
        ui.run(() -> cal.selectDay(WED.minusDays(1)));
        ui.run(() -> cal.stepDay(1));
        assertEquals(a.id(), ui.get(() -> cal.selectedKeyProperty().get()), "the day's first todo");
        ui.run(() -> cal.stepVertical(1));
        assertEquals(b.id(), ui.get(() -> cal.selectedKeyProperty().get()));
        ui.run(() -> cal.stepDay(4));
        assertEquals(sun.id(), ui.get(() -> cal.selectedKeyProperty().get()));
        ui.run(() -> cal.stepDay(1));
        assertEquals(LocalDate.of(2026, 11, 30), ui.get(() -> cal.rangeProperty().get().first()), "a British week: from Monday");
        assertNull(ui.get(() -> cal.selectedKeyProperty().get()));
    }

    @Test
    void move_repeatingTodo_thisOne_detachesIt_theSeriesGoesOnFromItsNextDate_undoPutsItBack() {
        Item bins = store.add("Bins", null, null, WED, new TodoDetails(null, List.of(),
                Recurrence.every(Recurrence.Freq.WEEKLY, 1), null)).item();
        ui.run(() -> cal.setMode(CalendarRange.Mode.MONTH));
        show();
        assertEquals(List.of("Bins 2026-11-25", "~Bins 2026-12-02"), placed());
        dialogs.chooseAnswer = 0;
        assertTrue(moveNow(bins.id(), WED.plusDays(1), null));
        ui.await(() -> placed().equals(List.of("Bins 2026-11-26", "Bins 2026-12-02")));
        assertTrue(dialogs.asked.contains("choose: Move a repeating todo [This one, The series]"));
        Item moved = store.get(bins.id()).orElseThrow();
        assertNull(moved.recurrence(), "the moved one no longer repeats");
        assertEquals(2, store.allItems().size(), "the series' next date is a row now, as completing would make it");
        ui.run(undo::undo);
        ui.await(() -> placed().equals(List.of("Bins 2026-11-25", "~Bins 2026-12-02")));
        assertEquals(1, store.allItems().stream().filter(i -> !i.isTrashed()).count());
    }

    @Test
    void move_repeatingTodo_theSeries_shiftsItsWeekdays_laterDateMovesTheSeriesAfterAConfirmation() {
        Item yoga = store.add("Yoga", null, null, WED, new TodoDetails(null, List.of(),
                Recurrence.weekly(Set.of(DayOfWeek.WEDNESDAY)), null)).item();
        ui.run(() -> cal.setMode(CalendarRange.Mode.MONTH));
        show();
        dialogs.chooseAnswer = 1;
        assertTrue(moveNow(yoga.id(), WED.plusDays(1), null));
        ui.await(() -> placed().equals(List.of("Yoga 2026-11-26", "~Yoga 2026-12-03")));
        assertEquals(1, store.allItems().size(), "no row made");
        // A later date: only the series can move, after a confirmation; cancelled, nothing moves.
        dialogs.confirmAnswer = false;
        assertFalse(moveNow(yoga.id() + "@2026-12-03", LocalDate.of(2026, 12, 4), null));
        dialogs.confirmAnswer = true;
        assertTrue(moveNow(yoga.id() + "@2026-12-03", LocalDate.of(2026, 12, 4), null));
        ui.await(() -> placed().equals(List.of("Yoga 2026-11-27", "~Yoga 2026-12-04")));
        ui.run(undo::undo);
        ui.await(() -> placed().equals(List.of("Yoga 2026-11-26", "~Yoga 2026-12-03")));
    }

    @Test
    void dropItem_fromTheList_setsItsDueDate_undoable() {
        Item loose = store.add("Loose", null, null);
        show();
        ui.run(() -> cal.dropItem(loose.id(), "Loose", WED.plusDays(3), LocalTime.of(10, 0)));
        ui.await(() -> placed().equals(List.of("Loose 2026-11-28 10:00")));
        ui.run(undo::undo);
        ui.await(() -> placed().isEmpty());
        assertNull(store.get(loose.id()).orElseThrow().dueDate());
    }

    @Test
    void calendarListing_listsTheOpenTodosWithoutADate() {
        store.add("Loose", null, null);
        store.add("Dated", null, WED);
        assertEquals(List.of("Loose"), store.query(Listing.calendar()).stream().map(Item::title).toList());
    }

    @Test
    void freeSlot_blockDraggedOverADay_gapBetweenTheOthers_lengthDecidesFits_offTheWeekNull() {
        Item call = timed("Call Sam", WED, LocalTime.of(9, 0), 60);
        timed("Lunch", WED, LocalTime.of(12, 0), 60);
        Item report = timed("Write report", WED.plusDays(1), LocalTime.of(8, 0), 120);
        show();
        CalendarEntry dragged = ui.get(() -> cal.planProperty().get().entry(report.id()).orElseThrow());
        CalendarEntry self = ui.get(() -> cal.planProperty().get().entry(call.id()).orElseThrow());

        assertEquals(new FreeSlot(600, 720, true), ui.get(() -> cal.freeSlot(dragged, WED, LocalTime.of(10, 0))));
        assertEquals(new FreeSlot(600, 720, false), ui.get(() -> cal.freeSlot(dragged, WED, LocalTime.of(10, 30))),
                "two hours from 10:30 run into lunch");
        assertEquals(new FreeSlot(0, 720, true), ui.get(() -> cal.freeSlot(self, WED, LocalTime.of(9, 30))),
                "the call's own block is not in its way");
        assertNull(ui.get(() -> cal.freeSlot(dragged, WED.plusWeeks(3), LocalTime.NOON)));
    }

    @Test
    void freeSlotForItem_draggedFromTheList_lengthFromItsRow_tooShortBeforeTheNextBlock() {
        timed("Standup", WED, LocalTime.of(8, 30), 30);
        timed("Review", WED, LocalTime.of(10, 30), 60);
        Item report = timed("Write report", null, null, 120);
        Item loose = store.add("Loose", null, null);
        show();

        ui.run(() -> cal.itemDragStarted(new ItemRow(report)));
        assertEquals(new FreeSlot(540, 630, false), ui.get(() -> cal.freeSlotForItem(report.id(), WED, LocalTime.of(9, 0))),
                "two hours from 9:00 run into the review at 10:30");
        assertEquals(new FreeSlot(690, 1440, true), ui.get(() -> cal.freeSlotForItem(report.id(), WED, LocalTime.of(12, 0))));
        assertNull(ui.get(() -> cal.freeSlotForItem(report.id(), WED.plusWeeks(3), LocalTime.NOON)));

        ui.run(() -> cal.itemDragStarted(new ItemRow(loose)));
        assertEquals(new FreeSlot(540, 630, true), ui.get(() -> cal.freeSlotForItem(loose.id(), WED, LocalTime.of(9, 0))),
                "a todo without a length is half an hour long, as its block would be");
    }
}
