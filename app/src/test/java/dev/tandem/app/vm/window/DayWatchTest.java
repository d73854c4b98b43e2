package dev.tandem.app.vm.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestUi;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DayWatchTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    private final TestUi ui = new TestUi();
    private final TestClock clock = new TestClock(ZONE);
    private DayWatch watch;

    @AfterEach
    void close() {
        if (watch != null) {
            watch.close();
        }
        ui.close();
    }

    private void setLocal(LocalDateTime t) {
        clock.set(t.atZone(ZONE).toInstant());
    }

    @Test
    void untilNextCheck_justBeforeMidnight_wakesJustAfterIt() {
        ZonedDateTime now = DAY.atTime(23, 59, 30).atZone(ZONE);
        assertEquals(Duration.ofMillis(30_050), DayWatch.untilNextCheck(now, DayWatch.MAX_WAIT));
    }

    @Test
    void untilNextCheck_midday_waitsAtMostAMinute() {
        ZonedDateTime now = DAY.atTime(12, 0).atZone(ZONE);
        assertEquals(Duration.ofMinutes(1), DayWatch.untilNextCheck(now, DayWatch.MAX_WAIT));
    }

    @Test
    void check_clockPastMidnight_movesTodayOnce() {
        setLocal(DAY.atTime(23, 59));
        watch = new DayWatch(clock, ui);
        List<LocalDate> seen = new CopyOnWriteArrayList<>();
        watch.todayProperty().addListener((o, a, b) -> seen.add(b));
        ui.run(watch::check);
        assertEquals(List.of(), seen, "same day: nothing to re-evaluate");
        clock.advance(Duration.ofMinutes(2));
        ui.run(watch::check);
        ui.run(watch::check);
        assertEquals(List.of(DAY.plusDays(1)), seen);
    }

    @Test
    void check_clockSetBack_movesTodayBack() {
        setLocal(DAY.atTime(0, 1));
        watch = new DayWatch(clock, ui);
        clock.advance(Duration.ofMinutes(-5));
        ui.run(watch::check);
        assertEquals(DAY.minusDays(1), ui.get(watch::today));
    }

    @Test
    void start_clockJumpsAcrossMidnight_timerCatchesIt() {
        setLocal(DAY.atTime(9, 0));
        watch = new DayWatch(clock, ui, Duration.ofMillis(20));
        watch.start();
        ui.flush();
        assertEquals(DAY, ui.get(watch::today));
        // A resume the next morning: no midnight passed on the timer's own clock.
        clock.advance(Duration.ofHours(24));
        ui.await(() -> DAY.plusDays(1).equals(watch.today()));
    }

    @Test
    void close_thenCheck_keepsTheOldDate() {
        setLocal(DAY.atTime(23, 59));
        watch = new DayWatch(clock, ui);
        watch.close();
        clock.advance(Duration.ofMinutes(2));
        ui.run(watch::check);
        assertEquals(DAY, ui.get(watch::today));
    }
}
