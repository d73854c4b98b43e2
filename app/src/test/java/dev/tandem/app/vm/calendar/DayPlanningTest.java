package dev.tandem.app.vm.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.events.CalendarEvent;
import dev.tandem.app.model.events.DayPlanner.Hours;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestUi;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.engine.Db;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** "Plan my day" through a real store without a toolkit: the preview asked, one write, one undo, nothing unasked. */
@Tag("unit")
class DayPlanningTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    private final TestUi ui = new TestUi();
    private final TestClock clock = new TestClock(ZONE);
    private final TodoStore store = new TodoStore(Db.openMemory(), clock, ZONE);
    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<String> said = new ArrayList<>();
    private UndoManager undo;
    private DayPlanning planning;

    @BeforeEach
    void start() {
        clock.set(ZonedDateTime.of(2026, 11, 25, 8, 0, 0, 0, ZONE).toInstant());
        Async async = new Async(Runnable::run, ui, e -> {
            throw new AssertionError(e);
        });
        undo = new UndoManager(async);
        planning = new DayPlanning(store, async, dialogs, undo, said::add);
        long s = DAY.atTime(10, 0).atZone(ZONE).toInstant().toEpochMilli();
        planning.useEvents(d -> d.equals(DAY)
                ? List.of(new CalendarEvent("Work", "1", s, s + 3_600_000L, false, false, "Review", "")) : List.of());
    }

    @AfterEach
    void close() {
        store.close();
        ui.close();
    }

    private Item todo(String title, LocalTime time, Integer minutes) {
        return store.add(title, null, null, DAY, new TodoDetails(null, List.of(), null, null, false, time, minutes)).item();
    }

    private LocalTime timeOf(Item it) {
        return store.get(it.id()).orElseThrow().timeOfDay();
    }

    private void planAndWait() {
        int before = said.size() + dialogs.asked.size() + dialogs.notifications.size();
        ui.run(planning::planToday);
        ui.await(() -> said.size() + dialogs.asked.size() + dialogs.notifications.size() > before
                && !planning.busyProperty().get());
        ui.flush();
    }

    @Test
    void planToday_confirmed_timesEveryTodoInTheGapsAsOneUndoableStep() {
        Item report = todo("Write report", null, 120);
        Item call = todo("Call the bank", null, 30);
        todo("Standup", LocalTime.of(9, 0), 30);
        Item noLength = todo("Someday maybe", null, null);
        planAndWait();
        ui.await(() -> said.stream().anyMatch(s -> s.startsWith("Planned 2")));
        String preview = dialogs.confirmMessages.get(0);
        assertTrue(preview.contains("\n9:30–10:00  Call the bank\n11:00–13:00  Write report"), preview);
        // 09:30-10:00 is too short for the report (the event holds 10-11): it goes at 11:00, the call in the gap.
        assertEquals(LocalTime.of(11, 0), timeOf(report));
        assertEquals(LocalTime.of(9, 30), timeOf(call));
        assertNull(timeOf(noLength));
        assertEquals("Undo Plan my day", ui.get(() -> undo.labelProperty().get()), "one step");
        ui.run(undo::undo);
        ui.await(() -> timeOf(report) == null && timeOf(call) == null);
        ui.run(undo::redo);
        ui.await(() -> LocalTime.of(11, 0).equals(timeOf(report)) && LocalTime.of(9, 30).equals(timeOf(call)));
    }

    @Test
    void planToday_declined_writesNothingAndPushesNoUndo() {
        Item call = todo("Call the bank", null, 30);
        dialogs.confirmAnswer = false;
        planAndWait();
        assertEquals(1, dialogs.confirmMessages.size());
        assertNull(timeOf(call));
        assertFalse(ui.get(() -> undo.canUndoProperty().get()));
    }

    @Test
    void planToday_manyProposals_theQuestionNamesTheFirstAndCountsTheRest() {
        for (int i = 0; i < DayPlanning.SHOWN + 5; i++) {
            todo("Task " + i, null, 5);
        }
        dialogs.confirmAnswer = false;
        planAndWait();
        String preview = dialogs.confirmMessages.get(0);
        assertEquals(DayPlanning.SHOWN, preview.lines().filter(l -> l.contains("  Task ")).count(), preview);
        assertTrue(preview.endsWith("\n… and 5 more"), preview);
    }

    @Test
    void planToday_nothingWithALength_saysSoWithoutAsking() {
        todo("Someday maybe", null, null);
        planAndWait();
        assertTrue(dialogs.confirmMessages.isEmpty());
        assertTrue(said.get(0).startsWith("No todo due today has a length"), said.toString());
    }

    @Test
    void planToday_workingHoursOverAndTimedMeanwhile_reportsAndKeepsTheLaterTime() {
        planning.useHours(() -> new Hours(LocalTime.of(9, 0), LocalTime.of(17, 0)));
        Item call = todo("Call the bank", null, 30);
        AtomicReference<Boolean> first = new AtomicReference<>(true);
        clock.set(ZonedDateTime.of(2026, 11, 25, 17, 30, 0, 0, ZONE).toInstant());
        planAndWait();
        assertTrue(dialogs.notifications.get(0).contains("Call the bank: today’s working hours are over"),
                dialogs.notifications.toString());
        assertNull(timeOf(call));
        clock.set(ZonedDateTime.of(2026, 11, 25, 8, 0, 0, 0, ZONE).toInstant());
        // The person times the todo by hand while the preview is open: the plan keeps their time.
        dialogs.onConfirm = () -> {
            if (first.getAndSet(false)) {
                store.update(call.id(), it -> it.withDueTime(LocalTime.of(15, 0)));
            }
        };
        planAndWait();
        ui.await(() -> said.stream().anyMatch(s -> s.contains("changed meanwhile")));
        assertEquals(LocalTime.of(15, 0), timeOf(call));
    }

    @Test
    void planToday_slotTakenWhileTheQuestionIsOpen_leavesThatTodoUntimedAndSaysWhy() {
        Item report = todo("Write report", null, 120);
        Item call = todo("Call the bank", null, 30);
        Item lunch = todo("Lunch with Ana", null, null);
        // Another window times a todo into the report's proposed slot (11:00-13:00) while the question is open.
        dialogs.onConfirm = () -> store.update(lunch.id(), it -> it.withDueTime(LocalTime.of(12, 0)));
        planAndWait();
        ui.await(() -> said.stream().anyMatch(s -> s.startsWith("Planned 1")));
        assertNull(timeOf(report), "its slot is taken now");
        assertEquals(LocalTime.of(9, 0), timeOf(call));
        String feedback = said.get(said.size() - 1);
        assertTrue(feedback.contains("Write report") && feedback.contains("taken"), feedback);
        ui.run(undo::undo);
        ui.await(() -> timeOf(call) == null);
        assertNull(timeOf(report));
        assertEquals(LocalTime.of(12, 0), timeOf(lunch), "undo takes back only what the plan wrote");
    }

    @Test
    void planToday_eventAddedWhileTheQuestionIsOpen_leavesTheTodoItOverlapsUntimed() {
        Item call = todo("Call the bank", null, 30);
        List<CalendarEvent> events = new ArrayList<>();
        planning.useEvents(d -> List.copyOf(events));
        long s = DAY.atTime(9, 15).atZone(ZONE).toInstant().toEpochMilli();
        // A calendar refresh brings an event over the proposed 9:00-9:30 while the question is open.
        dialogs.onConfirm = () -> events.add(new CalendarEvent("Work", "2", s, s + 1_800_000L, false, false, "Call", ""));
        planAndWait();
        ui.await(() -> said.stream().anyMatch(m -> m.contains("Call the bank")));
        assertNull(timeOf(call));
        assertFalse(ui.get(() -> undo.canUndoProperty().get()), "nothing written, nothing to undo");
    }

    @Test
    void planDay_anotherDay_itsTodosBetweenItsEvents_asOneUndoableStep() {
        LocalDate thu = DAY.plusDays(1);
        long s = thu.atTime(9, 0).atZone(ZONE).toInstant().toEpochMilli();
        planning.useEvents(d -> d.equals(thu)
                ? List.of(new CalendarEvent("Work", "3", s, s + 3_600_000L, false, false, "Planning", "")) : List.of());
        Item report = store.add("Write report", null, null, thu,
                new TodoDetails(null, List.of(), null, null, false, null, 60)).item();
        Item today = todo("Call the bank", null, 30);
        int before = said.size();
        ui.run(() -> planning.planDay(thu));
        ui.await(() -> said.size() > before && !planning.busyProperty().get());
        assertEquals("confirm: Plan Thu 26 Nov", dialogs.asked.get(0));
        assertTrue(dialogs.confirmMessages.get(0).contains("10:00–11:00  Write report"), dialogs.confirmMessages.toString());
        assertFalse(dialogs.confirmMessages.get(0).contains("Call the bank"), "today's todos are not that day's");
        assertEquals(LocalTime.of(10, 0), timeOf(report));
        assertNull(timeOf(today));
        assertEquals("Undo Plan my day", ui.get(() -> undo.labelProperty().get()));
        ui.run(undo::undo);
        ui.await(() -> timeOf(report) == null);
        assertFalse(ui.get(() -> undo.canUndoProperty().get()), "one step");
    }

    @Test
    void planDay_aDayWithNothingToPlan_namesTheDay() {
        ui.run(() -> planning.planDay(DAY.plusDays(2)));
        ui.await(() -> !said.isEmpty() && !planning.busyProperty().get());
        assertTrue(said.get(0).startsWith("No todo due on Fri 27 Nov has a length"), said.toString());
        assertTrue(dialogs.asked.isEmpty());
    }

    @Test
    void redo_anEventNowHoldsTheSlot_thatTodoStaysUntimedAndIsNamed() {
        Item call = todo("Call the bank", null, 30);
        Item memo = todo("Read memo", null, 30);
        List<CalendarEvent> events = new ArrayList<>();
        planning.useEvents(d -> List.copyOf(events));
        planAndWait();
        ui.await(() -> said.stream().anyMatch(m -> m.startsWith("Planned 2")));
        assertEquals(LocalTime.of(9, 0), timeOf(call));
        assertEquals(LocalTime.of(9, 30), timeOf(memo));
        ui.run(undo::undo);
        ui.await(() -> timeOf(call) == null && timeOf(memo) == null);
        // A calendar refresh brings an event over 9:00-9:30 before the redo.
        long s = DAY.atTime(9, 0).atZone(ZONE).toInstant().toEpochMilli();
        events.add(new CalendarEvent("Work", "4", s, s + 1_800_000L, false, false, "Standup", ""));
        int before = said.size();
        ui.run(undo::redo);
        ui.await(() -> said.size() > before);
        String feedback = said.get(said.size() - 1);
        assertTrue(feedback.contains("Not planned, its time was taken meanwhile: Call the bank."), feedback);
        assertNull(timeOf(call), "its slot is the event's now");
        assertEquals(LocalTime.of(9, 30), timeOf(memo));
        // Undo after that redo takes back only what the redo wrote.
        ui.run(undo::undo);
        ui.await(() -> timeOf(memo) == null);
        assertNull(timeOf(call));
    }
}
