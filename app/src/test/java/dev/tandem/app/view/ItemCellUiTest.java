package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.Listing.BuiltIn;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.testing.NodeChanges;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.ui.Styles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
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
 * A row of the item list updated again and again, as the list does while it measures and scrolls: it changes
 * only what differs (a node put back or a style class taken off and on is styled from scratch), and makes the
 * parts few rows show only for a row that shows them.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ItemCellUiTest {
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

    @SuppressWarnings("unchecked")
    private ListView<ItemRow> items(FxRobot robot) {
        return robot.lookup("#items").queryListView();
    }

    private ItemRow row(FxRobot robot, String title) throws Exception {
        return row(robot, title, r -> true);
    }

    /** The row titled {@code title} the list shows once it also passes {@code test}. */
    private ItemRow row(FxRobot robot, String title, Predicate<ItemRow> test) throws Exception {
        waitFor(() -> shown(robot, title, test) != null);
        return onFx(() -> shown(robot, title, test));
    }

    /** The row, or null while the list has none; on the FX thread, as {@code waitFor} asks. */
    private ItemRow shown(FxRobot robot, String title, Predicate<ItemRow> test) {
        return items(robot).getItems().stream().filter(r -> r.title().equals(title) && test.test(r)).findFirst()
                .orElse(null);
    }

    /** The buttons of {@code cell}'s row (its graphic: a cell outside a scene has no skin to hold it). */
    private static List<Button> buttons(ItemCell cell) {
        return NodeChanges.all(cell).stream().filter(n -> n instanceof Button).map(n -> (Button) n).toList();
    }

    /** The tooltip installed on a node of {@code root}, or null. */
    private static Tooltip tooltipIn(Node root) {
        for (Node n : NodeChanges.all(root)) {
            for (Object v : n.getProperties().values()) {
                if (v instanceof Tooltip t) {
                    return t;
                }
            }
        }
        return null;
    }



    @Test
    void updateItem_theSameRowAgain_changesNoChildAndNoStyleClass(FxRobot robot) throws Exception {
        device.store().add("Pay rent", null, null, LocalDate.now().minusDays(1),
                new TodoDetails(2, List.of("home", "money"), null, null));
        ItemRow rent = row(robot, "Pay rent");
        device.store().update(rent.id(), i -> i.withNotes("Standing order, check the amount").withDone(true, 1L));
        onFx(() -> {
            view.viewModel().select(Listing.of(BuiltIn.COMPLETED));
            return null;
        });
        ItemRow done = row(robot, "Pay rent", r -> r.isDone() && r.hasNotes());

        int[] changed = onFx(() -> {
            ItemCell cell = new ItemCell((ItemListView) items(robot), view.viewModel());
            cell.updateItem(done, false);
            Tooltip tip = tooltipIn(cell);
            AtomicInteger changes = NodeChanges.watch(cell);
            for (int k = 0; k < 5; k++) {
                cell.updateItem(done, false);
            }
            boolean sameTip = tip != null && tooltipIn(cell) == tip;
            return new int[] {changes.get(), sameTip ? 1 : 0, cell.getStyleClass().contains(Styles.ITEM_DONE) ? 1 : 0};
        });
        assertEquals(0, changed[0], "updating a cell with the row it shows changed children or style classes");
        assertEquals(1, changed[1], "the note's tooltip is the cell's one tooltip, its text changed");
        assertEquals(1, changed[2], "a done todo's row keeps its style class");
    }

    @Test
    void updateItem_trashedRowOnly_makesRestore_andHidesItForTheNextRow(FxRobot robot) throws Exception {
        device.store().add("Water plants", null, null, null, TodoDetails.NONE);
        String gone = device.store().add("Old plan", null, null, null, TodoDetails.NONE).item().id();
        ItemRow open = row(robot, "Water plants");
        device.store().trash(gone);
        onFx(() -> {
            view.viewModel().select(Listing.of(BuiltIn.TRASH));
            return null;
        });
        ItemRow trashed = row(robot, "Old plan", ItemRow::isTrashed);
        assertTrue(trashed.isTrashed());
        assertFalse(open.isTrashed(), "Water plants is open");

        onFx(() -> {
            ItemCell cell = new ItemCell((ItemListView) items(robot), view.viewModel());
            cell.updateItem(open, false);
            assertTrue(buttons(cell).isEmpty(), "a cell that showed no trashed row has no Restore");
            cell.updateItem(trashed, false);
            assertEquals(1, buttons(cell).size(), "Restore on the trashed row");
            Button restore = buttons(cell).get(0);
            assertTrue(restore.isVisible() && restore.isManaged(), "Restore shown on the trashed row");
            cell.updateItem(open, false);
            assertFalse(restore.isVisible() || restore.isManaged(), "no Restore on the next, open row");
            assertEquals(List.of(restore), buttons(cell), "the one Restore kept for the next trashed row");
            return null;
        });
    }
}
