package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static dev.tandem.app.view.PlanDayWindow.shownPane;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.vm.agenda.AgendaRow;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * "Plan this day" in a real window, from the week's day name and from the agenda's day heading: tomorrow's event
 * (a subscribed .ics file) holds 9–10, tomorrow's todo goes after it; one Undo takes it back.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PlanThisDayUiTest {
    @TempDir
    static Path tmp;

    private final LocalDate thu = LocalDate.of(2026, 11, 26);
    private PlanDayWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = new PlanDayWindow(tmp);
        window.subscribeReview(tmp.resolve(window.dir.getFileName() + ".ics"), thu);
        window.show(stage);
    }

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    /**
     * Confirms the question, which proposes 10:00–11:30 for the report on Thursday, then undoes it with Ctrl+Z in
     * {@code focus}.
     */
    private void confirmThenUndo(FxRobot robot, Item report, String focus) throws Exception {
        waitFor(() -> shownPane() != null);
        assertEquals("Plan Thu 26 Nov", onFx(() -> shownPane().getHeaderText() != null ? shownPane().getHeaderText()
                : ((Stage) shownPane().getScene().getWindow()).getTitle()));
        String preview = onFx(() -> shownPane().getContentText());
        assertTrue(preview.contains("10:00–11:30  Write report"), preview);
        window.giveItThisTime(robot, report);
        window.undoIn(robot, focus, report);
        assertNull(window.timeOf(report));
    }

    @Test
    void weekDayName_planThisDay_timesThatDaysTodoAfterItsEvent_oneUndo(FxRobot robot) throws Exception {
        Item report = window.report(thu);
        waitFor(() -> robot.lookup("#items").tryQuery().isPresent());
        robot.clickOn("#items");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.W).release(KeyCode.SHIFT, KeyCode.CONTROL);
        // The condition is evaluated on the FX thread.
        waitFor(() -> robot.lookup(".calendar-day-header").queryAll().stream()
                .anyMatch(n -> n.isVisible() && thu.equals(n.getUserData())));
        Node thursday = onFx(() -> robot.lookup(".calendar-day-header").queryAll().stream()
                .filter(n -> n.isVisible() && thu.equals(n.getUserData())).findFirst().orElseThrow());
        planThisDay((Control) thursday);
        confirmThenUndo(robot, report, "#items");
    }

    @Test
    void agendaDayHeading_planThisDay_timesThatDaysTodoAfterItsEvent_oneUndo(FxRobot robot) throws Exception {
        Item report = window.report(thu);
        waitFor(() -> robot.lookup("#items").tryQuery().isPresent());
        robot.clickOn("#items");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.A).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#agenda .list-cell").queryAll().stream().anyMatch(n -> heading(n, thu)));
        Node tomorrow = onFx(() -> robot.lookup("#agenda .list-cell").queryAll().stream()
                .filter(n -> heading(n, thu)).findFirst().orElseThrow());
        planThisDay((Control) tomorrow);
        confirmThenUndo(robot, report, "#agenda");
    }

    /**
     * Asks for {@code node}'s context menu as a right-click or the menu key would (the headless toolkit turns no
     * click into that request), waits for it on screen and chooses "Plan this day" in it.
     */
    private static void planThisDay(Control node) throws Exception {
        onFx(() -> {
            Bounds b = node.localToScreen(node.getLayoutBounds());
            node.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5, b.getMinX() + 5,
                    b.getMinY() + 5, false, null));
            return null;
        });
        waitFor(() -> node.getContextMenu() != null && node.getContextMenu().isShowing());
        onFx(() -> {
            MenuItem item = node.getContextMenu().getItems().stream()
                    .filter(i -> "Plan this day".equals(i.getText())).findFirst().orElseThrow();
            node.getContextMenu().hide();
            item.fire();
            return null;
        });
    }

    private static boolean heading(Node n, LocalDate day) {
        return n.isVisible() && n instanceof ListCell<?> c && c.getItem() instanceof AgendaRow r && r.isHeading()
                && day.equals(r.date());
    }

}
