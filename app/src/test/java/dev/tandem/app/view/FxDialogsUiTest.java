package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.ui.Theme;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.StackPane;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window's notifications in a real (headless Monocle) window. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class FxDialogsUiTest {
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        s.setScene(new Scene(new StackPane(), 800, 600));
        s.show();
    }

    /** As long as the new-device-id notice: it wraps within the window instead of running past it. */
    @Test
    void notify_longMessage_wrapsWithinTheWindow() throws Exception {
        String longMessage = "This device now syncs under a new device id, because a copy of its profile (or a restored"
                + " backup) synced under the old one. What the copy wrote is merged here; nothing was lost.";
        onFx(() -> {
            new FxDialogs(() -> stage, Theme.LIGHT::stylesheets, Async.direct(e -> { }))
                    .notify("New device id", longMessage, false);
            return null;
        });
        waitFor(() -> popup() != null && popup().getWidth() > 0);
        onFx(() -> {
            Window p = popup();
            assertTrue(p.getWidth() <= stage.getWidth(), "the notification is " + p.getWidth() + " px wide in a "
                    + stage.getWidth() + " px window");
            return null;
        });
    }

    /** The confirmations, the choice and the prompt for text: the app's own question icon, not the toolkit's stock "?". */
    @Test
    void questions_showTheAppsIcon_notTheStockOne(FxRobot robot) throws Exception {
        FxDialogs d = new FxDialogs(() -> stage, Theme.LIGHT::stylesheets, Async.direct(e -> { }));
        List<Runnable> asks = List.of(
                () -> d.confirm("Complete “Pack boxes”?", "“Pack boxes” has 3 open subtasks.", "Complete all"),
                () -> d.choose("Move a repeating todo", "Move only this one, or the whole series?",
                        List.of("This one", "The series")),
                () -> d.askText("New list", "Name", ""));
        for (Runnable ask : asks) {
            Platform.runLater(ask);
            waitFor(() -> shownPane() != null && shownPane().getScene().getWindow().getWidth() > 0);
            Object graphic = onFx(() -> shownPane().getGraphic());
            assertTrue(graphic instanceof FontIcon, "the app's icon: " + graphic);
            robot.clickOn("Cancel");
            waitFor(() -> shownPane() == null);
        }
    }

    private static DialogPane shownPane() {
        return new ArrayList<>(Window.getWindows()).stream().filter(Window::isShowing)
                .map(w -> w.getScene() == null ? null : w.getScene().getRoot())
                .filter(r -> r instanceof DialogPane)
                .map(DialogPane.class::cast).findFirst().orElse(null);
    }

    private static Window popup() {
        return new ArrayList<>(Window.getWindows()).stream().filter(w -> w instanceof PopupWindow && w.isShowing())
                .findFirst().orElse(null);
    }
}
