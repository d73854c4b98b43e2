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
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
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

/** Today's "Plan my day" in a real window: a subscribed .ics file's event holds 9–10, the todo goes after it; Undo. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PlanDayUiTest {
    @TempDir
    static Path tmp;

    private final TestClock clock = new TestClock(ZoneId.systemDefault());
    private final Locale before = Locale.getDefault(Locale.Category.FORMAT);
    private final LocalDate wed = LocalDate.of(2026, 11, 25);
    private Device device;
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.Category.FORMAT, Locale.UK);
        clock.set(ZonedDateTime.of(2026, 11, 25, 8, 0, 0, 0, ZoneId.systemDefault()).toInstant());
        Path dir = Files.createTempDirectory(tmp, "ui");
        device = Device.open("UI test", dir, FxExecutor.INSTANCE, null, Duration.ofSeconds(3), true, clock);
        view = MainWindow.create(device, Theme.LIGHT, null);
        this.stage = stage;
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

    @Test
    void planMyDay_subscribedEventHoldsTheMorning_todoGetsTheGapAfterIt_undoTakesItBack(FxRobot robot) throws Exception {
        Path ics = tmp.resolve("work.ics");
        Files.writeString(ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:1\r\n"
                + "SUMMARY:Review\r\nDTSTART:20261125T090000\r\nDTEND:20261125T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        device.events().add(CalendarSubscription.of("Work", ics.toString(), "#1f4e9c", ""));
        List<FeedRefresh.Outcome> read = new FeedRefresh(device.events(), FeedLimits.DEFAULT, clock, System::nanoTime,
                a -> null).refreshAll();
        assertEquals(1, device.events().count("Work"), read.toString());
        Item report = device.store().add("Write report", null, null, wed,
                new TodoDetails(null, List.of(), null, null, false, null, 90)).item();

        robot.clickOn("Today");
        waitFor(() -> robot.lookup("#plan-day").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.clickOn("#plan-day");
        waitFor(() -> shownPane() != null);
        String preview = fx(() -> shownPane().getContentText());
        assertTrue(preview.contains("10:00–11:30  Write report"), preview);
        robot.clickOn(fx(() -> shownPane().getButtonTypes().stream().map(t -> (Button) shownPane().lookupButton(t))
                .filter(b -> b.getText().equals("Give it this time")).findFirst().orElseThrow()));
        waitFor(() -> LocalTime.of(10, 0).equals(timeOf(report)));
        waitFor(() -> robot.lookup("Planned 1 todo.").tryQuery().isPresent());

        robot.clickOn("#items");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(() -> timeOf(report) == null);
        assertNull(timeOf(report));

        // At the window's least width the button still reads whole, on the list's side of the window.
        fx(() -> {
            stage.setWidth(760);
            return null;
        });
        waitFor(() -> view.getWidth() <= 760.5);
        WaitForAsyncUtils.waitForFxEvents();
        Button plan = robot.lookup("#plan-day").queryAs(Button.class);
        assertTrue(fx(() -> plan.getWidth() >= plan.prefWidth(-1) - 0.5), "the button's words are cut");
        double end = fx(() -> plan.localToScene(plan.getBoundsInLocal()).getMaxX());
        // With nothing selected the editor takes no width: the list's side is then the whole window.
        double limit = fx(() -> view.editorView().getWidth() > 0
                ? view.editorView().localToScene(view.editorView().getBoundsInLocal()).getMinX() : view.getWidth());
        assertTrue(end <= limit + 0.5, "the button ends at " + end + ", the list's side at " + limit);
    }
}
