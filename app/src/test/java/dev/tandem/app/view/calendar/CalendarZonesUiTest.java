package dev.tandem.app.view.calendar;

import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.view.MainView;
import dev.tandem.app.vm.calendar.CalendarEntry;
import dev.tandem.app.vm.calendar.CalendarRange;
import dev.tandem.app.vm.calendar.CalendarViewModel;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The week grid in a real (headless) window where the calendar's rules meet the host's: the week the
 * clocks go forward in Berlin, and the first day of the week in the US and in Britain. Each test sets
 * the default time zone (the profile's dates follow it) and format locale (the calendar's week follows
 * it) before its window is made, and puts them back after.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CalendarZonesUiTest {
    /** Sunday 28 March 2027: in Berlin 2:00 becomes 3:00. */
    private static final LocalDate SPRING_FORWARD = LocalDate.of(2027, 3, 28);

    @TempDir
    static Path tmp;

    private final CalendarRegion region = CalendarRegion.saved();
    private final TimeZone zone = TimeZone.getDefault();
    private Stage stage;
    private Device device;
    private MainView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** The app's window on a new profile, in {@code zone} and {@code locale}, showing the week of {@code day}. */
    private void open(ZoneId zoneId, Locale format, LocalDate day) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone(zoneId));
        // As the app's start reads it from LANG: the system's region decides the week of its language.
        region.switchTo(format);
        device = Device.open("UI test", Files.createTempDirectory(tmp, "zones"), FxExecutor.INSTANCE, null,
                Duration.ofSeconds(3));
        fx(() -> {
            view = MainWindow.create(device, Theme.LIGHT, null);
            stage.setScene(new Scene(view, 1300, 860));
            stage.show();
            view.start();
            return null;
        });
        waitFor(() -> view.lookup("#items") != null);
        fx(() -> {
            view.viewModel().selectCalendar(CalendarRange.Mode.WEEK);
            view.viewModel().calendar().selectDay(day);
            return null;
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (view != null) {
            fx(() -> {
                view.close();
                return null;
            });
        }
        if (device != null) {
            device.close();
        }
        TimeZone.setDefault(zone);
        region.close();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private Item timed(String title, LocalDate day, int hour, int minute, int minutes) {
        return device.store().add(title, null, null, day,
                new TodoDetails(null, List.of(), null, null, false, LocalTime.of(hour, minute), minutes)).item();
    }

    private Optional<Node> block(FxRobot robot, String id) {
        return robot.lookup(".calendar-block").queryAll().stream()
                .filter(n -> n.isVisible() && n.getUserData() instanceof CalendarEntry e && e.key().equals(id)).findFirst();
    }

    private boolean blockAt(FxRobot robot, String id, double hours, int column) {
        return block(robot, id).map(n -> n.getLayoutY() == hours * WeekGrid.HOUR_HEIGHT
                && (int) ((n.getLayoutX() - WeekGrid.GUTTER) / dayWidth(robot)) == column).orElse(false);
    }

    private static double dayWidth(FxRobot robot) {
        return robot.lookup("#calendar-week").query().lookup(".calendar-column").getBoundsInParent().getWidth();
    }

    /** The day headers' texts from left to right, as laid out. */
    private static List<String> headers(FxRobot robot) {
        return robot.lookup("#calendar-week").query().lookupAll(".calendar-day-header").stream()
                .sorted(Comparator.comparingDouble(n -> n.localToScene(0, 0).getX()))
                .map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void week_springForwardInBerlin_blocksAtTheirWallClockRows_aMoveKeepsTheWallClock(FxRobot robot) throws Exception {
        open(ZoneId.of("Europe/Berlin"), Locale.UK, SPRING_FORWARD);
        assertEquals(ZoneId.of("Europe/Berlin"), device.store().dateClock().getZone());
        // 2:30 does not exist that night in Berlin; the todo still says 2:30 and sits on the 2:30 row.
        Item early = timed("Night train", SPRING_FORWARD, 1, 30, 30);
        Item skipped = timed("Feed the cat", SPRING_FORWARD, 2, 30, 30);
        waitFor(() -> blockAt(robot, early.id(), 1.5, 6) && blockAt(robot, skipped.id(), 2.5, 6));
        assertEquals(List.of("Mon 22", "Tue 23", "Wed 24", "Thu 25", "Fri 26", "Sat 27", "Sun 28"), fx(() -> headers(robot)));

        // An hour later by the keyboard (four quarter hours): 1:30 becomes 2:30 by the wall clock, not 3:30.
        CalendarViewModel cal = view.viewModel().calendar();
        CalendarEntry entry = fx(() -> cal.planProperty().get().entry(early.id()).orElseThrow());
        fx(() -> {
            cal.selectEntry(entry);
            view.lookup("#calendar").requestFocus();
            return null;
        });
        for (int i = 1; i <= 4; i++) {
            LocalTime expected = LocalTime.of(1, 30).plusMinutes(15L * i);
            robot.press(KeyCode.ALT, KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT, KeyCode.ALT);
            waitFor(() -> expected.equals(device.store().get(early.id()).orElseThrow().timeOfDay()));
        }
        Item moved = device.store().get(early.id()).orElseThrow();
        assertEquals("02:30", moved.dueTime());
        assertEquals(SPRING_FORWARD, moved.dueDate());
        waitFor(() -> blockAt(robot, early.id(), 2.5, 6));
        // The two now overlap: side by side, each half the column.
        double width = fx(() -> block(robot, early.id()).orElseThrow().getLayoutBounds().getWidth());
        double column = fx(() -> dayWidth(robot));
        assertTrue(width < column / 2 + 1, "side by side: " + width + " of " + column);
    }

    @Test
    void week_usLocale_startsOnSunday_britishOnMonday(FxRobot robot) throws Exception {
        open(ZoneId.of("America/New_York"), Locale.US, SPRING_FORWARD);
        Item sunday = timed("Brunch", SPRING_FORWARD, 11, 0, 60);
        waitFor(() -> blockAt(robot, sunday.id(), 11, 0));
        assertEquals(List.of("Sun 28", "Mon 29", "Tue 30", "Wed 31", "Thu 1", "Fri 2", "Sat 3"), fx(() -> headers(robot)));
        assertEquals("28 March – 3 April 2027", fx(() -> robot.lookup("#calendar-title").queryLabeled().getText()));
        close();

        view = null;
        device = null;
        open(ZoneId.of("Europe/London"), Locale.UK, SPRING_FORWARD);
        Item same = timed("Brunch", SPRING_FORWARD, 11, 0, 60);
        waitFor(() -> blockAt(robot, same.id(), 11, 6));
        assertEquals("Mon 22", fx(() -> headers(robot)).get(0));
    }
}
