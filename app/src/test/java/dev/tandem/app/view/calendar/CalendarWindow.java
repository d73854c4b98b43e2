package dev.tandem.app.view.calendar;

import dev.tandem.app.Device;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.app.view.MainView;
import dev.tandem.app.vm.calendar.CalendarEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxRobot;

/**
 * The window the calendar's UI tests share: British dates (a week runs Monday to Sunday), the device's clock on
 * Wednesday 25 November 2026 at a given hour, and a new profile's main window {@code width} × 860 px on the test's
 * stage. Registered as an extension ({@code @RegisterExtension}) and opened in the test's {@code @Start}; after each
 * test it closes the window and the device and puts the region back.
 */
final class CalendarWindow implements AfterEachCallback {
    /** Wednesday 25 November 2026; a British week runs Monday 23 to Sunday 29. */
    static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);

    final TestClock clock = new TestClock(ZoneId.systemDefault());
    private final int hour;
    private final double width;
    Stage stage;
    Device device;
    MainView view;
    private CalendarRegion region;

    /** A window to open at Wednesday {@code hour}:00, {@code width} px wide. */
    CalendarWindow(int hour, double width) {
        this.hour = hour;
        this.width = width;
    }

    /** On the FX thread (the test's {@code @Start}): the profile in a new folder under {@code tmp}, its window shown. */
    void open(Stage stage, Path tmp) throws Exception {
        this.stage = stage;
        // Weeks follow the system's region, read once at start: this window's is the United Kingdom's (Monday first).
        region = CalendarRegion.use(Locale.UK);
        clock.set(ZonedDateTime.of(WEDNESDAY.atTime(hour, 0), ZoneId.systemDefault()).toInstant());
        device = TestWindow.deviceAt("UI test", Files.createTempDirectory(tmp, "ui"), clock);
        view = TestWindow.mainWindow(stage, device, null, width, 860);
    }

    /** The block of the todo with this key on the hour grid, if shown. */
    static Optional<Node> block(FxRobot robot, String key) {
        return robot.lookup(".calendar-block").queryAll().stream()
                .filter(n -> n.getUserData() instanceof CalendarEntry e && e.key().equals(key) && n.isVisible()).findFirst();
    }

    /** Closes the window, then the device, and puts the region back. */
    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            TestWindow.close(view, device);
        } finally {
            if (region != null) {
                region.close();
            }
        }
    }
}
