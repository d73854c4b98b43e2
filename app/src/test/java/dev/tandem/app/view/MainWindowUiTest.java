package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.app.vm.shared.ItemRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Background;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
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

/** The main window in a real (headless Monocle) window: add, complete, edit, delete, search, settings. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest {
    @TempDir
    static Path tmp;

    private Device device;
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        device = TestWindow.device("UI test", Files.createTempDirectory(tmp, "ui"), null);
        view = TestWindow.mainWindow(stage, device, null, 1100, 720);
    }

    @AfterEach
    void close() throws Exception {
        TestWindow.close(view, device);
    }

    private ListView<ItemRow> items(FxRobot robot) {
        return robot.lookup("#items").queryListView();
    }

    private boolean showsTitle(FxRobot robot, String title) {
        return items(robot).getItems().stream().anyMatch(i -> title.equals(i.title()));
    }

    @Test
    void addCompleteEditDelete_throughTheWindow(FxRobot robot) throws Exception {
        robot.clickOn("#quick-add").write("Buy oat milk tomorrow").type(KeyCode.ENTER);
        waitFor(() -> showsTitle(robot, "Buy oat milk"));
        ItemRow milk = items(robot).getItems().get(0);
        assertEquals(device.store().today().plusDays(1), device.store().get(milk.id()).orElseThrow().dueDate());
        robot.clickOn("#quick-add").write("Call the plumber").type(KeyCode.ENTER);
        waitFor(() -> items(robot).getItems().size() == 2);

        // Complete: click the row's checkbox; the item leaves the Inbox.
        CheckBox box = robot.lookup(".item-cell .check-box").nth(0).queryAs(CheckBox.class);
        robot.clickOn(box);
        waitFor(() -> !showsTitle(robot, "Buy oat milk"));
        assertTrue(device.store().get(milk.id()).orElseThrow().isDone());

        // Edit: select the other row, retitle it in the editor.
        robot.clickOn("Call the plumber");
        TextField title = robot.lookup("#editor-title").queryAs(TextField.class);
        waitFor(() -> "Call the plumber".equals(title.getText()));
        robot.doubleClickOn(title).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write("Call the plumber about the boiler").type(KeyCode.ENTER);
        waitFor(() -> showsTitle(robot, "Call the plumber about the boiler"));

        // Delete: Delete key on the selected row moves it to the Trash.
        robot.clickOn("Call the plumber about the boiler").type(KeyCode.DELETE);
        waitFor(() -> items(robot).getItems().isEmpty());
        WaitForAsyncUtils.asyncFx(() -> view.viewModel().select(Listing.of(Listing.BuiltIn.TRASH))).get();
        waitFor(() -> showsTitle(robot, "Call the plumber about the boiler"));

        // Undo (Ctrl+Z) takes the delete back.
        robot.clickOn("#items").press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(() -> items(robot).getItems().isEmpty());
    }

    /**
     * Rows leave the list from elsewhere (another program, a CalDAV sync, a delete) while the pointer
     * rests over them: the count line says what is shown, and the row left empty under the pointer
     * is not painted as a grey ghost row.
     */
    @Test
    void rowsRemovedUnderThePointer_countFollowsAndNoGhostRow(FxRobot robot) throws Exception {
        for (String t : new String[] {"one", "two", "three", "four"}) {
            device.store().add(t, null, null);
        }
        waitFor(() -> items(robot).getItems().size() == 4);
        Label count = robot.lookup("#view-count").queryAs(Label.class);
        waitFor(() -> "4 todos".equals(count.getText()) && robot.lookup("four").tryQuery().isPresent());
        ListCell<?> last = robot.lookup(".item-cell").match(n ->
                n instanceof ListCell<?> c && c.getItem() instanceof ItemRow r
                        && r.title().equals("four")).query();
        robot.moveTo(last);
        waitFor(last::isHover);
        ItemRow four = items(robot).getItems().stream().filter(r -> r.title().equals("four")).findFirst().orElseThrow();
        device.store().trash(four.id());
        waitFor(() -> items(robot).getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("3 todos", count.getText(), "the count line follows the rows");
        Point2D pointer = robot.point(last).query();
        ListCell<?> under = robot.lookup(".item-cell").match(n -> n instanceof ListCell<?> c
                && c.isVisible() && c.localToScreen(c.getBoundsInLocal()).contains(pointer)).query();
        assertTrue(under.isEmpty(), "the row under the pointer is empty now");
        Background bg = under.getBackground();
        assertTrue(bg == null || bg.getFills().stream().allMatch(f -> f.getFill() instanceof Color c
                && c.getOpacity() == 0), "an empty row paints nothing: " + (bg == null ? null : bg.getFills().stream()
                .map(f -> f.getFill().toString()).toList()));
    }

    /** Several rows selected: the editor's side says how many and acts on all of them, never on the last one alone. */
    @Test
    void multiSelect_editorSideSaysHowManyAndCompletesThemAll(FxRobot robot) throws Exception {
        for (String t : new String[] {"one", "two", "three", "four"}) {
            device.store().add(t, null, null);
        }
        waitFor(() -> items(robot).getItems().size() == 4);
        // The rows' cells are laid out a pulse after the items arrive: click only once they show.
        waitFor(() -> robot.lookup("one").tryQuery().isPresent() && robot.lookup("four").tryQuery().isPresent());
        robot.clickOn("one");
        robot.press(KeyCode.SHIFT).clickOn("four").release(KeyCode.SHIFT);
        Label count = robot.lookup("#selection-count").queryAs(Label.class);
        waitFor(() -> "4 selected".equals(count.getText()) && robot.lookup("#selection-pane").query().isVisible());
        assertEquals("Complete 4 todos", robot.lookup("#selection-complete").queryButton().getText());
        robot.clickOn("#selection-complete");
        waitFor(() -> items(robot).getItems().isEmpty());
        assertTrue(device.store().allItems().stream().allMatch(Item::isDone));
        // Nothing selected any more: the editor's side, with the pane, leaves the window to the list.
        waitFor(() -> !robot.lookup("#selection-pane").tryQuery().map(Node::isVisible).orElse(false));
    }

    /** A message under quick add, or a longer count line, moves nothing: not the list, not the header's controls. */
    @Test
    void quickAdd_messageAndCountChange_listAndControlsStayPut(FxRobot robot) throws Exception {
        device.store().add("first", null, null);
        waitFor(() -> items(robot).getItems().size() == 1 && robot.lookup("first").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Node list = robot.lookup("#items").query();
        Node undoButton = robot.lookup("#show-shortcuts").query();
        double listY = fxDouble(() -> list.localToScene(0, 0).getY());
        double controlsX = fxDouble(() -> undoButton.localToScene(0, 0).getX());
        robot.clickOn("#quick-add").write("second").type(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#quick-add-message").queryAs(Label.class).isVisible() && items(robot).getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(listY, fxDouble(() -> list.localToScene(0, 0).getY()), 0.5, "the list stays where it was");
        for (int i = 0; i < 12; i++) {
            device.store().add("more " + i, null, null);
        }
        waitFor(() -> items(robot).getItems().size() == 14);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(controlsX, fxDouble(() -> undoButton.localToScene(0, 0).getX()), 0.5, "the controls stay where they were");
    }

    /**
     * A 5,000-character quick add, or one into a new list with a 990-character name: the message takes at most
     * three lines, and when it goes the list is back where it was.
     */
    @Test
    void quickAdd_veryLongMessage_clampedAndTheListComesBack(FxRobot robot) throws Exception {
        device.store().add("first", null, null);
        waitFor(() -> items(robot).getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        Node list = robot.lookup("#items").query();
        Label said = robot.lookup("#quick-add-message").queryAs(Label.class);
        double listY = fxDouble(() -> list.localToScene(0, 0).getY());
        double threeLines = fxDouble(() -> {
            Text probe = new Text("Xg\nXg\nXg");
            probe.setFont(said.getFont());
            return probe.getLayoutBounds().getHeight() + said.getInsets().getTop() + said.getInsets().getBottom() + 1;
        });

        for (String typed : List.of("Call " + "x".repeat(4995), "Call #" + "L".repeat(990))) {
            onFx(() -> {
                TextField field = robot.lookup("#quick-add").queryAs(TextField.class);
                field.setText(typed);
                field.requestFocus();
                return null;
            });
            robot.type(KeyCode.ENTER);
            waitFor(() -> said.isVisible() && said.getText().startsWith("Added"));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(fxDouble(said::getHeight) <= threeLines, "at most three lines: " + said.getHeight() + " > "
                    + threeLines);
            assertTrue(fxDouble(() -> list.localToScene(0, 0).getY()) - listY <= threeLines, "the list moved little");
            waitFor(10, () -> !said.isVisible());
            WaitForAsyncUtils.waitForFxEvents(3);
            assertEquals(listY, fxDouble(() -> list.localToScene(0, 0).getY()), 0.5, "the list is back where it was");
        }
    }

    private static double fxDouble(Callable<Double> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
    }

    @Test
    void search_filtersLiveAsYouType(FxRobot robot) throws Exception {
        device.store().add("Quarterly report", null, null);
        device.store().add("Walk the dog", null, null);
        Item notes = device.store().add("Plan trip", null, null);
        device.store().update(notes.id(), it -> it.withNotes("book the quarterly train pass"));
        waitFor(() -> items(robot).getItems().size() == 3);
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL).write("quarter");
        waitFor(() -> items(robot).getItems().size() == 2);
        assertTrue(showsTitle(robot, "Quarterly report") && showsTitle(robot, "Plan trip"));
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> items(robot).getItems().size() == 3);
    }

    @Test
    void settingsDialog_validatesBeforeSaving(FxRobot robot) throws Exception {
        robot.clickOn("#open-settings");
        waitFor(() -> robot.lookup("#settings-dialog").tryQuery().isPresent());
        robot.clickOn("#mode-s3");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#settings-save");
        // Still open, and the missing fields say what to do.
        waitFor(() -> robot.lookup("#error-bucket").queryAs(Label.class).isVisible());
        assertEquals("Enter the bucket name.", robot.lookup("#error-bucket").queryAs(Label.class).getText());
        assertEquals("Enter the access key ID.", robot.lookup("#error-accessKey").queryAs(Label.class).getText());
        robot.clickOn("#field-bucket").write("Not_A_Bucket");
        robot.clickOn("#field-accessKey");
        waitFor(() -> robot.lookup("#error-bucket").queryAs(Label.class).getText().contains("lower-case"));

        // Switch to a folder (an empty one: the profile's own folder holds other files), fill it in,
        // save: the dialog closes and the settings are stored.
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        robot.clickOn("#mode-folder");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#field-folder").write(remote.toString());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#settings-save");
        waitFor(() -> robot.lookup("#settings-dialog").tryQuery().isEmpty());
        waitFor(() -> device.settings().loadSync().mode() == SyncSettings.Mode.FOLDER);
        assertEquals(remote.toString(), device.settings().loadSync().folder());
        assertFalse(robot.lookup("#settings-dialog").tryQuery().isPresent());
    }

    /**
     * A folder that is not there yet, in a folder that is: the check says so once, and Save becomes "Make the folder
     * and save", which makes it, tests it and saves; never "Save anyway" into nothing.
     */
    @Test
    void settingsDialog_folderNotThereYet_makesItThenSaves(FxRobot robot) throws Exception {
        Path missing = tmp.resolve("not-there-yet");
        robot.clickOn("#open-settings");
        waitFor(() -> robot.lookup("#settings-dialog").tryQuery().isPresent());
        robot.clickOn("#mode-folder");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#field-folder").write(missing.toString());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#settings-save");
        // The check runs first; it finds no folder, so the dialog stays open and says what Save will do.
        waitFor(() -> robot.lookup("#settings-save-warning").queryAs(Label.class).isVisible());
        List<String> texts = robot.lookup("#settings-dialog").queryAll().iterator().next()
                .lookupAll(".label").stream().filter(n -> n instanceof Label l && l.isVisible())
                .map(n -> ((Label) n).getText()).filter(t -> t != null && t.contains("does not exist yet")).toList();
        assertEquals(1, texts.size(), texts.toString());
        assertFalse(texts.get(0).contains("in Settings") || texts.get(0).contains("bucket"), texts.get(0));
        assertEquals("Make the folder and save", robot.lookup("#settings-save").queryButton().getText());
        Text shown = (Text) robot.lookup("#settings-save").queryButton().lookup(".text");
        assertEquals("Make the folder and save", shown.getText(), "the button's words are not cut");
        assertEquals(SyncSettings.Mode.NONE, device.settings().loadSync().mode(), "nothing saved yet");
        assertFalse(Files.exists(missing), "nothing made before the person asks");

        robot.clickOn("#settings-save");
        waitFor(() -> robot.lookup("#settings-dialog").tryQuery().isEmpty());
        waitFor(() -> device.settings().loadSync().mode() == SyncSettings.Mode.FOLDER);
        assertEquals(missing.toString(), device.settings().loadSync().folder());
        assertTrue(Files.isDirectory(missing));
    }
}
