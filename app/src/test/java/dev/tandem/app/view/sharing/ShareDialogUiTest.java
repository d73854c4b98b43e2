package dev.tandem.app.view.sharing;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.app.view.MainView;
import dev.tandem.app.vm.window.SidebarEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Screen;
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

/**
 * Sharing a list from the real window (headless Monocle) with the real dialogs: the sidebar's
 * "Share…", the remote typed, Share; the invite shows, the dialog stays on the screen, and the
 * sidebar and the title's count line mark the list as shared.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ShareDialogUiTest {
    @TempDir
    Path tmp;
    private Stage stage;
    private Device device;
    private MainView view;

    @Start
    void start(Stage s) {
        stage = s;
    }

    @AfterEach
    void close() throws Exception {
        TestWindow.close(view, device);
    }

    @Test
    void share_fromTheSidebar_inviteShownAndListMarkedShared(FxRobot robot) throws Exception {
        device = TestWindow.device("sam-laptop", tmp.resolve("sam"), null);
        TodoList groceries = device.store().createList("Groceries");
        device.store().add("Oat milk", groceries.id(), null);
        Path shared = Files.createDirectories(tmp.resolve("Shared"));
        view = onFx(() -> TestWindow.mainWindow(stage, device, null, 1100, 700));
        waitFor(() -> view.viewModel().list(groceries.id()).isPresent());
        onFx(() -> {
            view.viewModel().select(new Listing.UserListing(groceries.id()));
            return null;
        });
        Supplier<Optional<Node>> cell = () -> robot.lookup(".sidebar-cell")
                .queryAll().stream().filter(n -> n instanceof ListCell<?> c
                        && c.getItem() instanceof SidebarEntry e && e.name().equals("Groceries")).findFirst();
        waitFor(() -> cell.get().isPresent());
        // The entry's context menu, made when asked for: requested as a right-click or the menu key would (the
        // headless toolkit turns no click into that request).
        onFx(() -> {
            ListCell<?> c = (ListCell<?>) cell.get().orElseThrow();
            Bounds b = c.localToScreen(c.getLayoutBounds());
            c.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 10, b.getMinX() + 10,
                    b.getMinY() + 10, false, null));
            return null;
        });
        waitFor(() -> onFxQuietly(() -> ((ListCell<?>) cell.get().orElseThrow()).getContextMenu() != null
                && ((ListCell<?>) cell.get().orElseThrow()).getContextMenu().isShowing()));
        ContextMenu menu = onFx(() -> ((ListCell<?>) cell.get().orElseThrow()).getContextMenu());
        MenuItem share = onFx(() -> menu.getItems().stream().filter(m -> "share-list".equals(m.getId())).findFirst()
                .orElseThrow());
        assertEquals("Share…", share.getText());
        Platform.runLater(() -> {
            menu.hide();
            share.fire();
        });
        waitFor(() -> robot.lookup("#field-share-remote").tryQuery().isPresent());
        // The kinds of place in the order Settings offers them.
        assertEquals(List.of("share-kind-folder", "share-kind-s3", "share-kind-webdav"), onFx(() -> robot
                .lookup("#share-kind-folder").query().getParent().getChildrenUnmodifiable().stream().map(Node::getId).toList()));
        robot.clickOn("#field-share-remote").write("folder:" + shared);
        onFx(() -> {
            TextField name = robot.lookup("#field-share-name").queryAs(TextField.class);
            name.setText("Sam");
            return null;
        });
        robot.clickOn("#share-button");
        waitFor(() -> robot.lookup("#share-invite").tryQuery().map(n -> !((TextField) n).getText().isEmpty()).orElse(false));
        onFx(() -> {
            String code = robot.lookup("#share-invite").queryAs(TextField.class).getText();
            assertTrue(code.startsWith("tandem-invite-"), code);
            Window w = robot.lookup("#share-dialog").query().getScene().getWindow();
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            assertTrue(w.getY() >= screen.getMinY() && w.getY() + w.getHeight() <= screen.getMaxY(),
                    "the dialog stays on the screen: " + w.getY() + "+" + w.getHeight() + " in " + screen);
            return null;
        });
        waitFor(() -> robot.lookup("Sam").tryQuery().isPresent());
        robot.clickOn("Close");
        waitFor(() -> view.viewModel().sidebar().stream().anyMatch(e -> e.name().equals("Groceries") && e.shared()));
        waitFor(() -> view.viewModel().chrome().countTextProperty().get().endsWith("· shared"));
        onFx(() -> {
            assertEquals("1 todo · shared", view.viewModel().chrome().countTextProperty().get());
            return null;
        });
        assertTrue(Files.isDirectory(shared.resolve("members")), "the space's membership log is in the folder");
    }

    private static boolean onFxQuietly(java.util.concurrent.Callable<Boolean> c) {
        try {
            return onFx(c);
        } catch (Exception e) {
            return false;
        }
    }
}
