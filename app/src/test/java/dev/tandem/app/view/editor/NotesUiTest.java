package dev.tandem.app.view.editor;

import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.app.view.MainView;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TextArea;
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

/** A note rendered as Markdown in a real window: ticking its check box changes the stored note, its link opens. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class NotesUiTest {
    @TempDir
    static Path tmp;

    private final List<String> opened = new CopyOnWriteArrayList<>();
    private Device device;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        device = TestWindow.device("UI test", Files.createTempDirectory(tmp, "notes"), null);
        view = MainWindow.create(device, Theme.LIGHT, null, opened::add);
        TestWindow.show(stage, view, 1200, 760);
    }

    @AfterEach
    void close() throws Exception {
        TestWindow.close(view, device);
    }

    @Test
    void renderedNote_clickCheckBox_changesThatLineOfTheStoredNote(FxRobot robot) throws Exception {
        String notes = "# Groceries\r\n\r\n- [ ] Milk\r\n- [x] Eggs\r\n\r\nOrder at [the shop](https://shop.example/list)\r\n";
        Item it = device.store().add("Weekend", null, null, null, TodoDetails.note(List.of())).item();
        device.store().update(it.id(), x -> x.withNotes(notes));
        waitFor(() -> robot.lookup("Weekend").tryQuery().isPresent());
        robot.clickOn("Weekend");
        waitFor(() -> view.editorView().noteCheckBoxes().size() == 2);
        CheckBox milk = view.editorView().noteCheckBoxes().get(0);
        assertFalse(milk.isSelected());
        assertFalse(robot.lookup("#editor-done").query().isVisible(), "a note has no Done box");

        robot.clickOn(milk);
        waitFor(() -> device.store().get(it.id()).orElseThrow().notes().contains("- [x] Milk"));
        assertEquals(notes.replace("- [ ] Milk", "- [x] Milk"), device.store().get(it.id()).orElseThrow().notes(),
                "only the Milk line changed, CRLF kept");
        waitFor(() -> view.editorView().noteCheckBoxes().size() == 2 && view.editorView().noteCheckBoxes().get(0).isSelected());
        waitFor(() -> robot.lookup("#notes-progress").queryLabeled().getText().equals("2/2"));

        Hyperlink shop = robot.lookup(".note-link").queryAs(Hyperlink.class);
        robot.clickOn(shop);
        waitFor(() -> opened.equals(List.of("https://shop.example/list")));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.M).release(KeyCode.SHIFT, KeyCode.CONTROL);
        TextArea text = robot.lookup("#editor-notes").queryAs(TextArea.class);
        waitFor(text::isVisible);
        assertTrue(text.getText().contains("- [x] Milk"));
    }
}
