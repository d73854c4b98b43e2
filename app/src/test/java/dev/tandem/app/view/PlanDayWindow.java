package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;

import dev.tandem.app.Device;
import dev.tandem.app.feeds.FeedLimits;
import dev.tandem.app.feeds.FeedRefresh;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.events.CalendarSubscription;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;

/**
 * The window the "Plan my day" and "Plan this day" tests share: UK dates, the device's clock at Wednesday
 * 25 Nov 2026 08:00, a subscribed .ics file whose one event ("Review") holds 9–10 on a day, a 90-minute todo
 * "Write report", and the steps of the question that proposes its time. The tests keep what they assert.
 */
final class PlanDayWindow {
    final TestClock clock = new TestClock(ZoneId.systemDefault());
    final Device device;
    /** The profile's folder. */
    final Path dir;
    MainView view;
    private final Locale before = Locale.getDefault(Locale.Category.FORMAT);

    /** A fresh profile in a folder under {@code tmp}, with the clock at Wednesday 08:00 and UK dates. */
    PlanDayWindow(Path tmp) throws Exception {
        Locale.setDefault(Locale.Category.FORMAT, Locale.UK);
        clock.set(ZonedDateTime.of(2026, 11, 25, 8, 0, 0, 0, ZoneId.systemDefault()).toInstant());
        dir = Files.createTempDirectory(tmp, "ui");
        device = TestWindow.deviceAt("UI test", dir, clock);
    }

    /** On the FX thread: the main window in a 1200 × 800 scene on {@code stage}, shown and started. */
    MainView show(Stage stage) {
        view = TestWindow.mainWindow(stage, device, null, 1200, 800);
        return view;
    }

    /** Subscribes "Work" to {@code ics}, written with one event "Review" 9–10 on {@code day}, and reads it. */
    List<FeedRefresh.Outcome> subscribeReview(Path ics, LocalDate day) throws Exception {
        String d = day.format(DateTimeFormatter.BASIC_ISO_DATE);
        Files.writeString(ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:1\r\n"
                + "SUMMARY:Review\r\nDTSTART:" + d + "T090000\r\nDTEND:" + d + "T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        device.events().add(CalendarSubscription.of("Work", ics.toString(), "#1f4e9c", ""));
        return new FeedRefresh(device.events(), FeedLimits.DEFAULT, clock, System::nanoTime, a -> null).refreshAll();
    }

    /** A new 90-minute todo "Write report" due {@code day}, with no time yet. */
    Item report(LocalDate day) {
        return device.store().add("Write report", null, null, day,
                new TodoDetails(null, List.of(), null, null, false, null, 90)).item();
    }

    LocalTime timeOf(Item it) {
        return device.store().get(it.id()).orElseThrow().timeOfDay();
    }

    /** The dialog pane on screen, or null. */
    static DialogPane shownPane() {
        return new ArrayList<>(Window.getWindows()).stream().filter(Window::isShowing)
                .map(w -> w.getScene() == null ? null : w.getScene().getRoot())
                .filter(r -> r instanceof DialogPane).map(DialogPane.class::cast).findFirst().orElse(null);
    }

    /** Answers the question with "Give it this time" and waits until the report holds 10:00 and the window says so. */
    void giveItThisTime(FxRobot robot, Item report) throws Exception {
        robot.clickOn(onFx(() -> shownPane().getButtonTypes().stream().map(t -> (Button) shownPane().lookupButton(t))
                .filter(b -> b.getText().equals("Give it this time")).findFirst().orElseThrow()));
        waitFor(() -> LocalTime.of(10, 0).equals(timeOf(report)));
        waitFor(() -> robot.lookup("Planned 1 todo.").tryQuery().isPresent());
    }

    /** Presses Ctrl+Z in {@code focus} and waits until the report has no time again. */
    void undoIn(FxRobot robot, String focus, Item report) throws Exception {
        robot.clickOn(focus);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(() -> timeOf(report) == null);
    }

    /** After a test: the window and the device closed, the format locale as it was. */
    void close() throws Exception {
        try {
            TestWindow.close(view, device);
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }
}
