package dev.tandem.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.app.vm.agenda.AgendaRow;
import dev.tandem.app.vm.attachment.LinkOpener;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window left open across midnight: the device's one clock is moved to a moment before it and runs
 * on across it, and the Agenda's headings, the Today list and the calendar's today marker move to the
 * new day.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MidnightUiTest {
    @TempDir
    static Path tmp;

    private static final LocalDate WED = LocalDate.of(2026, 11, 25);
    private static final Duration DAY_CHECK = Duration.ofMillis(50);
    private final TestClock clock = new TestClock(ZoneId.systemDefault());
    private Device device;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        // Long enough before midnight for the window to open and show the old day first, however loaded the
        // machine: the test moves the clock to just before midnight once it has.
        clock.set(WED.atTime(23, 0).atZone(ZoneId.systemDefault()).toInstant());
        device = TestWindow.deviceAt("UI test", Files.createTempDirectory(tmp, "ui"), clock);
        // The window reads the clock at least every DAY_CHECK instead of every minute, so the timer that wakes
        // at midnight is set again from the moved clock at once.
        view = MainWindow.create(device, Theme.LIGHT, null, LinkOpener.NONE, DAY_CHECK);
        TestWindow.show(stage, view, 1200, 760);
    }

    @AfterEach
    void close() throws Exception {
        TestWindow.close(view, device);
    }

    /** Waits on the test thread: the conditions here read the window through {@link #fx} themselves. */
    private static void waitFor(Callable<Boolean> condition, Duration timeout) throws Exception {
        WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, () -> {
            try {
                return condition.call();
            } catch (Exception e) {
                return false;
            }
        });
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
    }

    /** The agenda's rendered headings and titles, top to bottom ("# heading", "title"). */
    @SuppressWarnings("unchecked")
    private List<String> agenda(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> {
            ListView<AgendaRow> list = (ListView<AgendaRow>) robot.lookup("#agenda").query();
            List<ListCell<?>> cells = new ArrayList<>();
            for (Node n : list.lookupAll(".list-cell")) {
                if (n instanceof ListCell<?> c && c.getItem() != null && c.isVisible()) {
                    cells.add(c);
                }
            }
            cells.sort(Comparator.comparingInt(ListCell::getIndex));
            List<String> out = new ArrayList<>();
            for (ListCell<?> c : cells) {
                AgendaRow r = (AgendaRow) c.getItem();
                String line = switch (r.kind()) {
                    case HEADING -> "# " + ((Label) c.getGraphic().lookup(".label")).getText();
                    case TODO, OCCURRENCE, EVENT -> ((Label) c.getGraphic().lookup(".item-title")).getText();
                    case EMPTY -> "- " + r.text();
                };
                if (!out.contains(line) || r.isHeading()) {
                    out.add(line);
                }
            }
            return out;
        });
    }

    private Optional<String> markedDay(FxRobot robot) throws Exception {
        return fx(() -> robot.lookup(".calendar-day-header").queryAll().stream()
                .filter(n -> n.isVisible() && n.getPseudoClassStates().contains(PseudoClass.getPseudoClass("today")))
                .map(n -> ((Label) n).getText()).findFirst());
    }

    @Test
    void windowOpenAcrossMidnight_agendaTodayAndCalendarMoveToTheNewDay(FxRobot robot) throws Exception {
        device.store().add("Rent", null, WED);
        device.store().add("Call Sam", null, WED.plusDays(1));
        waitFor(() -> robot.lookup("Agenda").tryQuery().isPresent(), Duration.ofSeconds(10));
        robot.clickOn("#items");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.A).release(KeyCode.SHIFT, KeyCode.CONTROL);
        List<String> before = List.of("# Today", "Rent", "# Tomorrow", "Call Sam");
        waitFor(() -> agenda(robot).subList(0, 4).equals(before), Duration.ofSeconds(10));

        // Midnight passes with the window open: nothing is clicked. The clock is moved to a moment before it,
        // and runs on across it.
        clock.set(WED.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant().minusMillis(300));
        List<String> after = List.of("# Overdue", "Rent", "# Today", "Call Sam", "# Tomorrow");
        waitFor(() -> agenda(robot).subList(0, 5).equals(after), Duration.ofSeconds(10));
        assertEquals(after, agenda(robot).subList(0, 5));

        robot.clickOn("#agenda");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.W).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> markedDay(robot).isPresent(), Duration.ofSeconds(10));
        assertEquals(Optional.of("Thu 26"), markedDay(robot), "the calendar marks the new day");

        robot.clickOn("Today");
        waitFor(() -> fx(() -> view.viewModel().titleProperty().get()).equals("Today"), Duration.ofSeconds(10));
        waitFor(() -> fx(() -> robot.lookup("Call Sam").queryAll().stream().anyMatch(Node::isVisible)),
                Duration.ofSeconds(10));
    }
}
