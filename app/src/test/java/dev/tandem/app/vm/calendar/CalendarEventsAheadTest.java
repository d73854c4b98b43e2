package dev.tandem.app.vm.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.events.CalendarEvent;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestUi;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.engine.Db;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The week's events read on an executor of their own, run by hand here: the todos are asked for while they are
 * read, the neighbouring weeks are read ahead, and a late result for a week no longer shown is dropped; the
 * neighbouring weeks' todos are subscribed too, so a switch to one shows its plan at once and it stays live.
 */
@Tag("unit")
class CalendarEventsAheadTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** Wednesday 25 November 2026; its week (from Monday, UK) starts on the 23rd. */
    private static final LocalDate WED = LocalDate.of(2026, 11, 25);
    private final TestUi ui = new TestUi();
    private final TestClock clock = new TestClock(ZONE);
    private final TodoStore store = new TodoStore(Db.openMemory(), clock, ZONE);
    /** The events' reads, queued until the test runs them. */
    private final List<Runnable> queued = Collections.synchronizedList(new ArrayList<>());
    /** The first day of each range whose events were read, in the order read. */
    private final List<LocalDate> read = Collections.synchronizedList(new ArrayList<>());
    private CalendarViewModel cal;

    @BeforeEach
    void start() {
        clock.set(ZonedDateTime.of(2026, 11, 25, 12, 0, 0, 0, ZONE).toInstant());
        Async async = new Async(Runnable::run, ui, e -> {
            throw new AssertionError(e);
        });
        cal = new CalendarViewModel(store, async, null, new SimpleObjectProperty<>(WED), new UndoManager(async),
                new FakeDialogs(), s -> { }, r -> { }, Locale.UK);
        Executor byHand = queued::add;
        cal.useEvents(r -> {
            read.add(r.first());
            // One event on the range's first day, titled after it.
            LocalDate d = r.first();
            CalendarEvent e = new CalendarEvent("Work", "e-" + d, d.atTime(10, 0).toInstant(ZoneOffset.UTC).toEpochMilli(),
                    d.atTime(11, 0).toInstant(ZoneOffset.UTC).toEpochMilli(), true, false, "Week of " + d, "");
            return EventEntry.on(e, "#1f4e9c", r.first(), r.last(), ZONE);
        }, byHand);
    }

    @AfterEach
    void close() {
        cal.close();
        store.close();
        ui.close();
    }

    private void runRead(int i) {
        queued.set(i, null).run();
    }

    private List<String> shownEvents() {
        return ui.get(() -> cal.planProperty().get().days().stream().flatMap(d -> d.events().stream())
                .map(EventEntry::title).toList());
    }

    @Test
    void next_lateEventsOfTheWeekBefore_areDropped_theNeighboursWereReadAhead() {
        LocalDate week = LocalDate.of(2026, 11, 23);
        store.add("Call", null, WED);
        ui.run(() -> cal.follow(true));
        ui.flush();
        // The todos were asked for (the background executor runs at once here) while no event has been read:
        // the week, then the weeks after and before, are queued on the events' executor.
        assertEquals(3, queued.size());
        assertFalse(ui.get(() -> cal.loadedProperty().get()), "the plan waits for the week's events");

        ui.run(cal::next);
        ui.flush();
        assertEquals(4, queued.size(), "the week after was already under way: only the one after it is added");
        // The week now shown is read; its plan shows at once with its events.
        runRead(1);
        ui.await(() -> cal.loadedProperty().get());
        assertEquals(List.of("Week of " + week.plusWeeks(1)), shownEvents());
        assertEquals(week.plusWeeks(1), ui.get(() -> cal.planProperty().get().range().first()));

        // The week before's read ends late: it never replaces the week on screen.
        runRead(0);
        ui.flush();
        assertEquals(week.plusWeeks(1), ui.get(() -> cal.planProperty().get().range().first()));
        assertEquals(List.of("Week of " + week.plusWeeks(1)), shownEvents());
        assertEquals(List.of(week.plusWeeks(1), week), read);

        // Back a week: its events, read ahead, show without a new read.
        ui.run(cal::previous);
        ui.await(() -> cal.loadedProperty().get());
        assertEquals(week, ui.get(() -> cal.planProperty().get().range().first()));
        assertEquals(List.of("Week of " + week), shownEvents());
        assertEquals(2, read.size(), "no week was read twice");
        assertTrue(ui.get(() -> cal.planProperty().get().days().stream().anyMatch(d -> !d.entries().isEmpty())),
                "the todos show beside the events");
    }

    @Test
    void follow_hiddenAndShownAgain_readsTheWeekAgain() {
        ui.run(() -> cal.follow(true));
        runRead(0);
        ui.await(() -> cal.loadedProperty().get());
        ui.run(() -> cal.follow(false));
        ui.run(() -> cal.follow(true));
        ui.flush();
        assertEquals(6, queued.size(), "shown again, nothing read before is trusted");
        runRead(3);
        ui.await(() -> cal.loadedProperty().get());
        assertEquals(List.of(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 23)), read);
    }

    @Test
    void eventsChanged_forgetsWhatWasReadAhead_theWeekIsReadAgain() {
        ui.run(() -> cal.follow(true));
        runRead(0);
        ui.await(() -> cal.loadedProperty().get());
        ui.run(cal::eventsChanged);
        ui.flush();
        assertFalse(ui.get(() -> cal.loadedProperty().get()));
        assertEquals(6, queued.size(), "the week and both neighbours are read again");
        runRead(3);
        ui.await(() -> cal.loadedProperty().get());
        assertEquals(List.of(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 23)), read);
    }

    private List<String> shownTitles() {
        return ui.get(() -> cal.planProperty().get().days().stream().flatMap(d -> d.entries().stream())
                .map(CalendarEntry::title).sorted().toList());
    }

    @Test
    void next_neighbourReadAhead_showsItsPlanInTheSamePulse_andLaterCommitsReachIt() {
        LocalDate week = LocalDate.of(2026, 11, 23);
        store.add("Next week's call", null, WED.plusWeeks(1));
        ui.run(() -> cal.follow(true));
        for (int i = 0; i < 3; i++) {
            runRead(i);
        }
        ui.await(() -> cal.loadedProperty().get());
        // A todo of the week after, added while this week shows: the week after's live query hears it.
        store.add("Added meanwhile", null, WED.plusWeeks(1));
        CalendarRange after = ui.get(() -> cal.rangeProperty().get().next());
        ui.await(() -> {
            CalendarPlan ahead = cal.readAhead(after);
            return ahead != null && ahead.days().stream().flatMap(d -> d.entries().stream()).count() == 2;
        });

        // The key and the week's plan in one task of the UI executor: nothing is asked for or laid out meanwhile.
        List<Object> atOnce = ui.get(() -> {
            cal.next();
            CalendarPlan p = cal.planProperty().get();
            return List.of(cal.loadedProperty().get(), p.range().first(),
                    p.days().stream().mapToInt(d -> d.entries().size()).sum() > 0,
                    p.days().stream().mapToInt(d -> d.events().size()).sum());
        });
        assertEquals(List.of(true, week.plusWeeks(1), true, 1), atOnce,
                "loaded, the week after, its todos and its event, shown with the key");
        assertEquals(List.of("Added meanwhile", "Next week's call"), shownTitles());

        // The week after that is read ahead now, and the week before the first one is let go.
        CalendarRange twoOn = ui.get(() -> cal.rangeProperty().get().next());
        runRead(3);
        ui.await(() -> cal.readAhead(twoOn) != null);
        assertEquals(null, cal.readAhead(after.previous().previous()), "two weeks back is no neighbour");
        assertTrue(ui.get(() -> {
            cal.next();
            return cal.loadedProperty().get() && cal.planProperty().get().range().first().equals(week.plusWeeks(2));
        }), "the week after that, shown with the key");
    }
}
