package dev.tandem.app.view.editor;

import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.model.Item;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.app.view.MainView;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
 * The editor's repeat field in a real window: a rule it cannot read stays in the field, a red line under it says
 * why and nothing is saved; a rule it reads is saved and the line goes.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RepeatFieldUiTest {
    @TempDir
    static Path tmp;

    private Device device;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        device = TestWindow.device("UI test", Files.createTempDirectory(tmp, "repeat"), null);
        view = MainWindow.create(device, Theme.LIGHT, null, url -> { });
        TestWindow.show(stage, view, 1200, 760);
    }

    @AfterEach
    void close() throws Exception {
        TestWindow.close(view, device);
    }

    @Test
    void repeatField_unreadableThenReadable_problemShownUntilFixed(FxRobot robot) throws Exception {
        Item it = device.store().add("Water plants", null, LocalDate.now().plusDays(1));
        waitFor(() -> robot.lookup("Water plants").tryQuery().isPresent());
        robot.clickOn("Water plants");
        TextField repeat = robot.lookup("#editor-repeat").queryAs(TextField.class);
        waitFor(repeat::isVisible);
        Label problem = robot.lookup("#editor-repeat-problem").queryAs(Label.class);

        robot.clickOn(repeat).write("now and then").type(KeyCode.ENTER);
        waitFor(problem::isVisible);
        assertTrue(problem.getText().startsWith("Tandem can’t read “now and then” as a repeat"), problem.getText());
        assertEquals("now and then", repeat.getText(), "what was typed stays");
        assertTrue(repeat.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("error")));
        assertNull(device.store().get(it.id()).orElseThrow().repeat());

        robot.doubleClickOn(repeat).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write("every 2 days").type(KeyCode.ENTER);
        waitFor(() -> "FREQ=DAILY;INTERVAL=2".equals(device.store().get(it.id()).orElseThrow().repeat()));
        waitFor(() -> !problem.isVisible());
        assertTrue(repeat.getPseudoClassStates().stream().noneMatch(p -> p.getPseudoClassName().equals("error")));
    }
}
