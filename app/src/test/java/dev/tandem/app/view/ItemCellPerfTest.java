package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.Listing.BuiltIn;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.app.vm.shared.ItemRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
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
 * What one update of an item list's row costs with its styling and layout, as the list pays it for every row it
 * shows and measures: one cell in a window with the app's stylesheets shows the rows of Upcoming in turn (due
 * dates, list names, tags, priorities), styled and laid out after each. Prints the time per update of each round
 * of 1,000; the first round is the cold one. Run beside the code before to compare
 * (docs/PERFORMANCE.md, "A row of the item list updated").
 */
@Tag("perf")
@ExtendWith(ApplicationExtension.class)
class ItemCellPerfTest {
    private static final int ROUNDS = 5;
    private static final int UPDATES = 1_000;

    @TempDir
    static Path tmp;
    private Device device;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        device = TestWindow.device("Row updates", Files.createTempDirectory(tmp, "rows"), null);
        view = TestWindow.mainWindow(stage, device, null, 1100, 720);
    }

    @AfterEach
    void close() throws Exception {
        TestWindow.close(view, device);
    }

    @Test
    void updateItem_upcomingRowsInTurn_printsTimePerUpdate(FxRobot robot) throws Exception {
        TodoList home = device.store().createList("Home");
        for (int i = 0; i < 40; i++) {
            device.store().add("Todo " + i, null, i % 2 == 0 ? home.id() : null, LocalDate.now().plusDays(i % 5 - 1),
                    new TodoDetails(i % 4, i % 3 == 0 ? List.of("home", "errand") : List.of("work"), null, null));
        }
        ListView<ItemRow> lv = robot.lookup("#items").queryListView();
        onFx(() -> {
            view.viewModel().select(Listing.of(BuiltIn.UPCOMING));
            return null;
        });
        waitFor(() -> {
            try {
                return onFx(() -> lv.getItems().size() >= 10);
            } catch (Exception e) {
                return false;
            }
        });
        List<ItemRow> rows = onFx(() -> new ArrayList<>(lv.getItems()));
        long[] micros = onFx(120, () -> {
            ItemCell cell = new ItemCell((ItemListView) lv, view.viewModel());
            cell.updateListView(lv);
            StackPane host = new StackPane(cell);
            Stage window = new Stage();
            window.setScene(new Scene(host, 900, 80));
            window.getScene().getStylesheets().setAll(lv.getScene().getStylesheets());
            window.show();
            long[] out = new long[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long t0 = System.nanoTime();
                for (int k = 0; k < UPDATES; k++) {
                    cell.updateItem(rows.get(k % rows.size()), false);
                    host.applyCss();
                    host.layout();
                }
                out[round] = (System.nanoTime() - t0) / UPDATES / 1_000;
            }
            window.close();
            return out;
        });
        List<Long> warm = new ArrayList<>();
        for (int round = 1; round < ROUNDS; round++) {
            warm.add(micros[round]);
        }
        Collections.sort(warm);
        String report = String.format("rows=%d (Upcoming: due dates, list names, tags, priorities)%n"
                + "one update with its styling and layout: first round %d µs, then median %d µs (rounds: %s)%n",
                rows.size(), micros[0], warm.get(warm.size() / 2), Arrays.toString(micros));
        System.out.print(report);
        assertTrue(micros[0] > 0, "the rounds ran");
        Files.writeString(Path.of("target/perf-rows.txt"), report, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }
}
