package dev.tandem.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Item;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.vm.ItemRow;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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

/** The editor's Time and Length fields and quick add's time in a real window: typed, saved, shown in the row. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class EditorTimeUiTest {
    @TempDir
    static Path tmp;

    private final TestClock clock = new TestClock(ZoneId.systemDefault());
    private Device device;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "ui");
        device = Device.open("UI test", dir, FxExecutor.INSTANCE, null, Duration.ofSeconds(3));
        view = MainWindow.create(device, Theme.LIGHT, null, clock);
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

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
    }

    private ListView<ItemRow> items(FxRobot robot) {
        return robot.lookup("#items").queryListView();
    }

    private Item only() {
        return device.store().allItems().get(0);
    }

    private boolean rowSays(FxRobot robot, String dueLabel) {
        return robot.lookup(".item-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .anyMatch(c -> c.getItem() != null && c.lookupAll(".label").stream()
                        .anyMatch(n -> n instanceof Label l && dueLabel.equals(l.getText())));
    }

    @Test
    void editorTimeAndLength_typedAndEntered_savedAndShownInTheRow(FxRobot robot) throws Exception {
        device.store().add("Call the bank", null, device.store().today().plusDays(1));
        DailyUiTest.waitFor(() -> items(robot).getItems().size() == 1);
        DailyUiTest.waitFor(() -> robot.lookup("Call the bank").tryQuery().isPresent());
        robot.clickOn("Call the bank");
        DailyUiTest.waitFor(() -> robot.lookup("#editor-time").tryQuery().isPresent());
        robot.clickOn("#editor-time").write("2pm").type(KeyCode.ENTER);
        DailyUiTest.waitFor(() -> "14:00".equals(only().dueTime()));
        robot.clickOn("#editor-length").write("30m").type(KeyCode.ENTER);
        DailyUiTest.waitFor(() -> Long.valueOf(30).equals(only().durationMinutes()));
        assertEquals("14:00", fx(() -> robot.lookup("#editor-time").queryTextInputControl().getText()));
        assertEquals("30 min", fx(() -> robot.lookup("#editor-length").queryTextInputControl().getText()));
        DailyUiTest.waitFor(() -> rowSays(robot, "Tomorrow 14:00 · 30 min"));
    }

    @Test
    void quickAdd_timeAndLength_addsATimedTodo(FxRobot robot) throws Exception {
        robot.clickOn("#quick-add").write("Call the bank tomorrow 2pm for 30 min").type(KeyCode.ENTER);
        DailyUiTest.waitFor(() -> device.store().allItems().size() == 1);
        Item it = only();
        assertEquals("Call the bank", it.title());
        assertEquals(device.store().today().plusDays(1), it.dueDate());
        assertEquals("14:00", it.dueTime());
        assertEquals(30L, it.durationMinutes());
    }
}
