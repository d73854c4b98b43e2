package dev.tandem.app;

import dev.tandem.ui.Theme;
import dev.tandem.ui.messages.Messages;
import java.net.URL;
import javafx.geometry.NodeOrientation;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * What every window showing a device has, the app's and the demo's two alike: the least size the
 * layout is made for, the icon, and its focus reported to the device's sync.
 */
public final class AppStage {
    /** The narrowest main window the layout is made for (MainView narrows its sidebar below 1000 px). */
    public static final double MIN_WIDTH = 760;
    /**
     * The least height: the header, a few rows, the editor's fields and the status bar all fit; lower,
     * the status bar and the editor's history were cut off.
     */
    public static final double MIN_HEIGHT = 600;

    private AppStage() {
    }

    /**
     * Tells the profile's sync service whether someone is looking: checks for other devices' changes
     * run every few seconds then, and rarely while the window is in the background or minimized.
     */
    public static void reportFocus(Stage stage, Device device) {
        Runnable report = () -> device.sync().setFocused(stage.isFocused() && !stage.isIconified());
        stage.focusedProperty().addListener((o, a, b) -> report.run());
        stage.iconifiedProperty().addListener((o, a, b) -> report.run());
        report.run();
    }

    /** The app icon from ui-resources, if present. */
    public static void setIcon(Stage stage) {
        URL icon = Theme.class.getResource("icons/app-icon.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon.toExternalForm(), true));
        }
    }

    /** Mirrors a window for a right-to-left language: JavaFX lays every control out from the right. */
    public static void orient(Scene scene) {
        scene.setNodeOrientation(Messages.language().rightToLeft()
                ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
    }
}
