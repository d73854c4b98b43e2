package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.ui.Theme;
import java.util.ArrayList;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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

    private static Window popup() {
        return new ArrayList<>(Window.getWindows()).stream().filter(w -> w instanceof PopupWindow && w.isShowing())
                .findFirst().orElse(null);
    }
}
