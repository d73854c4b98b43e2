package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Listing;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two app instances on one folder remote: an edit in one shows up in the other after sync, and the
 * other window keeps its selection and scroll position.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TwoDevicesUiTest {
    @TempDir
    static Path tmp;

    private Device a;
    private Device b;
    private MainView viewA;
    private MainView viewB;

    @Start
    void start(Stage stage) throws Exception {
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        SyncSettings folder = SyncSettings.folder(remote, 2);
        a = Device.open("Device A", tmp.resolve("a"), FxExecutor.INSTANCE, folder, Duration.ofMillis(300));
        b = Device.open("Device B", tmp.resolve("b"), FxExecutor.INSTANCE, folder, Duration.ofMillis(300));
        viewA = MainWindow.create(a, Theme.LIGHT, null);
        viewB = MainWindow.create(b, Theme.LIGHT, null);
        stage.setScene(new Scene(viewA, 760, 560));
        stage.setX(0);
        stage.show();
        Stage second = new Stage();
        second.setScene(new Scene(viewB, 760, 560));
        second.setX(780);
        second.show();
        viewA.start();
        viewB.start();
    }

    @AfterEach
    void close() throws Exception {
        TestWindow.close(Duration.ofSeconds(5), List.of(viewA, viewB), List.of(a, b));
    }

    @Test
    void editOnA_appearsOnB_andBKeepsSelectionAndScroll() throws Exception {
        for (int i = 1; i <= 60; i++) {
            a.store().add(String.format("Todo %02d", i), null, null);
        }
        ListView<ItemRow> listB = viewB.itemList();
        waitFor(20, () -> listB.getItems().size() == 60);

        // On B: scroll down and select a row in the viewport, so that its cell is on screen.
        onFx(() -> {
            listB.scrollTo(35);
            listB.requestFocus();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        VirtualFlow<?> flow = onFx(() -> (VirtualFlow<?>) listB.lookup(".virtual-flow"));
        int selected = onFx(() -> flow.getFirstVisibleCell().getIndex() + 3);
        onFx(() -> {
            listB.getSelectionModel().select(selected);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        String selectedId = onFx(() -> listB.getSelectionModel().getSelectedItem().id());
        Map<Integer, Double> shown = onFx(() -> shownRows(flow));
        int firstVisible = Collections.min(shown.keySet());
        assertTrue(firstVisible > 20, "scrolled: " + firstVisible);
        List<String> removedIds = new CopyOnWriteArrayList<>();
        onFx(() -> {
            listB.getItems().addListener((ListChangeListener<ItemRow>) c -> {
                while (c.next()) {
                    if (c.wasRemoved() && !c.wasReplaced()) {
                        c.getRemoved().forEach(it -> removedIds.add(it.id()));
                    }
                }
            });
            return null;
        });

        // On A: edit a row above B's viewport and the selected row's neighbour.
        String editedId = a.store().query(Listing.inbox()).get(9).id();
        a.store().update(editedId, it -> it.withTitle("Todo 10, edited on A"));
        waitFor(20, () -> listB.getItems().stream().anyMatch(it -> it.title().equals("Todo 10, edited on A")));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(selectedId, onFx(() -> listB.getSelectionModel().getSelectedItem().id()), "selection survives");
        assertEquals(selected, (int) onFx(() -> listB.getSelectionModel().getSelectedIndex()));
        // Every row on screen, by index and pixel: not VirtualFlow.getPosition, a fraction of an
        // estimated total height that moves in the fifth decimal whenever a cell is measured again
        // (the edited one), nor getFirstVisibleCell, which may name a row laid out just above the
        // viewport with none of its pixels showing.
        assertEquals(shown, onFx(() -> shownRows(flow)), "the rows stay where they were");
        assertEquals(List.of(), removedIds, "rows are replaced in place, never removed and re-added");
        IndexedCell<?> cell = onFx(() -> flow.getVisibleCell(selected));
        assertNotNull(cell, "the selected row is on screen");
        assertTrue(onFx(cell::isSelected), "the selected row is drawn selected");
    }

    /** The rows with at least one pixel in the viewport: index to the row's top. */
    private static Map<Integer, Double> shownRows(VirtualFlow<?> flow) {
        Map<Integer, Double> rows = new TreeMap<>();
        for (int i = 0; i < flow.getCellCount(); i++) {
            IndexedCell<?> cell = flow.getVisibleCell(i);
            if (cell != null && cell.isVisible() && cell.getLayoutY() + cell.getHeight() > 0
                    && cell.getLayoutY() < flow.getHeight()) {
                rows.put(i, cell.getLayoutY());
            }
        }
        return rows;
    }
}
