package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.testing.NodeChanges;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.app.vm.window.SidebarEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Bounds;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
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
 * The sidebar's entries while their counts change: each update changes only what differs, and an entry makes
 * its windows (a tooltip, a context menu) only when one is shown or asked for.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SidebarViewUiTest {
    private static final String CHANGES = "test.changes";

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

    private ListCell<?> entry(FxRobot robot, String name) {
        return robot.lookup(".sidebar-cell").queryAll().stream().map(n -> (ListCell<?>) n)
                .filter(c -> c.getItem() instanceof SidebarEntry e && e.name().equals(name) && c.isVisible())
                .findFirst().orElse(null);
    }

    /** The count on {@code name}'s entry, "" while it shows none; on the FX thread, as {@code waitFor} asks. */
    private String badge(FxRobot robot, String name) {
        ListCell<?> c = entry(robot, name);
        return c == null ? "" : NodeChanges.all(c).stream().filter(n -> n.getStyleClass().contains("count-badge"))
                .map(n -> ((Label) n).getText()).findFirst().orElse("");
    }

    @Test
    void countsChanging_updateEntries_withNoChildOrStyleClassChange_andNoWindowUntilAsked(FxRobot robot)
            throws Exception {
        TodoList groceries = device.store().createList("Groceries");
        device.store().add("Oat milk", groceries.id(), null);
        waitFor(() -> badge(robot, "Groceries").equals("1"));
        onFx(() -> {
            // One counter per entry, kept on it: the entries' cells are read again after the counts changed.
            robot.lookup(".sidebar-cell").queryAll().forEach(n -> n.getProperties().put(CHANGES, NodeChanges.watch(n)));
            return null;
        });
        for (String title : List.of("Bread", "Apples", "Coffee")) {
            device.store().add(title, groceries.id(), null);
        }
        waitFor(() -> badge(robot, "Groceries").equals("4"));
        int changed = onFx(() -> robot.lookup(".sidebar-cell").queryAll().stream()
                .map(n -> (AtomicInteger) n.getProperties().get(CHANGES)).filter(a -> a != null)
                .mapToInt(AtomicInteger::get).sum());
        assertEquals(0, changed, "count updates changed the entries' children or style classes");

        ListCell<?> cell = onFx(() -> entry(robot, "Groceries"));
        assertNull(onFx(cell::getTooltip), "no tooltip for a list that is not shared");
        assertNull(onFx(cell::getContextMenu), "no menu made before it is asked for");
        // Requested as a right-click or the menu key would (the headless toolkit turns no click into that request).
        onFx(() -> {
            Bounds b = cell.localToScreen(cell.getLayoutBounds());
            cell.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 10, b.getMinX() + 10,
                    b.getMinY() + 10, false, null));
            return null;
        });
        waitFor(() -> cell.getContextMenu() != null && cell.getContextMenu().isShowing());
        ContextMenu menu = onFx(cell::getContextMenu);
        List<String> ids = onFx(() -> menu.getItems().stream().map(MenuItem::getId).toList());
        assertTrue(ids.contains("delete-list") && ids.contains("new-section"), ids.toString());
        onFx(() -> {
            menu.hide();
            return null;
        });
    }
}
