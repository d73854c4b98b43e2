package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.app.text.filter.FilterParser;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.window.SidebarEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
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
 * Smart lists in a real (headless) window: a saved filter under its heading with a count that follows the
 * todos, opened with a click; the search box reading operators, and its query saved as a smart list.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SmartListsUiTest {
    @TempDir
    static Path tmp;

    private Device device;
    private MainView view;
    private final FakeDialogs dialogs = new FakeDialogs();

    @Start
    void start(Stage stage) throws Exception {
        device = TestWindow.device("UI test", Files.createTempDirectory(tmp, "ui"), null);
        TodoStore s = device.store();
        s.add("Buy milk", "Errands", null, null, new TodoDetails(1, List.of("errand"), null, null));
        s.add("Post the parcel", "Errands", null, null, new TodoDetails(3, List.of("errand"), null, null));
        s.add("Quarterly report", "Work", null, s.today().minusDays(1), new TodoDetails(1, List.of(), null, null));
        s.savedFilters().save("Urgent", FilterParser.parse("p1", s.today()), "#d9480f");
        view = TestWindow.mainWindow(stage, device, dialogs, 1100, 720);
    }

    @AfterEach
    void close() throws Exception {
        TestWindow.close(view, device);
    }

    /** The count badge of the sidebar cell showing {@code name}, as drawn; on the FX thread. */
    private static String badge(FxRobot robot, String name) {
        ListView<?> sidebar = robot.lookup("#sidebar").queryListView();
        for (Node n : sidebar.lookupAll(".list-cell")) {
            if (n instanceof ListCell<?> c && c.getItem() instanceof SidebarEntry e && e.name().equals(name)) {
                return c.getGraphic().lookupAll(".label").stream().filter(l -> l.getStyleClass().contains("count-badge"))
                        .map(l -> ((Label) l).getText()).findFirst().orElse("");
            }
        }
        return "";
    }

    /** The item list's titles, sorted; on the FX thread. */
    private static List<String> titles(FxRobot robot) {
        ListView<ItemRow> items = robot.lookup("#items").queryListView();
        return items.getItems().stream().map(ItemRow::title).sorted().toList();
    }

    @Test
    void sidebar_savedFilter_countFollowsTheTodosAndAClickOpensIt(FxRobot robot) throws Exception {
        waitFor(() -> badge(robot, "Urgent").equals("2"));
        assertTrue(onFx(() -> robot.lookup("SMART LISTS").tryQuery().isPresent()), "the smart lists' heading shows");
        // Its colour on its icon, and every icon still drawn in the icon font (its inline style holds both).
        List<String> iconStyles = onFx(() -> robot.lookup("#sidebar").queryListView().lookupAll(".ikonli-font-icon").stream()
                .map(Node::getStyle).toList());
        assertTrue(iconStyles.stream().allMatch(st -> st.contains("-fx-font-family")), iconStyles.toString());
        assertEquals(1, iconStyles.stream().filter(st -> st.contains("-fx-icon-color: #d9480f;")).count(), iconStyles.toString());

        device.store().add("Call the bank", "Work", null, null, new TodoDetails(1, List.of(), null, null));
        waitFor(() -> badge(robot, "Urgent").equals("3"));

        robot.clickOn("Urgent");
        waitFor(() -> titles(robot).equals(List.of("Buy milk", "Call the bank", "Quarterly report")));
        assertEquals("Urgent", onFx(() -> view.viewModel().titleProperty().get()));
    }

    @Test
    void search_operators_narrowTheListAndSaveAsASmartList(FxRobot robot) throws Exception {
        waitFor(() -> badge(robot, "Urgent").equals("2"));
        robot.clickOn("#search").write("@errand p3");
        waitFor(() -> titles(robot).equals(List.of("Post the parcel")));
        waitFor(() -> robot.lookup("#save-smart-list").query().isVisible());

        dialogs.textAnswers.add("Cheap errands");
        robot.clickOn("#save-smart-list");
        waitFor(() -> badge(robot, "Cheap errands").equals("1"));
        assertEquals("@errand & p3", device.store().savedFilters().named("Cheap errands").orElseThrow().query());
        assertEquals("Cheap errands", onFx(() -> view.viewModel().titleProperty().get()));
    }
}
