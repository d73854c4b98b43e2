package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;

import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.outline.SectionStore;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.window.SidebarEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
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

/** A list's outline in a real (headless) window: dragging rows, the keys that move, indent and fold, and sections. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class OutlineUiTest {
    @TempDir
    static Path tmp;

    private Device device;
    private MainView view;
    private TodoList list;

    @Start
    void start(Stage stage) throws Exception {
        device = TestWindow.device("UI test", Files.createTempDirectory(tmp, "ui"), null);
        view = TestWindow.mainWindow(stage, device, null, 1100, 720);
        list = device.store().createList("Move house");
    }

    @AfterEach
    void close() throws Exception {
        TestWindow.close(view, device);
    }

    private String add(String title, String parentId) {
        return device.store().add(title, null, list.id(), parentId, null, TodoDetails.NONE).item().id();
    }

    private ListView<ItemRow> items(FxRobot robot) {
        return robot.lookup("#items").queryListView();
    }

    /** The rows as "  title" (two spaces a level) and "# section". */
    private List<String> shown(FxRobot robot) throws Exception {
        return onFx(() -> items(robot).getItems().stream()
                .map(r -> r.isSection() ? "# " + r.title() : "  ".repeat(r.depth()) + r.title()).toList());
    }

    private void awaitShown(FxRobot robot, List<String> expected) throws Exception {
        try {
            waitFor(() -> {
                try {
                    return shown(robot).equals(expected);
                } catch (Exception e) {
                    return false;
                }
            });
        } catch (Exception e) {
            assertEquals(expected, shown(robot));
        }
    }

    private ListCell<?> cell(FxRobot robot, String title) throws Exception {
        return onFx(() -> items(robot).lookupAll(".item-cell").stream().map(n -> (ListCell<?>) n)
                .filter(c -> c.getItem() instanceof ItemRow r && r.title().equals(title) && c.isVisible())
                .findFirst().orElseThrow());
    }

    private void openList(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("Move house").tryQuery().isPresent());
        robot.clickOn("Move house");
        waitFor(() -> view.viewModel().outlinedProperty().get());
    }

    /** Drags {@code title}'s row to {@code fraction} of the height of {@code onto}'s row, in steps as a hand would. */
    private void drag(FxRobot robot, String title, String onto, double fraction) throws Exception {
        Node from = cell(robot, title);
        Bounds b = onFx(() -> {
            ListCell<?> c = cell(robot, onto);
            return c.localToScreen(c.getLayoutBounds());
        });
        robot.drag(from).moveBy(0, 8).moveTo(b.getMinX() + 200, b.getMinY() + b.getHeight() * fraction)
                .moveBy(1, 0).drop();
    }

    @Test
    void dragAboveARow_putsItBefore_dragOntoTheMiddle_makesASubtask(FxRobot robot) throws Exception {
        add("Pack boxes", null);
        add("Books", null);
        add("Keys", null);
        openList(robot);
        awaitShown(robot, List.of("Pack boxes", "Books", "Keys"));

        drag(robot, "Keys", "Pack boxes", 0.1);
        awaitShown(robot, List.of("Keys", "Pack boxes", "Books"));
        assertEquals("Keys", onFx(() -> items(robot).getSelectionModel().getSelectedItem().title()),
                "the moved row stays selected");

        drag(robot, "Books", "Pack boxes", 0.5);
        awaitShown(robot, List.of("Keys", "Pack boxes", "  Books"));

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        awaitShown(robot, List.of("Keys", "Pack boxes", "Books"));
    }

    @Test
    void keys_moveDownIndentAndOutdent_keepTheRowSelected(FxRobot robot) throws Exception {
        add("Pack boxes", null);
        add("Books", null);
        add("Keys", null);
        openList(robot);
        awaitShown(robot, List.of("Pack boxes", "Books", "Keys"));
        robot.clickOn("Pack boxes");
        robot.press(KeyCode.ALT, KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT, KeyCode.ALT);
        awaitShown(robot, List.of("Books", "Pack boxes", "Keys"));
        robot.press(KeyCode.CONTROL).type(KeyCode.CLOSE_BRACKET).release(KeyCode.CONTROL);
        awaitShown(robot, List.of("Books", "  Pack boxes", "Keys"));
        assertEquals(List.of("Pack boxes"), onFx(() -> view.itemList().selectedRows().stream().map(ItemRow::title).toList()),
                "the moved row is the one selected");
        robot.press(KeyCode.CONTROL).type(KeyCode.OPEN_BRACKET).release(KeyCode.CONTROL);
        awaitShown(robot, List.of("Books", "Pack boxes", "Keys"));
        robot.press(KeyCode.ALT, KeyCode.SHIFT).type(KeyCode.UP).release(KeyCode.SHIFT, KeyCode.ALT);
        awaitShown(robot, List.of("Pack boxes", "Books", "Keys"));
        assertEquals(List.of("Pack boxes"), onFx(() -> view.itemList().selectedRows().stream().map(ItemRow::title).toList()));
    }

    @Test
    void leftAndRight_foldAndShowSubtasks_theArrowToo(FxRobot robot) throws Exception {
        String box = add("Pack boxes", null);
        add("Books", box);
        add("Keys", null);
        openList(robot);
        awaitShown(robot, List.of("Pack boxes", "  Books", "Keys"));
        Node progress = onFx(() -> cell(robot, "Pack boxes").lookup(".item-progress"));
        assertEquals("0/1", onFx(() -> ((Label) progress).getText()));
        robot.clickOn("Pack boxes");
        robot.type(KeyCode.LEFT);
        awaitShown(robot, List.of("Pack boxes", "Keys"));
        assertTrue(onFx(() -> cell(robot, "Pack boxes").getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("collapsed"))));
        robot.type(KeyCode.RIGHT);
        awaitShown(robot, List.of("Pack boxes", "  Books", "Keys"));
        robot.clickOn(onFx(() -> cell(robot, "Pack boxes").lookup(".disclosure")));
        awaitShown(robot, List.of("Pack boxes", "Keys"));
        robot.clickOn(onFx(() -> cell(robot, "Pack boxes").lookup(".disclosure")));
        awaitShown(robot, List.of("Pack boxes", "  Books", "Keys"));
    }

    @Test
    void sectionHeader_arrowFoldsItsTodos_andDraggingATodoOntoItMovesItIn(FxRobot robot) throws Exception {
        add("Pack boxes", null);
        add("Books", null);
        new SectionStore(device.store()).create(list.id(), "Later");
        openList(robot);
        awaitShown(robot, List.of("Pack boxes", "Books", "# Later"));
        drag(robot, "Books", "Later", 0.5);
        awaitShown(robot, List.of("Pack boxes", "# Later", "Books"));
        robot.clickOn(onFx(() -> cell(robot, "Later").lookup(".disclosure")));
        awaitShown(robot, List.of("Pack boxes", "# Later"));
        assertTrue(onFx(() -> cell(robot, "Later").getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("section"))));
        // Folding hides rows, never todos: the count stays the list's open todos.
        assertEquals("2 todos", onFx(() -> view.viewModel().chrome().countTextProperty().get()));
        robot.clickOn(onFx(() -> cell(robot, "Later").lookup(".disclosure")));
        awaitShown(robot, List.of("Pack boxes", "# Later", "Books"));
    }

    /** Whether {@code title}'s row keeps room for the fold arrow before its check box. */
    private boolean gutter(FxRobot robot, String title) throws Exception {
        return onFx(() -> cell(robot, title).lookup(".disclosure").isManaged());
    }

    @Test
    void sections_noTodoHasSubtasks_rowsKeepNoFoldGutterUntilOneHas(FxRobot robot) throws Exception {
        String pack = add("Pack boxes", null);
        String later = new SectionStore(device.store()).create(list.id(), "Later").id();
        device.store().update(add("Tape", null), it -> it.withSectionId(later));
        openList(robot);
        awaitShown(robot, List.of("Pack boxes", "# Later", "Tape"));
        assertFalse(gutter(robot, "Pack boxes"), "a section is no subtask: a flat list keeps its titles' room");
        assertFalse(gutter(robot, "Tape"));
        add("Books", pack);
        awaitShown(robot, List.of("Pack boxes", "  Books", "# Later", "Tape"));
        waitFor(() -> {
            try {
                return gutter(robot, "Pack boxes") && gutter(robot, "Tape");
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void sidebar_dragAListAboveAnother_ordersTheLists(FxRobot robot) throws Exception {
        device.store().createList("Garden");
        waitFor(() -> robot.lookup("Garden").tryQuery().isPresent() && robot.lookup("Move house").tryQuery().isPresent());
        List<String> before = onFx(() -> view.viewModel().listIds());
        assertEquals(2, before.size());
        String lastName = onFx(() -> view.viewModel().listName(before.get(1)));
        String firstName = onFx(() -> view.viewModel().listName(before.get(0)));
        Node from = robot.lookup(lastName).query();
        // The first list's row carries the "LISTS" heading above its name: its top quarter is "above it".
        Bounds target = onFx(() -> {
            Node n = robot.lookup(firstName).query();
            while (!(n instanceof ListCell<?>)) {
                n = n.getParent();
            }
            return n.localToScreen(n.getLayoutBounds());
        });
        robot.drag(from).moveBy(0, -8).moveTo(target.getMinX() + 40, target.getMinY() + 2).moveBy(1, 0).drop();
        waitFor(() -> view.viewModel().listIds().equals(List.of(before.get(1), before.get(0))));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(() -> view.viewModel().listIds().equals(before));
    }

    @Test
    void sidebar_altShiftDownOnAList_movesItAfterTheNext(FxRobot robot) throws Exception {
        device.store().createList("Garden");
        waitFor(() -> robot.lookup("Garden").tryQuery().isPresent() && robot.lookup("Move house").tryQuery().isPresent());
        List<String> before = onFx(() -> view.viewModel().listIds());
        String firstName = onFx(() -> view.viewModel().listName(before.get(0)));
        robot.clickOn(firstName);
        robot.press(KeyCode.ALT, KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT, KeyCode.ALT);
        waitFor(() -> view.viewModel().listIds().equals(List.of(before.get(1), before.get(0))));
        // The sidebar shows the new order (its rows come a moment after the lists) before the next key.
        ListView<SidebarEntry> sidebar = robot.lookup("#sidebar").queryListView();
        waitFor(() -> sidebar.getItems().stream().filter(x -> x.kind() == SidebarEntry.Kind.LIST)
                .map(SidebarEntry::listId).toList().equals(List.of(before.get(1), before.get(0))));
        assertEquals("list:" + before.get(0), onFx(() -> view.viewModel().chrome().shownKeyProperty().get()),
                "moving the list shown keeps it shown");
        robot.press(KeyCode.ALT, KeyCode.SHIFT).type(KeyCode.UP).release(KeyCode.SHIFT, KeyCode.ALT);
        waitFor(() -> view.viewModel().listIds().equals(before));
    }
}
