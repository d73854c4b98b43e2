package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The in-window reminder card, at the widths people use (1366 px) and the least (760 px): whole inside the window,
 * its close button too, and never over the status bar's Sync now and Sync settings… (it hid both, and its × was cut
 * at the window's right edge).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ReminderCardUiTest {
    @TempDir
    static Path tmp;

    private final TestClock clock = new TestClock(ZoneId.systemDefault());
    private final FxRobot robot = new FxRobot();
    private Device device;
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage primary) {
        // Each test opens a window of its own size on a stage of its own (see ResizedWindow).
    }

    @AfterEach
    void close() throws Exception {
        TestWindow.close(view, device);
        if (stage != null) {
            onFx(() -> {
                stage.close();
                return null;
            });
        }
    }

    @ParameterizedTest
    @CsvSource({"1366, 768", "760, 600"})
    void reminderFires_cardIsWholeInsideTheWindow_andTheStatusBarsButtonsStayInView(int width, int height)
            throws Exception {
        device = TestWindow.deviceAt("UI test", Files.createTempDirectory(tmp, "ui"), clock);
        view = onFx(30, () -> {
            stage = new Stage();
            return TestWindow.mainWindow(stage, device, null, width, height);
        });
        long at = clock.millis() + Duration.ofMinutes(30).toMillis();
        device.store().add("Water the ficus", null, null, null, new TodoDetails(null, List.of(), null, at));
        waitFor(() -> robot.lookup("Water the ficus").tryQuery().isPresent());

        clock.advance(Duration.ofMinutes(31));
        waitFor(() -> robot.lookup("Snooze 10 min").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        Node snooze = robot.lookup("Snooze 10 min").query();
        Node card = onFx(() -> card(snooze));
        Bounds window = onFx(() -> screen(view));
        Bounds cardBounds = onFx(() -> screen(card));
        assertTrue(inside(cardBounds, window), "the card " + cardBounds + " is inside the window " + window);
        Node close = onFx(() -> card.lookup(".reminder-close"));
        assertNotNull(close, "the card has its close button");
        Bounds closeBounds = onFx(() -> screen(close));
        assertTrue(onFx(close::isVisible) && inside(closeBounds, window),
                "the close button " + closeBounds + " is whole inside the window " + window);
        for (String id : List.of("#sync-now", "#open-settings")) {
            Button b = robot.lookup(id).queryButton();
            Bounds shown = onFx(() -> screen(b));
            assertTrue(onFx(() -> b.isVisible() && b.getScene() != null) && inside(shown, window),
                    id + " " + shown + " is in the window " + window);
            assertFalse(shown.intersects(cardBounds), id + " " + shown + " is under the card " + cardBounds);
        }
    }

    /** The card that holds {@code n}: the node styled as one, or the root of the pop-up it is shown in. */
    private static Node card(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getStyleClass().contains("reminder-card")) {
                return p;
            }
        }
        return n.getScene().getRoot();
    }

    /** Where {@code n} is on the screen. */
    private static Bounds screen(Node n) {
        return n.localToScreen(n.getBoundsInLocal());
    }

    /** {@code inner} within {@code outer}, to half a pixel. */
    private static boolean inside(Bounds inner, Bounds outer) {
        return inner.getMinX() >= outer.getMinX() - 0.5 && inner.getMinY() >= outer.getMinY() - 0.5
                && inner.getMaxX() <= outer.getMaxX() + 0.5 && inner.getMaxY() <= outer.getMaxY() + 0.5;
    }
}
