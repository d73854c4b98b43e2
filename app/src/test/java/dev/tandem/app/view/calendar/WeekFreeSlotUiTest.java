package dev.tandem.app.view.calendar;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.events.CalendarEvent;
import dev.tandem.app.model.events.CalendarSubscription;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Dragging a todo over the week's hours shows the free time under it, up to the next meeting, before the drop. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WeekFreeSlotUiTest {
    @TempDir
    static Path tmp;

    @RegisterExtension
    final CalendarWindow window = new CalendarWindow(7, 1300);
    private final LocalDate wed = CalendarWindow.WEDNESDAY;

    @Start
    void start(Stage stage) throws Exception {
        window.open(stage, tmp);
    }

    private long at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    @Test
    void drag_overADayWithAMeeting_bandFromTheLastEndToTheMeeting_tooShort_dropSetsTheTime(FxRobot robot) throws Exception {
        Item report = window.device.store().add("Write report", null, null, wed,
                new TodoDetails(null, List.of(), null, null, false, LocalTime.of(8, 0), 120)).item();
        LocalDate thu = wed.plusDays(1);
        window.device.events().add(CalendarSubscription.of("Work", "/tmp/work.ics", "#1f4e9c", ""));
        window.device.events().replace("Work", List.of(
                new CalendarEvent("Work", "s1", at(thu, 8, 30), at(thu, 9, 0), false, false, "Standup", ""),
                new CalendarEvent("Work", "r1", at(thu, 10, 30), at(thu, 11, 30), false, false, "Review", "")),
                "", window.clock.instant());
        waitFor(() -> robot.lookup("Calendar").tryQuery().isPresent());
        robot.clickOn("#items");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.W).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> CalendarWindow.block(robot, report.id()).isPresent() && robot.lookup(".calendar-event").queryAll().stream()
                .filter(Node::isVisible).count() == 2);
        Node slot = robot.lookup(".calendar-free-slot").query();
        assertFalse(onFx(slot::isVisible), "no band before a drag");

        // Over Thursday, the block's top moved two hours down: "Write report" would start at 10:00.
        Node b = CalendarWindow.block(robot, report.id()).orElseThrow();
        Node thursday = onFx(() -> robot.lookup("#calendar-week").query().lookupAll(".calendar-column").stream()
                .filter(c -> thu.equals(c.getUserData())).findFirst().orElseThrow());
        double dayWidth = onFx(() -> thursday.getBoundsInParent().getWidth());
        double h = WeekGrid.HOUR_HEIGHT;
        robot.drag(b).moveBy(dayWidth / 2, h).moveBy(dayWidth / 2, h);
        waitFor(() -> slot.isVisible() && slot.getLayoutY() == 9 * h);
        Bounds band = onFx(slot::getBoundsInParent);
        Bounds column = onFx(thursday::getBoundsInParent);
        assertEquals(9 * h, band.getMinY(), 0.01, "from the standup's end at 9:00");
        assertEquals(10.5 * h, band.getMaxY(), 0.01, "to the review's start at 10:30");
        assertTrue(band.getMinX() >= column.getMinX() && band.getMaxX() <= column.getMaxX(), "within Thursday: " + band);
        PseudoClass tooShort = PseudoClass.getPseudoClass("too-short");
        assertTrue(onFx(() -> slot.getPseudoClassStates().contains(tooShort)), "two hours from 10:00 run into the review");

        // Half an hour earlier the same gap holds, and the band keeps saying it is too short (9:30 + 2 h > 10:30).
        robot.moveBy(0, -h / 2);
        waitFor(() -> slot.getLayoutY() == 9 * h);
        robot.drop();
        waitFor(() -> thu.equals(window.device.store().get(report.id()).orElseThrow().dueDate()));
        assertEquals(LocalTime.of(9, 30), window.device.store().get(report.id()).orElseThrow().timeOfDay());
        waitFor(() -> !slot.isVisible());
    }
}
