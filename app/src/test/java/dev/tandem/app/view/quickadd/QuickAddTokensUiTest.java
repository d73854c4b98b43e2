package dev.tandem.app.view.quickadd;

import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.app.view.MainView;
import dev.tandem.app.vm.shared.ItemRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
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

/** Quick add in a real (headless Monocle) window: chips for what it understood, and "×" to keep a word. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class QuickAddTokensUiTest {
    @TempDir
    static Path tmp;

    private Device device;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        device = TestWindow.device("UI test", Files.createTempDirectory(tmp, "ui"), null);
        view = TestWindow.mainWindow(stage, device, null, 1100, 720);
    }

    @AfterEach
    void close() throws Exception {
        TestWindow.close(view, device);
    }

    private static List<String> chipLabels(FlowPane row) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> row.getChildren().stream()
                .map(c -> ((Label) ((HBox) c).getChildren().get(0)).getText()).toList()).get();
    }

    @Test
    void typing_showsChips_andRemovingOneKeepsItsWordInTheTitle(FxRobot robot) throws Exception {
        FlowPane row = robot.lookup("#quick-add-tokens").queryAs(FlowPane.class);
        assertFalse(row.isVisible(), "nothing typed, nothing understood");
        assertFalse(row.isManaged());

        robot.clickOn("#quick-add").write("Water plants every monday p2 @home");
        waitFor(() -> row.isVisible() && row.getChildren().size() == 3);
        assertEquals(List.of("Repeats: every Monday", "p2", "@home"), chipLabels(row));

        Node chip = robot.lookup("#quick-add-tokens .quick-add-token-priority").query();
        Button remove = robot.from(chip).lookup(".quick-add-token-remove").queryButton();
        assertEquals("Treat “p2” as part of the title", remove.getAccessibleText());
        robot.clickOn(remove);
        waitFor(() -> row.getChildren().size() == 2);
        assertEquals(List.of("Repeats: every Monday", "@home"), chipLabels(row));

        // The field has the focus back: Enter adds the todo.
        assertTrue(robot.lookup("#quick-add").query().isFocused());
        robot.type(KeyCode.ENTER);
        ListView<ItemRow> items = robot.lookup("#items").queryListView();
        waitFor(() -> items.getItems().stream().anyMatch(i -> i.title().equals("Water plants p2")));
        ItemRow added = items.getItems().get(0);
        assertNull(device.store().get(added.id()).orElseThrow().priority());
        assertEquals(List.of("home"), added.tags());
        waitFor(() -> !row.isVisible() && row.getChildren().isEmpty());
    }
}
