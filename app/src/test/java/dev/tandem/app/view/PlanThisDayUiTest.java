package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.feeds.FeedLimits;
import dev.tandem.app.feeds.FeedRefresh;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.events.CalendarSubscription;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.vm.agenda.AgendaRow;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
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
 * "Plan this day" in a real window, from the week's day name and from the agenda's day heading: tomorrow's event
 * (a subscribed .ics file) holds 9–10, tomorrow's todo goes after it; one Undo takes it back.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PlanThisDayUiTest {
    @TempDir
    static Path tmp;

    private final TestClock clock = new TestClock(ZoneId.systemDefault());
    private final Locale before = Locale.getDefault(Locale.Category.FORMAT);
    private final LocalDate thu = LocalDate.of(2026, 11, 26);
    private Device device;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.Category.FORMAT, Locale.UK);
        clock.set(ZonedDateTime.of(2026, 11, 25, 8, 0, 0, 0, ZoneId.systemDefault()).toInstant());
        Path dir = Files.createTempDirectory(tmp, "ui");
        device = Device.open("UI test", dir, FxExecutor.INSTANCE, null, Duration.ofSeconds(3), true, clock);
        Path ics = tmp.resolve(dir.getFileName() + ".ics");
        Files.writeString(ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:1\r\n"
                + "SUMMARY:Review\r\nDTSTART:20261126T090000\r\nDTEND:20261126T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        device.events().add(CalendarSubscription.of("Work", ics.toString(), "#1f4e9c", ""));
        new FeedRefresh(device.events(), FeedLimits.DEFAULT, clock, System::nanoTime, a -> null).refreshAll();
        view = MainWindow.create(device, Theme.LIGHT, null);
        stage.setScene(new Scene(view, 1200, 800));
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

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
    }

    private static DialogPane shownPane() {
        return new ArrayList<>(Window.getWindows()).stream().filter(Window::isShowing)
                .map(w -> w.getScene() == null ? null : w.getScene().getRoot())
                .filter(r -> r instanceof DialogPane).map(DialogPane.class::cast).findFirst().orElse(null);
    }

    private LocalTime timeOf(Item it) {
        return device.store().get(it.id()).orElseThrow().timeOfDay();
    }

    private Item report() {
        return device.store().add("Write report", null, null, thu,
                new TodoDetails(null, List.of(), null, null, false, null, 90)).item();
    }

    /**
     * Confirms the question, which proposes 10:00–11:30 for the report on Thursday, then undoes it with Ctrl+Z in
     * {@code focus}.
     */
    private void confirmThenUndo(FxRobot robot, Item report, String focus) throws Exception {
        waitFor(() -> shownPane() != null);
        assertEquals("Plan Thu 26 Nov", fx(() -> shownPane().getHeaderText() != null ? shownPane().getHeaderText()
                : ((Stage) shownPane().getScene().getWindow()).getTitle()));
        String preview = fx(() -> shownPane().getContentText());
        assertTrue(preview.contains("10:00–11:30  Write report"), preview);
        robot.clickOn(fx(() -> shownPane().getButtonTypes().stream().map(t -> (Button) shownPane().lookupButton(t))
                .filter(b -> b.getText().equals("Give it this time")).findFirst().orElseThrow()));
        waitFor(() -> LocalTime.of(10, 0).equals(timeOf(report)));
        waitFor(() -> robot.lookup("Planned 1 todo.").tryQuery().isPresent());
        robot.clickOn(focus);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(() -> timeOf(report) == null);
        assertNull(timeOf(report));
    }

    @Test
    void weekDayName_planThisDay_timesThatDaysTodoAfterItsEvent_oneUndo(FxRobot robot) throws Exception {
        Item report = report();
        waitFor(() -> robot.lookup("#items").tryQuery().isPresent());
        robot.clickOn("#items");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.W).release(KeyCode.SHIFT, KeyCode.CONTROL);
        // The condition is evaluated on the FX thread.
        waitFor(() -> robot.lookup(".calendar-day-header").queryAll().stream()
                .anyMatch(n -> n.isVisible() && thu.equals(n.getUserData())));
        Node thursday = fx(() -> robot.lookup(".calendar-day-header").queryAll().stream()
                .filter(n -> n.isVisible() && thu.equals(n.getUserData())).findFirst().orElseThrow());
        planThisDay((Control) thursday);
        confirmThenUndo(robot, report, "#items");
    }

    @Test
    void agendaDayHeading_planThisDay_timesThatDaysTodoAfterItsEvent_oneUndo(FxRobot robot) throws Exception {
        Item report = report();
        waitFor(() -> robot.lookup("#items").tryQuery().isPresent());
        robot.clickOn("#items");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.A).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#agenda .list-cell").queryAll().stream().anyMatch(n -> heading(n, thu)));
        Node tomorrow = fx(() -> robot.lookup("#agenda .list-cell").queryAll().stream()
                .filter(n -> heading(n, thu)).findFirst().orElseThrow());
        planThisDay((Control) tomorrow);
        confirmThenUndo(robot, report, "#agenda");
    }

    /**
     * Asks for {@code node}'s context menu as a right-click or the menu key would (the headless toolkit turns no
     * click into that request), waits for it on screen and chooses "Plan this day" in it.
     */
    private static void planThisDay(Control node) throws Exception {
        fx(() -> {
            Bounds b = node.localToScreen(node.getLayoutBounds());
            node.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5, b.getMinX() + 5,
                    b.getMinY() + 5, false, null));
            return null;
        });
        waitFor(() -> node.getContextMenu() != null && node.getContextMenu().isShowing());
        fx(() -> {
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
