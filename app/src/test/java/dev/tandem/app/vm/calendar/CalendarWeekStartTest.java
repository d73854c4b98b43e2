package dev.tandem.app.vm.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestUi;
import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.engine.Db;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import dev.tandem.ui.messages.WeekStart;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The day the window's week and month start on: the language's (with the system's region where it speaks that
 * language), so German and French weeks start on Monday even on a system set to another language; the test JVM's
 * system is en_US, whose weeks start on Sunday.
 */
@Tag("unit")
class CalendarWeekStartTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private final TestUi ui = new TestUi();
    private final TestClock clock = new TestClock(ZONE);
    private final TodoStore store = new TodoStore(Db.openMemory(), clock, ZONE);
    private MainViewModel vm;

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
        store.close();
        ui.close();
        Messages.use(Language.ENGLISH);
        WeekStart.choose(Optional.empty());
    }

    private CalendarRange range(Language language, CalendarRange.Mode mode) {
        Messages.use(language);
        clock.set(Instant.parse("2026-11-28T10:00:00Z"));
        Async async = new Async(Runnable::run, ui, e -> {
            throw new AssertionError(e);
        });
        vm = new MainViewModel(store, async, new FakeDialogs(), new UndoManager(async));
        ui.run(vm::start);
        ui.run(() -> vm.calendar().setMode(mode));
        return ui.get(() -> vm.calendar().rangeProperty().get());
    }

    @Test
    void calendar_german_weekAndMonthStartOnMonday() {
        CalendarRange week = range(Language.GERMAN, CalendarRange.Mode.WEEK);
        assertEquals(DayOfWeek.MONDAY, week.first().getDayOfWeek());
        assertEquals("Mo.", week.weekdayNames().get(0));
        ui.run(() -> vm.calendar().setMode(CalendarRange.Mode.MONTH));
        assertEquals(DayOfWeek.MONDAY, ui.get(() -> vm.calendar().rangeProperty().get()).first().getDayOfWeek());
    }

    @Test
    void calendar_french_weekStartsOnMonday() {
        CalendarRange week = range(Language.FRENCH, CalendarRange.Mode.WEEK);
        assertEquals(DayOfWeek.MONDAY, week.first().getDayOfWeek());
        assertEquals("lun.", week.weekdayNames().get(0));
    }

    @Test
    void calendar_englishOnAUsSystem_weekStartsOnSunday() {
        assertEquals(DayOfWeek.SUNDAY, range(Language.ENGLISH, CalendarRange.Mode.WEEK).first().getDayOfWeek());
    }

    /** Settings → "Week starts on": the week and month shown follow at once, and the default comes back. */
    @Test
    void weekStartChanged_chosenDay_weekAndMonthStartOnItAtOnce() {
        range(Language.GERMAN, CalendarRange.Mode.MONTH);
        WeekStart.choose(Optional.of(DayOfWeek.SATURDAY));
        ui.run(() -> vm.calendar().weekStartChanged());
        CalendarRange month = ui.get(() -> vm.calendar().rangeProperty().get());
        assertEquals(DayOfWeek.SATURDAY, month.first().getDayOfWeek());
        assertEquals("Sa.", month.weekdayNames().get(0));
        ui.run(() -> vm.calendar().setMode(CalendarRange.Mode.WEEK));
        assertEquals(LocalDate.of(2026, 11, 28), ui.get(() -> vm.calendar().rangeProperty().get()).first(),
                "Saturday 28 November opens its own week");
        WeekStart.choose(Optional.empty());
        ui.run(() -> vm.calendar().weekStartChanged());
        assertEquals(DayOfWeek.MONDAY, ui.get(() -> vm.calendar().rangeProperty().get()).first().getDayOfWeek());
    }
}
