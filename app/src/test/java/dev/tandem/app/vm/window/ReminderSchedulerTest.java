package dev.tandem.app.vm.window;

import dev.tandem.app.vm.shared.UndoManager;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestUi;
import dev.tandem.engine.Db;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * When reminders fire, on a clock the test moves; no toolkit. The database records changes on the same
 * clock, from a day before: when a reminder was set is part of whether it fires.
 */
@Tag("unit")
class ReminderSchedulerTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Instant NOON = Instant.parse("2026-11-18T11:00:00Z");
    /** 12:00 in Berlin, on a Monday. */
    private static final Instant MONDAY_NOON = Instant.parse("2026-11-23T11:00:00Z");
    private final TestUi ui = new TestUi();
    private final TestClock clock = new TestClock(ZONE);
    private final List<ReminderScheduler.Reminder> fired = new CopyOnWriteArrayList<>();
    private TodoStore store;
    private MainViewModel vm;
    private ReminderScheduler scheduler;

    @BeforeEach
    void start() {
        clock.set(NOON.minus(Duration.ofDays(1)));
        store = new TodoStore(Db.builder().memory().clock(clock).build(), clock, ZONE);
        clock.set(NOON);
        Async async = new Async(Runnable::run, ui, e -> {
            throw new AssertionError(e);
        });
        vm = new MainViewModel(store, async, new FakeDialogs(), new UndoManager(async));
        scheduler = new ReminderScheduler(store, async, clock, vm.commands());
        scheduler.onFire(fired::add);
    }

    @AfterEach
    void close() {
        scheduler.close();
        vm.close();
        store.close();
        ui.close();
    }

    /** A todo whose reminder was set an hour ahead of {@code at}, as reminders are. */
    private Item remindAt(String title, Instant at) {
        Instant now = clock.instant();
        clock.set(at.minus(Duration.ofHours(1)));
        try {
            return remindSetNow(title, at);
        } finally {
            clock.set(now);
        }
    }

    /** A todo whose reminder is set now, when {@code at} may have passed already. */
    private Item remindSetNow(String title, Instant at) {
        return store.add(title, null, null, null, new TodoDetails(null, List.of(), null, at.toEpochMilli())).item();
    }

    @Test
    void check_beforeTheTime_firesNothing_thenAtTheTime_firesOnceAndDismisses() {
        Item it = remindAt("Call Sam", NOON.plus(Duration.ofMinutes(30)));
        ui.run(scheduler::start);
        ui.await(() -> scheduler.nextAt() != null);
        ui.run(scheduler::check);
        assertTrue(fired.isEmpty());
        clock.advance(Duration.ofMinutes(31));
        ui.run(scheduler::check);
        ui.run(scheduler::check);
        assertEquals(List.of("Call Sam"), fired.stream().map(ReminderScheduler.Reminder::title).toList());
        ui.await(() -> !store.get(it.id()).orElseThrow().reminderPending());
    }

    @Test
    void start_reminderDueWhileClosed_firesOnceAtStart() {
        remindAt("Missed", NOON.minus(Duration.ofHours(2)));
        remindAt("Done already", NOON.minus(Duration.ofHours(1)));
        store.setDone(store.allItems().get(1).id(), true);
        ui.run(scheduler::start);
        ui.await(() -> fired.size() == 1);
        assertEquals("Missed", fired.get(0).title());
    }

    @Test
    void snooze_firesAgainTenMinutesLater() {
        remindAt("Stretch", NOON.minusSeconds(1));
        ui.run(scheduler::start);
        ui.await(() -> fired.size() == 1);
        ui.run(() -> scheduler.snooze(fired.get(0)));
        ui.await(() -> scheduler.nextAt() != null);
        clock.advance(Duration.ofMinutes(9));
        ui.run(scheduler::check);
        assertEquals(1, fired.size());
        clock.advance(Duration.ofMinutes(2));
        ui.run(scheduler::check);
        // It fires once this process has claimed it (a worker task), whose answer is queued on the UI thread:
        // waited for, as the worker may not have run yet when the UI queue is first drained.
        ui.await(() -> fired.size() == 2);
        assertEquals(2, fired.size());
    }

    @Test
    void done_completesTheTodo() {
        Item it = remindAt("Pay rent", NOON.minusSeconds(1));
        ui.run(scheduler::start);
        ui.await(() -> fired.size() == 1);
        ui.run(() -> scheduler.done(fired.get(0)));
        ui.await(() -> store.get(it.id()).orElseThrow().isDone());
        assertFalse(store.get(it.id()).orElseThrow().reminderPending());
    }

    @Test
    void quickAdd_reminderTimeAlreadyPassed_doesNotFire_andTheMessageSaysSo() {
        remindAt("Call Sam", NOON.plus(Duration.ofDays(7)));
        ui.run(scheduler::start);
        ui.await(() -> scheduler.nextAt() != null);
        clock.set(MONDAY_NOON);
        ui.run(() -> {
            vm.quickAdd().textProperty().set("Water plants every monday p2 @home #Garden remind 9am");
            vm.quickAdd().submit();
        });
        long nine = MONDAY_NOON.atZone(ZONE).toLocalDate().atTime(9, 0).atZone(ZONE).toInstant().toEpochMilli();
        ui.await(() -> store.allItems().stream().anyMatch(i -> i.titleOrEmpty().equals("Water plants")
                && Long.valueOf(nine).equals(i.remindAt()) && !i.reminderPending()));
        ui.await(() -> vm.messageProperty().get().startsWith("No reminder"));
        assertEquals("No reminder for “Water plants”: 9:00 today has passed.", vm.messageProperty().get());
        ui.run(scheduler::check);
        assertEquals(List.of(), fired);
    }

    @Test
    void start_reminderSetAfterItsTime_staysQuiet_whileOneSetAheadAndMissed_fires() {
        remindAt("Missed", NOON.minus(Duration.ofHours(2)));
        Item late = remindSetNow("Set late", NOON.minus(Duration.ofHours(1)));
        ui.run(scheduler::start);
        ui.await(() -> !store.get(late.id()).orElseThrow().reminderPending());
        ui.await(() -> fired.size() == 1);
        assertEquals("Missed", fired.get(0).title());
        assertEquals("", vm.messageProperty().get(), "nothing set while the app ran: nothing to say");
    }
}
