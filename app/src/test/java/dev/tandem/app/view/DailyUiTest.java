package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TagStore;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.engine.testing.Await;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
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

/**
 * Multi-select with the keyboard, a reminder firing on a controlled clock, the shortcut overlay, accessible text,
 * a todo's time and length typed in the editor and in quick add.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DailyUiTest {
    @TempDir
    static Path tmp;

    private final TestClock clock = new TestClock(ZoneId.systemDefault());
    private Device device;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "ui");
        device = Device.open("UI test", dir, FxExecutor.INSTANCE, null, Duration.ofSeconds(3), true, clock);
        view = MainWindow.create(device, Theme.LIGHT, null);
        stage.setScene(new Scene(view, 1200, 760));
        stage.show();
        view.start();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(() -> view.close()).get(5, TimeUnit.SECONDS);
        device.close();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
    }

    private ListView<ItemRow> items(FxRobot robot) {
        return robot.lookup("#items").queryListView();
    }

    private List<String> titles(FxRobot robot) throws Exception {
        return fx(() -> items(robot).getItems().stream().map(ItemRow::title).toList());
    }

    @Test
    void shiftDown_selectsTwoRows_spaceCompletesBoth_undoBringsBothBack(FxRobot robot) throws Exception {
        for (String t : List.of("Alpha", "Bravo", "Charlie")) {
            device.store().add(t, null, null);
        }
        waitFor(() -> items(robot).getItems().size() == 3);
        waitFor(() -> robot.lookup("Alpha").tryQuery().isPresent());
        robot.clickOn("Alpha");
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT);
        waitFor(() -> view.itemList().selectedRows().size() == 2);
        assertEquals(List.of("Alpha", "Bravo"), fx(() -> view.itemList().selectedRows().stream().map(ItemRow::title).toList()));
        robot.type(KeyCode.SPACE);
        waitFor(() -> items(robot).getItems().size() == 1);
        assertEquals(List.of("Charlie"), titles(robot));
        assertEquals(2, device.store().allItems().stream().filter(Item::isDone).count());
        // One undo step brings both back.
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(() -> items(robot).getItems().size() == 3);
        assertEquals(0, device.store().allItems().stream().filter(Item::isDone).count());
    }

    @Test
    void doubleClick_repeatingTodosCheckBox_completesOneOccurrenceOnly(FxRobot robot) throws Exception {
        robot.clickOn("#quick-add").write("Water plants every day").type(KeyCode.ENTER);
        waitFor(() -> items(robot).getItems().stream().anyMatch(r -> r.title().equals("Water plants")));
        waitFor(() -> robot.lookup("Water plants").tryQuery().isPresent());
        Node row = fx(() -> {
            for (Node cell : robot.lookup(".list-cell").queryAll()) {
                if (cell.lookup(".check-box") != null && ((ListCell<?>) cell).getItem() instanceof ItemRow r
                        && r.title().equals("Water plants")) {
                    return cell.lookup(".check-box");
                }
            }
            throw new AssertionError("no check box for Water plants");
        });
        robot.doubleClickOn(row);
        Await.until("the plants watered", () -> device.store().allItems().stream()
                .anyMatch(i -> i.title().equals("Water plants") && i.isDone()));
        Await.quietFor(Duration.ofMillis(800), "a completion by the double click's second click would land within it");
        WaitForAsyncUtils.waitForFxEvents();
        List<Item> plants = device.store().allItems().stream().filter(i -> i.title().equals("Water plants")).toList();
        assertEquals(1, plants.stream().filter(Item::isDone).count(), "one completion for one gesture: " + plants);
        assertEquals(2, plants.size(), "the done one and the next, open occurrence: " + plants);
    }

    @Test
    void quickAdd_onlyAPriority_saysWhatIsMissingUnderTheField(FxRobot robot) throws Exception {
        robot.clickOn("#quick-add").write("p1").type(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#quick-add-message").queryAs(Label.class).isVisible());
        assertEquals("“p1” only sets details (a date, priority, list or tag): add a title, e.g. “Buy milk p1”.",
                fx(() -> robot.lookup("#quick-add-message").queryAs(Label.class).getText()));
        assertEquals("p1", fx(() -> ((TextField) robot.lookup("#quick-add").query()).getText()),
                "the field keeps what was typed");
        assertEquals(List.of(), device.store().allItems());
    }

    @Test
    void reminder_dueOnTheControlledClock_showsNotification_doneCompletes(FxRobot robot) throws Exception {
        long at = clock.millis() + Duration.ofMinutes(30).toMillis();
        Item it = device.store().add("Call the dentist", null, null, null,
                new TodoDetails(null, List.of(), null, at)).item();
        waitFor(() -> items(robot).getItems().size() == 1);
        Await.quietFor(Duration.ofMillis(1500), "a notification rung before its time would show within it");
        assertTrue(robot.lookup("Snooze 10 min").tryQuery().isEmpty(), "not before its time");
        clock.advance(Duration.ofMinutes(31));
        waitFor(() -> robot.lookup("Snooze 10 min").tryQuery().isPresent());
        assertTrue(robot.lookup("Call the dentist").queryAll().size() >= 2, "the notification names the todo");
        robot.clickOn(robot.lookup("Done").queryAllAs(Button.class).stream().filter(Node::isVisible).findFirst()
                .orElseThrow());
        waitFor(() -> device.store().get(it.id()).orElseThrow().isDone());
        assertFalse(device.store().get(it.id()).orElseThrow().reminderPending());
    }

    @Test
    void f1_showsEveryShortcutOfTheTable_whichAreTheRealBindings(FxRobot robot) throws Exception {
        device.store().add("Alpha", null, null);
        waitFor(() -> items(robot).getItems().size() == 1);
        waitFor(() -> robot.lookup("Alpha").tryQuery().isPresent());
        robot.clickOn("Alpha").type(KeyCode.F1);
        waitFor(() -> robot.lookup("#shortcut-overlay").tryQuery().isPresent());
        Parent overlay = robot.lookup("#shortcut-overlay").queryAs(Parent.class);
        List<String> keys = fx(() -> overlay.lookupAll(".shortcut-key").stream().map(n -> ((Label) n).getText()).toList());
        Shortcuts table = view.shortcuts();
        assertEquals(table.listed().stream().map(Shortcuts.Shortcut::keyText).toList(), keys);
        // Ctrl+1 … Ctrl+9 are one line, not nine "Sidebar entry N" lines; all nine still work.
        assertEquals(1, keys.stream().filter(k -> k.matches("Ctrl\\+[1-9]")).count(), keys.toString());
        assertEquals(9, table.all().stream().filter(s -> s.keyText().matches("Ctrl\\+[1-9]")).count());
        // Every window entry is a scene accelerator and every accelerator is in the table: they cannot drift.
        Set<KeyCombination> accelerators = fx(() -> new HashSet<>(view.getScene().getAccelerators().keySet()));
        Set<KeyCombination> windowKeys = new HashSet<>();
        table.all().stream().filter(s -> s.scope() == Shortcuts.Scope.WINDOW).forEach(s -> windowKeys.add(s.keys()));
        assertEquals(windowKeys, accelerators);
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> robot.lookup("#shortcut-overlay").tryQuery().isEmpty());
        assertTrue(fx(() -> items(robot).isFocused()), "the focus goes back where it was");
    }

    @Test
    void iconOnlyButtons_haveAccessibleText_andRowsSayTitleListDueDone(FxRobot robot) throws Exception {
        device.store().add("Water plants", null, device.store().today());
        waitFor(() -> items(robot).getItems().size() == 1);
        waitFor(() -> robot.lookup("Water plants").tryQuery().isPresent());
        robot.clickOn("Water plants");
        waitFor(() -> robot.lookup("#editor-priority").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> missing = fx(() -> {
            List<String> out = new ArrayList<>();
            for (Window w : Window.getWindows()) {
                if (w.getScene() != null) {
                    walk(w.getScene().getRoot(), out);
                }
            }
            return out;
        });
        assertEquals(List.of(), missing, "icon-only buttons without accessible text");
        String rowText = fx(() -> robot.lookup(".item-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() != null).findFirst().orElseThrow().getAccessibleText());
        assertEquals("Water plants, Inbox, due Today, not done", rowText);
    }

    @Test
    void ctrlT_onTwoRows_asksInALabelledDialog_andTagsBoth(FxRobot robot) throws Exception {
        device.store().add("Alpha", null, null);
        device.store().add("Bravo", null, null);
        waitFor(() -> items(robot).getItems().size() == 2);
        waitFor(() -> robot.lookup("Alpha").tryQuery().isPresent());
        robot.clickOn("Alpha");
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT);
        waitFor(() -> view.itemList().selectedRows().size() == 2);
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#ask-text").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#ask-text").queryAs(DialogPane.class);
        assertEquals(AccessibleRole.DIALOG, fx(pane::getAccessibleRole));
        assertEquals("Add a tag to 2 todos", fx(pane::getAccessibleText), "the dialog says how many it tags");
        TextField field = robot.lookup("#ask-text .text-field").queryAs(TextField.class);
        assertEquals("Tag for all 2", fx(field::getAccessibleText));
        robot.clickOn(field).write("errands");
        waitFor(() -> "errands".equals(field.getText()));
        robot.type(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#ask-text").tryQuery().isEmpty());
        waitFor(() -> new TagStore(device.store()).counts().stream()
                .anyMatch(c -> c.id().equals("errands") && c.count() == 2));
        waitFor(() -> items(robot).getItems().stream().allMatch(r -> r.tags().equals(List.of("errands"))));
    }

    private static void walk(Node n, List<String> missing) {
        if (n instanceof ButtonBase b && b.getGraphic() != null && (b.getText() == null || b.getText().isBlank())
                && (b.getAccessibleText() == null || b.getAccessibleText().isBlank())) {
            missing.add(b.getClass().getSimpleName() + (b.getId() == null ? "" : "#" + b.getId()) + " " + b.getStyleClass());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, missing);
            }
        }
    }

    private Item only() {
        return device.store().allItems().get(0);
    }

    private boolean rowSays(FxRobot robot, String dueLabel) {
        return robot.lookup(".item-cell").queryAllAs(ListCell.class).stream()
                .anyMatch(c -> c.getItem() != null && c.lookupAll(".label").stream()
                        .anyMatch(n -> n instanceof Label l && dueLabel.equals(l.getText())));
    }

    @Test
    void editorTimeAndLength_typedAndEntered_savedAndShownInTheRow(FxRobot robot) throws Exception {
        device.store().add("Call the bank", null, device.store().today().plusDays(1));
        waitFor(() -> items(robot).getItems().size() == 1);
        waitFor(() -> robot.lookup("Call the bank").tryQuery().isPresent());
        robot.clickOn("Call the bank");
        waitFor(() -> robot.lookup("#editor-time").tryQuery().isPresent());
        robot.clickOn("#editor-time").write("2pm").type(KeyCode.ENTER);
        waitFor(() -> "14:00".equals(only().dueTime()));
        robot.clickOn("#editor-length").write("30m").type(KeyCode.ENTER);
        waitFor(() -> Long.valueOf(30).equals(only().durationMinutes()));
        assertEquals("14:00", fx(() -> robot.lookup("#editor-time").queryTextInputControl().getText()));
        assertEquals("30 min", fx(() -> robot.lookup("#editor-length").queryTextInputControl().getText()));
        waitFor(() -> rowSays(robot, "Tomorrow 14:00 · 30 min"));
    }

    @Test
    void quickAdd_timeAndLength_addsATimedTodo(FxRobot robot) throws Exception {
        robot.clickOn("#quick-add").write("Call the bank tomorrow 2pm for 30 min").type(KeyCode.ENTER);
        waitFor(() -> device.store().allItems().size() == 1);
        Item it = only();
        assertEquals("Call the bank", it.title());
        assertEquals(device.store().today().plusDays(1), it.dueDate());
        assertEquals("14:00", it.dueTime());
        assertEquals(30L, it.durationMinutes());
    }
}
