package dev.tandem.app.caldav;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.app.view.MainView;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.engine.caldav.CalDavAccount;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.engine.testing.CalDavServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import javafx.scene.control.CheckBox;
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
 * The outline in a real (headless) window with the phone's side played by python3-caldav on Radicale: a
 * subtask the phone makes shows under its parent; completing that parent in the window asks about its open
 * subtasks, completes them with it, and the phone sees all of them completed.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class StructureUiTest {
    @TempDir
    static Path tmp;

    private Device device;
    private MainView view;
    private CalDavFixture fixture;
    private TodoList list;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "ui");
        fixture = new CalDavFixture(dir, CalDavServer.Kind.RADICALE);
        device = TestWindow.device("UI test", Files.createDirectories(dir.resolve("profile")), null);
        view = TestWindow.mainWindow(stage, device, null, 1100, 720);
        list = device.store().createList("Move");
    }

    @AfterEach
    void close() throws Exception {
        TestWindow.close(view, device);
        fixture.close();
    }

    /** One CalDAV sync of the window's profile, connecting "Move", off the UI thread as the app runs it. */
    private CalDavReport caldav() {
        try (CalDavState state = CalDavState.open(device.store().replica().file());
             CalDavAccount account = CalDavAccount.connect(new WebDavSettings(fixture.server.url(), fixture.server.user(),
                     CalDavServer.PASSWORD))) {
            return CalDavSync.run(device.store(), account, state, List.of("Move"), ZoneOffset.UTC);
        }
    }

    private List<String> shown(FxRobot robot) throws Exception {
        ListView<ItemRow> items = robot.lookup("#items").queryListView();
        return onFx(() -> items.getItems().stream().map(r -> "  ".repeat(r.depth()) + r.title()).toList());
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
        } catch (Exception | AssertionError e) {
            assertEquals(expected, shown(robot));
        }
    }

    @Test
    void subtaskFromThePhone_showsUnderItsParent_completingTheParentCompletesBoth(FxRobot robot) throws Exception {
        device.store().add("Pack boxes", null, list.id(), null, null, TodoDetails.NONE);
        caldav();
        PyCalDav phone = fixture.python();
        phone.addChild("Move", "Label boxes", "Pack boxes");
        caldav();

        waitFor(() -> robot.lookup("Move").tryQuery().isPresent());
        robot.clickOn("Move");
        awaitShown(robot, List.of("Pack boxes", "  Label boxes"));

        ListView<ItemRow> items = robot.lookup("#items").queryListView();
        CheckBox box = onFx(() -> (CheckBox) items.lookupAll(".item-cell").stream().map(n -> (ListCell<?>) n)
                .filter(c -> c.getItem() instanceof ItemRow r && r.title().equals("Pack boxes") && c.isVisible())
                .findFirst().orElseThrow().lookup(".check-box"));
        assertTrue(box != null, "the parent's row has a check box");
        robot.clickOn(box);
        waitFor(() -> robot.lookup("Complete all").tryQuery().isPresent());
        robot.clickOn("Complete all");
        awaitShown(robot, List.of());
        for (Item i : device.store().allItems()) {
            assertTrue(i.isDone(), i.title() + " is done");
        }
        caldav();
        List<String> onPhone = phone.tasks("Move");
        assertEquals(2, onPhone.size(), onPhone.toString());
        assertTrue(onPhone.stream().allMatch(l -> l.contains("|COMPLETED|")), "the phone sees both completed: " + onPhone);
    }
}
