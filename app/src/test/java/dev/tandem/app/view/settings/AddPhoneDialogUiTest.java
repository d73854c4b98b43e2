package dev.tandem.app.view.settings;

import static dev.tandem.app.testing.TestWindow.onFx;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.testing.DialogOwner;
import dev.tandem.app.vm.settings.AddPhoneViewModel;
import dev.tandem.ui.Theme;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** "Add a phone…" in a real (headless Monocle) window: the code drawn, the link shown, and it fits a small screen. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class AddPhoneDialogUiTest {
    @RegisterExtension
    final DialogOwner owner = new DialogOwner();

    @Start
    void start(Stage s) {
        owner.show(s);
    }

    @Test
    void open_savedWebDav_drawsTheCodeAndShowsTheLink_fitsA1366x768Screen(FxRobot robot) throws Exception {
        SyncSettings dav = SyncSettings.webDav(new SyncSettings.Dav("https://dav.example/tandem", "anna", "app-pass", ""),
                "secret words", 60);
        onFx(() -> {
            new AddPhoneDialog(owner.stage(), new AddPhoneViewModel(dav), Theme.LIGHT.stylesheets()).show();
            return null;
        });
        onFx(() -> {
            Canvas qr = robot.lookup("#add-phone-qr").queryAs(Canvas.class);
            assertTrue(qr.isVisible() && qr.getWidth() > 200);
            String link = robot.lookup("#add-phone-link").queryAs(TextField.class).getText();
            assertTrue(link.startsWith("https://dav.example/tandem/page/index.html#join="), link);
            assertTrue(!link.contains("secret"), link);
            assertTrue(!robot.lookup("#add-phone-problem").query().isVisible());
            Window w = Window.getWindows().stream().filter(x -> x.getScene() != null
                    && x.getScene().lookup("#add-phone-dialog") != null).findFirst().orElseThrow();
            assertTrue(w.getWidth() <= 1366 && w.getHeight() <= 768, w.getWidth() + "×" + w.getHeight());
            return null;
        });
    }
}
