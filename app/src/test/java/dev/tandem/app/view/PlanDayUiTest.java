package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static dev.tandem.app.view.PlanDayWindow.shownPane;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.feeds.FeedRefresh;
import dev.tandem.app.model.Item;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.Button;
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

/** Today's "Plan my day" in a real window: a subscribed .ics file's event holds 9–10, the todo goes after it; Undo. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PlanDayUiTest {
    @TempDir
    static Path tmp;

    private final LocalDate wed = LocalDate.of(2026, 11, 25);
    private PlanDayWindow window;
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        window = new PlanDayWindow(tmp);
        this.stage = stage;
        view = window.show(stage);
    }

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void planMyDay_subscribedEventHoldsTheMorning_todoGetsTheGapAfterIt_undoTakesItBack(FxRobot robot) throws Exception {
        List<FeedRefresh.Outcome> read = window.subscribeReview(tmp.resolve("work.ics"), wed);
        assertEquals(1, window.device.events().count("Work"), read.toString());
        Item report = window.report(wed);

        robot.clickOn("Today");
        waitFor(() -> robot.lookup("#plan-day").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.clickOn("#plan-day");
        waitFor(() -> shownPane() != null);
        String preview = onFx(() -> shownPane().getContentText());
        assertTrue(preview.contains("10:00–11:30  Write report"), preview);
        window.giveItThisTime(robot, report);

        window.undoIn(robot, "#items", report);
        assertNull(window.timeOf(report));

        // At the window's least width the button still reads whole, on the list's side of the window.
        onFx(() -> {
            stage.setWidth(760);
            return null;
        });
        waitFor(() -> view.getWidth() <= 760.5);
        WaitForAsyncUtils.waitForFxEvents();
        Button plan = robot.lookup("#plan-day").queryAs(Button.class);
        assertTrue(onFx(() -> plan.getWidth() >= plan.prefWidth(-1) - 0.5), "the button's words are cut");
        double end = onFx(() -> plan.localToScene(plan.getBoundsInLocal()).getMaxX());
        // With nothing selected the editor takes no width: the list's side is then the whole window.
        double limit = onFx(() -> view.editorView().getWidth() > 0
                ? view.editorView().localToScene(view.editorView().getBoundsInLocal()).getMinX() : view.getWidth());
        assertTrue(end <= limit + 0.5, "the button ends at " + end + ", the list's side at " + limit);
    }
}
