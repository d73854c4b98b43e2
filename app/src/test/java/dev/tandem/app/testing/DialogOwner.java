package dev.tandem.app.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;

/**
 * The window a dialog's UI test opens its dialog over: the test's stage with a small empty scene, shown. Registered
 * as an extension ({@code @RegisterExtension}), after each test it closes every other stage (the dialog and whatever
 * it opened) on the FX thread, then the test's stages, then what the test handed to {@link #keep}, last first (a store
 * outlives the dialog that reads it).
 */
public final class DialogOwner implements AfterEachCallback {
    private final List<AutoCloseable> open = new ArrayList<>();
    private Stage stage;

    /** In the test's {@code @Start}: {@code stage}, 400 × 300, shown. */
    public void show(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    /** Closes {@code c} after the test, after the windows. */
    public <T extends AutoCloseable> T keep(T c) {
        open.add(c);
        return c;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        TestWindow.onFx(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
            return null;
        });
        FxToolkit.cleanupStages();
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }
}
