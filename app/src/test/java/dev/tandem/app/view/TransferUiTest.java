package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.waitFor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.app.vm.shared.ItemRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The app menu in a real (headless) window: import a file, see its todos in the list; export them. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TransferUiTest {
    @TempDir
    static Path tmp;

    private Device device;
    private MainView view;
    private final FakeDialogs dialogs = new FakeDialogs();

    @Start
    void start(Stage stage) throws Exception {
        device = TestWindow.device("UI test", Files.createTempDirectory(tmp, "ui"), null);
        view = TestWindow.mainWindow(stage, device, dialogs, 1100, 720);
    }

    @AfterEach
    void close() throws Exception {
        TestWindow.close(view, device);
    }

    private static boolean fx(Callable<Boolean> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
    }

    @Test
    void appMenu_importThenExport_showsTheTodosAndWritesTheFile(FxRobot robot) throws Exception {
        Path ics = Files.writeString(tmp.resolve("inbox.ics"), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
                + "BEGIN:VTODO\r\nUID:a-1\r\nDTSTAMP:20261101T090000Z\r\nSUMMARY:Imported from a calendar\r\nEND:VTODO\r\n"
                + "END:VCALENDAR\r\n");
        dialogs.pathAnswers.add(ics);
        robot.clickOn("#app-menu");
        // The menu opens inside the window, never past its right edge.
        Window main = robot.lookup("#app-menu").query().getScene().getWindow();
        waitFor(() -> robot.listWindows().stream().anyMatch(w -> w instanceof PopupWindow && w.isShowing()));
        Window popup = robot.listWindows().stream().filter(w -> w instanceof PopupWindow
                && w.isShowing()).findFirst().orElseThrow();
        assertTrue(popup.getX() + popup.getWidth() <= main.getX() + main.getWidth() + 1,
                "menu " + (popup.getX() + popup.getWidth()) + " past the window's " + (main.getX() + main.getWidth()));
        robot.clickOn("#import-file");
        ListView<ItemRow> items = robot.lookup("#items").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> items.getItems().stream()
                .anyMatch(r -> r.title().equals("Imported from a calendar"))));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> dialogs.notifications.contains(
                "Import finished: Imported 1 todo from inbox.ics.")));

        Path out = tmp.resolve("out.json");
        dialogs.pathAnswers.add(out);
        robot.clickOn("#app-menu").clickOn("#export-json");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> dialogs.notifications.size() == 2));
        assertTrue(Files.readString(out).contains("\"title\" : \"Imported from a calendar\"")
                || Files.readString(out).contains("\"title\":\"Imported from a calendar\""), Files.readString(out));
        assertEquals(false, fx(() -> robot.lookup("#transfer-status").query().isVisible()));
    }
}
