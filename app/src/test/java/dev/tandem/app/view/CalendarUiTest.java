package dev.tandem.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.vm.CalendarEntry;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
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

/** The week grid in a real (headless) window: a drag to another day and time, the keys, an edit landing from elsewhere. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CalendarUiTest {
    @TempDir
    static Path tmp;

    private final TestClock clock = new TestClock(ZoneId.systemDefault());
    private final Locale before = Locale.getDefault(Locale.Category.FORMAT);
    private Device device;
    private MainView view;
    /** Wednesday 25 November 2026; a British week runs Monday 23 to Sunday 29. */
    private final LocalDate wed = LocalDate.of(2026, 11, 25);

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.Category.FORMAT, Locale.UK);
        clock.set(ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, ZoneId.systemDefault()).toInstant());
        Path dir = Files.createTempDirectory(tmp, "ui");
        device = Device.open("UI test", dir, FxExecutor.INSTANCE, null, Duration.ofSeconds(3), true, clock);
        view = MainWindow.create(device, Theme.LIGHT, null);
        stage.setScene(new Scene(view, 1300, 860));
        stage.show();
        view.start();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(() -> view.close()).get(5, TimeUnit.SECONDS);
        device.close();
        Locale.setDefault(Locale.Category.FORMAT, before);
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        DailyUiTest.waitFor(condition);
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
    }

    /** The block of the todo with this key on the hour grid, if shown. */
    private Optional<Node> block(FxRobot robot, String key) {
        return robot.lookup(".calendar-block").queryAll().stream()
                .filter(n -> n.getUserData() instanceof CalendarEntry e && e.key().equals(key) && n.isVisible()).findFirst();
    }

    private Item stored(String id) {
        return device.store().get(id).orElseThrow();
    }

    @Test
    void week_dragABlockToAnotherDayAndTime_keysMoveIt_anEditFromElsewhereMovesTheBlock(FxRobot robot) throws Exception {
        Item call = device.store().add("Call Sam", null, null, wed,
                new TodoDetails(null, List.of(), null, null, false, LocalTime.of(9, 0), 60)).item();
        device.store().add("Rent", null, wed);
        waitFor(() -> robot.lookup("Calendar").tryQuery().isPresent());
        robot.clickOn("#items");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.W).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> block(robot, call.id()).isPresent());
        assertEquals("23 – 29 November 2026", fx(() -> robot.lookup("#calendar-title").queryLabeled().getText()));
        assertTrue(fx(() -> robot.lookup(".calendar-day-header").queryAll().stream()
                .anyMatch(n -> n.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("today"))
                        && ((javafx.scene.control.Label) n).getText().equals("Wed 25"))), "today is marked");

        // A day to the right and two hours down: Thursday at 11:00.
        Node b = block(robot, call.id()).orElseThrow();
        double dayWidth = fx(() -> (robot.lookup("#calendar-week").query().lookup(".calendar-column")
                .getBoundsInParent().getWidth()));
        robot.drag(b).moveBy(dayWidth / 2, WeekGrid.HOUR_HEIGHT).moveBy(dayWidth / 2, WeekGrid.HOUR_HEIGHT).drop();
        waitFor(() -> wed.plusDays(1).equals(stored(call.id()).dueDate()));
        assertEquals(LocalTime.of(11, 0), stored(call.id()).timeOfDay());
        waitFor(() -> block(robot, call.id()).map(n -> n.getLayoutY() == 11 * WeekGrid.HOUR_HEIGHT).orElse(false));

        // The moved todo stays selected: Alt+Right a day on, Alt+Shift+Down a quarter hour later.
        robot.press(KeyCode.ALT).type(KeyCode.RIGHT).release(KeyCode.ALT);
        waitFor(() -> wed.plusDays(2).equals(stored(call.id()).dueDate()));
        robot.press(KeyCode.ALT, KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT, KeyCode.ALT);
        waitFor(() -> LocalTime.of(11, 15).equals(stored(call.id()).timeOfDay()));
        // Ctrl+Z takes back the last move only.
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(() -> LocalTime.of(11, 0).equals(stored(call.id()).timeOfDay()));
        assertEquals(wed.plusDays(2), stored(call.id()).dueDate());

        // As sync lands an edit from another device: a save straight into the store moves the open view's block.
        double was = fx(() -> block(robot, call.id()).orElseThrow().getLayoutX());
        device.store().update(call.id(), i -> i.withDue(wed.minusDays(2)).withDueTime(LocalTime.of(15, 30)));
        waitFor(() -> block(robot, call.id()).map(n -> n.getLayoutY() == 15.5 * WeekGrid.HOUR_HEIGHT).orElse(false));
        double x = fx(() -> block(robot, call.id()).orElseThrow().getLayoutX());
        assertTrue(x < WeekGrid.GUTTER + dayWidth, "Monday's column, the first: x=" + x + " was " + was);
    }

    @Test
    void week_repeatingTodoMovedByKey_asksAndThisOneLeavesTheSeriesGoingOn(FxRobot robot) throws Exception {
        Item plants = device.store().add("Water plants", null, null, wed, new TodoDetails(null, List.of(),
                dev.tandem.app.model.Recurrence.parse("FREQ=WEEKLY").orElseThrow(), null, false,
                LocalTime.of(8, 0), 30)).item();
        waitFor(() -> robot.lookup("Calendar").tryQuery().isPresent());
        robot.clickOn("#items");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.W).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> block(robot, plants.id()).isPresent());
        robot.clickOn(block(robot, plants.id()).orElseThrow());

        robot.press(KeyCode.ALT).type(KeyCode.RIGHT).release(KeyCode.ALT);
        waitFor(() -> robot.lookup("This one").tryQuery().isPresent());
        assertTrue(robot.lookup("The series").tryQuery().isPresent(), "both choices are offered");
        robot.clickOn("This one");

        waitFor(() -> wed.plusDays(1).equals(stored(plants.id()).dueDate()));
        assertEquals(null, stored(plants.id()).repeat(), "the moved one stops repeating");
        assertEquals(LocalTime.of(8, 0), stored(plants.id()).timeOfDay());
        waitFor(() -> device.store().allItems().stream().anyMatch(i -> i.title().equals("Water plants")
                && wed.plusWeeks(1).equals(i.dueDate()) && i.repeat() != null));
        // Next week's view shows the series going on from its next date.
        robot.type(KeyCode.PAGE_DOWN);
        waitFor(() -> robot.lookup("#calendar-title").queryLabeled().getText().equals("30 November – 6 December 2026"));
        waitFor(() -> robot.lookup(".calendar-block").queryAll().stream()
                .anyMatch(n -> n.isVisible() && n.getUserData() instanceof CalendarEntry e
                        && e.item().title().equals("Water plants") && wed.plusWeeks(1).equals(e.date())));
    }
}
