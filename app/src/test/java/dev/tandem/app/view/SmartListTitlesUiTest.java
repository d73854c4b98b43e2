package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.shownText;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.Device;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.app.text.filter.FilterParser;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * Smart lists with everyday names in a 1366 × 768 window: opened with a todo open beside the list, each name reads
 * whole in the header's title ("Work thi…", "Urgent o…" with space to spare) and in its sidebar row, bold as the
 * selected row is ("Urgent or err…").
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SmartListTitlesUiTest {
    /** The names of the smart lists someone made in their first hour. */
    private static final List<String> NAMES = List.of("Work this week", "Urgent or errand", "Due today or late", "Milk",
            "Undated not in Inbox");

    @TempDir
    static Path tmp;

    private Device device;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        device = TestWindow.device("UI test", Files.createTempDirectory(tmp, "ui"), null);
        TodoStore s = device.store();
        s.add("Buy milk", "Groceries", null, null, new TodoDetails(null, List.of("errand"), null, null));
        s.add("Fix bike", "Errands", null, s.today().plusDays(3), new TodoDetails(1, List.of("urgent"), null, null));
        s.add("Quarterly report", "Work", null, s.today(), new TodoDetails(2, List.of(), null, null));
        s.add("Pack books", "Move", null, null, new TodoDetails(null, List.of(), null, null));
        List<String> queries = List.of("#Work & due: next 7 days", "@urgent | @errand", "overdue | today",
                "search: milk", "no date & !#Move");
        for (int i = 0; i < NAMES.size(); i++) {
            s.savedFilters().save(NAMES.get(i), FilterParser.parse(queries.get(i), s.today()), "#d9480f");
        }
        view = TestWindow.mainWindow(stage, device, new FakeDialogs(), 1366, 768);
    }

    @AfterEach
    void close() throws Exception {
        TestWindow.close(view, device);
    }

    @Test
    void smartListOpened_at1366_itsNameReadsWholeInTheHeaderAndTheSidebar(FxRobot robot) throws Exception {
        waitFor(() -> sidebarName(robot, NAMES.get(NAMES.size() - 1)) != null);
        Label title = robot.lookup("#view-title").queryAs(Label.class);
        for (String name : NAMES) {
            robot.clickOn(sidebarName(robot, name));
            waitFor(() -> name.equals(title.getText()) && !view.itemList().getItems().isEmpty());
            // A todo open beside the list, as people work: the header has the list's share of the window only.
            waitFor(() -> {
                view.itemList().getSelectionModel().clearAndSelect(0);
                return view.editorViewModel().showingProperty().get();
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(name, onFx(() -> shownText(title)), "the header's title beside an open todo, "
                    + onFx(title::getWidth) + " px of " + onFx(() -> title.prefWidth(-1)) + " px it wants");
            Label row = onFx(() -> sidebarName(robot, name));
            assertEquals(name, onFx(() -> shownText(row)), "the selected sidebar row, " + onFx(row::getWidth)
                    + " px of " + onFx(() -> row.prefWidth(-1)) + " px it wants");
        }
    }

    /** The name label of the sidebar row showing {@code name}; null while there is none. On the FX thread. */
    private static Label sidebarName(FxRobot robot, String name) {
        ListView<?> sidebar = robot.lookup("#sidebar").queryListView();
        for (Node n : sidebar.lookupAll(".list-cell")) {
            if (n instanceof ListCell<?> c && c.getItem() instanceof SidebarEntry e && e.name().equals(name)
                    && c.getGraphic() != null) {
                return c.getGraphic().lookupAll(".label").stream().map(Label.class::cast)
                        .filter(l -> name.equals(l.getText())).findFirst().orElse(null);
            }
        }
        return null;
    }
}
